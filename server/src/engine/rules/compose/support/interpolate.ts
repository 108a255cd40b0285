/**
 * A compose value as compose would interpolate it from the project's `.env` (SPEC §5), for rules that
 * judge what a `${VAR}` turns into (a host address, a mount source). Variables the `.env` lacks count as
 * unset, so without a `.env` this gives what `withDefaults` gives.
 */
import { scanInterpolation } from '../../../parse/interpolation';
import { composeProject } from '../../../project/compose-project';
import type { ComposeContext } from './report';

export type Lookup = (name: string) => string | undefined;

/** The project's `.env` values (the last definition of a name wins). */
export function projectLookup(ctx: ComposeContext): Lookup {
  const project = composeProject(ctx.workspace, ctx.file.path);
  return (name) => project.variable(name)?.entry.value;
}

/** `text` with every reference replaced; undefined when a value cannot be known (unset, no default, or `:?`). */
export function interpolate(text: string, lookup: Lookup, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  let out = '';
  let pos = 0;
  for (const r of scanInterpolation(text)) {
    out += text.slice(pos, r.span.start).replace(/\$\$/g, '$');
    const value = lookup(r.name);
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    let part: string | undefined;
    switch (r.operator) {
      case undefined: part = value; break;
      case ':-': part = nonEmpty ? value : interpolate(r.arg ?? '', lookup, depth + 1); break;
      case '-': part = set ? value : interpolate(r.arg ?? '', lookup, depth + 1); break;
      case ':?': part = nonEmpty ? value : undefined; break;
      case '?': part = set ? value : undefined; break;
      case ':+': part = nonEmpty ? interpolate(r.arg ?? '', lookup, depth + 1) : ''; break;
      case '+': part = set ? interpolate(r.arg ?? '', lookup, depth + 1) : ''; break;
    }
    if (part === undefined) return undefined;
    out += part;
    pos = r.span.end;
  }
  return out + text.slice(pos).replace(/\$\$/g, '$');
}
