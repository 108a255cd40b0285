/**
 * A compose value as compose would interpolate it from the project's `.env` (SPEC §5), for rules that
 * judge what a `${VAR}` turns into (a host address, a mount source). Variables the `.env` lacks count as
 * unset, so without a `.env` this gives what `withDefaults` gives.
 */
import type { Lookup } from '../../../parse/interpolation';
import { composeProject } from '../../../project/compose-project';
import type { ComposeContext } from './report';

export { interpolate, type Lookup } from '../../../parse/interpolation';

/** The project's `.env` values (the last definition of a name wins). */
export function projectLookup(ctx: ComposeContext): Lookup {
  const project = composeProject(ctx.workspace, ctx.file.path);
  return (name) => project.variable(name)?.entry.value;
}
