/** How far the datastore behind an env credential reaches, judged by the compose services that use it (SPEC §10). */
import type { VariableUse } from '../../../project/env-usage';
import { composeOf, envFileUsers, projectLookup } from '../../../project/compose-project';
import { credentialReach } from '../../../project/reachability';
import type { EnvContext } from './context';

/**
 * `internal` when every service that gets the credential (through `${VAR}` in `.env`, or an `env_file`)
 * opens a datastore only the project reaches; `reachable` when one is published; undefined when it is
 * not a datastore credential or no compose file of the workspace uses it.
 */
export function useReach(ctx: EnvContext, key: string, uses: VariableUse[]): 'internal' | 'reachable' | undefined {
  const users = uses.length
    ? uses.map((u) => ({ composePath: u.composePath, service: u.service, key: u.key ?? key }))
    : envFileUsers(ctx.workspace, ctx.file.path).map((u) => ({ ...u, key }));
  if (!users.length) return undefined;
  for (const u of users) {
    const compose = composeOf(ctx.workspace, u.composePath);
    const svc = compose?.services.find((s) => s.name === u.service);
    if (!compose || !svc) return undefined;
    const r = credentialReach(compose, svc, u.key, projectLookup(ctx.workspace, u.composePath));
    if (!r) return undefined;
    if (r.reach !== 'internal') return 'reachable';
  }
  return 'internal';
}
