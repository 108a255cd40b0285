/** How far the datastore behind an env credential reaches, judged by the compose services that use it (ARCHITECTURE.md, Precision). */
import type { VariableUse } from '../../../project/env-usage';
import { composeOf, envFileUsers, projectLookup } from '../../../project/compose-project';
import { appUsersReach, credentialReach, tokenPortReach } from '../../../project/reachability';
import type { EnvContext } from './context';
import { ignoredSetting, type IgnoredSetting } from '../../../catalogue/ignored-settings';

/**
 * `internal` when every service that gets the credential (through `${VAR}` in `.env`, or an `env_file`)
 * opens a datastore only the project reaches; `reachable` when one is published; undefined when it is
 * not a datastore credential or no compose file of the workspace uses it. `note` says what makes an
 * unpublished datastore reachable (the users of a connector app), for the message.
 */
export function credentialUseReach(ctx: EnvContext, key: string, uses: VariableUse[]): { reach: 'internal' | 'reachable'; note?: string } | undefined {
  const users = uses.length
    ? uses.map((u) => ({ composePath: u.composePath, service: u.service, key: u.key ?? key }))
    : envFileUsers(ctx.workspace, ctx.file.path).map((u) => ({ ...u, key }));
  if (!users.length) return undefined;
  let note: string | undefined;
  for (const u of users) {
    const { compose, svc } = serviceOfUse(ctx, u);
    if (!compose || !svc) return undefined;
    const r = credentialReach(compose, svc, u.key, projectLookup(ctx.workspace, u.composePath));
    if (!r) return undefined;
    if (r.reach === 'app-users') note ??= appUsersReach(compose, r);
    else if (r.reach !== 'internal') return { reach: 'reachable' };
  }
  return note ? { reach: 'reachable', note } : { reach: 'internal' };
}

/**
 * When the credential is a token services of the project share on a port that is not published (n8n's
 * runner token on its broker port), what guards it, for the message; undefined otherwise.
 */
export function internalTokenPort(ctx: EnvContext, key: string, uses: VariableUse[]): string | undefined {
  let found: string | undefined;
  for (const u of uses) {
    const { compose, svc } = serviceOfUse(ctx, u);
    const r = compose && svc ? tokenPortReach(compose, svc, u.key ?? key, projectLookup(ctx.workspace, u.composePath)) : undefined;
    if (!r) continue;
    if (r.reach !== 'internal') return undefined;
    found ??= `${r.what} it guards (service \`${u.service}\`, port ${r.port}) is not published, so only the project's containers can present it`;
  }
  return found;
}

/** The catalogue row when every service that gets the credential runs an image version that ignores it (Pi-hole v6's WEBPASSWORD). */
export function ignoredByEveryUse(ctx: EnvContext, key: string, uses: VariableUse[]): { row: IgnoredSetting; image: string } | undefined {
  let out: { row: IgnoredSetting; image: string } | undefined;
  for (const u of uses) {
    const { svc } = serviceOfUse(ctx, u);
    const row = ignoredSetting(svc?.image, u.key ?? key);
    if (!row || !svc?.image) return undefined;
    out ??= { row, image: svc.image.raw };
  }
  return out;
}

/** The compose file and service a use of the credential names (either undefined when not in the workspace). */
function serviceOfUse(ctx: EnvContext, u: { composePath: string; service: string }) {
  const compose = composeOf(ctx.workspace, u.composePath);
  return { compose, svc: compose?.services.find((s) => s.name === u.service) };
}
