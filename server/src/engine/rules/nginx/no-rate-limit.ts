import type { EditSpec, Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { serverLabel } from '../../nginx/servers';
import { insertInBlock } from '../../nginx/edit';
import { effectiveList } from '../../nginx/inherit';
import { nodesNamed } from '../../nginx/view';
import { findAll, type ConfNode } from '../../nginx/tree';
import { existingZones, passesUpstream, planZone, usesLimitReq } from '../../nginx/rate-limit';

/** Path words of sign-in and credential endpoints (ARCHITECTURE.md, Rules); `/author(s)` is not one. */
const AUTH_PATH = /log-?in|sign-?in|sign-?up|auth(?!ors?\b)|token|session|passw(?:or)?d|register/i;

function locationPath(n: ConfNode): string {
  return n.args.map((a) => a.value).filter((v) => !/^(=|~\*?|\^~|@)$/.test(v)).join(' ');
}

function isInternal(n: ConfNode): boolean {
  return (n.children ?? []).some((c) => c.name === 'internal') || (n.args[0]?.value ?? '').startsWith('@');
}

export const noRateLimit: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/no-rate-limit', language: 'nginx', severity: 'warning',
  title: 'Login endpoint without rate limiting',
  docs: {
    why: 'A sign-in, token or password endpoint that nginx passes to the app without `limit_req` lets anyone try '
      + 'passwords or tokens as fast as the app answers. The Fluxbase guide limits `/api/v1/auth/login` to 5 '
      + 'requests per minute; the SEEN guide asks for rate limits as well. Locations whose path contains login, '
      + 'signin, signup, auth, token, session, password or register and that pass requests upstream are reported '
      + 'as a warning; a config without any `limit_req` gets one info finding at its first proxied server.',
    fixSafety: 'The fix adds a `limit_req_zone` (keyed by client address) at the http level — in the http block, or at the top of a file included in `http {}` — and `limit_req zone=... burst=... nodelay;` where it is needed. It changes how many requests get through, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Fluxbase guide', 'SEEN guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    const zones = existingZones(view);
    let warned = false;
    const locations = nodesNamed(view.cfg, path, 'location').filter((n) => !!n.children);
    for (const loc of locations) {
      const p = locationPath(loc);
      if (!AUTH_PATH.test(p) || isInternal(loc) || !passesUpstream(loc)) continue;
      if (effectiveList(loc, 'limit_req', view.cfg.nodes).length) continue;
      warned = true;
      const fix = limitFix(view, zones, 'deploylint_auth', '5r/m', loc, 'burst=5 nodelay');
      ctx.report({
        span: { start: loc.args[0].span.start, end: loc.args[loc.args.length - 1].span.end },
        message: `location "${p}" passes sign-in or credential requests upstream without limit_req: passwords and tokens can be guessed at full speed.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    if (warned || usesLimitReq(view)) return;
    const server = view.servers.find((s) => passesUpstream(s) || findAll(s.children ?? [], passesUpstream).length > 0);
    if (!server) return;
    const fix = limitFix(view, zones, 'deploylint_req', '10r/s', server, 'burst=20 nodelay');
    ctx.report({
      span: server.d.nameSpan, severity: 'info',
      message: `${serverLabel(server)} proxies to an app and the config has no limit_req at all: nothing slows down floods or password guessing.`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};

function limitFix(
  view: ReturnType<typeof nginxView>, zones: string[], base: string, rate: string, block: ConfNode, params: string,
): { title: string; safe: boolean; edits: EditSpec[] } | undefined {
  if (block.file !== view.file.path) return undefined;
  const plan = zones.length ? { name: zones[0] } : planZone(view, base, rate);
  if (!plan) return undefined;
  const edits: EditSpec[] = [];
  if ('edit' in plan && plan.edit) edits.push(plan.edit);
  edits.push(insertInBlock(view.file, block.d, [`limit_req zone=${plan.name} ${params};`], {
    after: (c) => c.name === 'limit_req' || c.name === 'server_name' || c.name === 'listen', before: (c) => !!c.block || /_pass$/.test(c.name),
  }));
  return { title: zones.length ? `Add limit_req (zone ${plan.name})` : `Add limit_req_zone ${plan.name} and limit_req`, safe: false, edits };
}
