import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { ancestor, anchorIn, type ConfNode } from '../../nginx/tree';
import { directiveText, insertInBlock } from '../../nginx/edit';
import { flagOf } from '../../nginx/inherit';
import {
  STATUS_DIRECTIVES, authInEffect, catchAll, effectiveAccess, familiesOf, hidesRules, reachOf, satisfyAny, serverOf,
} from '../../nginx/access';

function isInternal(loc: ConfNode): boolean {
  return (loc.args[0]?.value ?? '').startsWith('@') || (loc.children ?? []).some((c) => c.name === 'internal');
}

export const statusPageExposed: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/status-page-exposed', language: 'nginx', severity: 'warning',
  title: 'Status page reachable without an address allowlist or authentication',
  docs: {
    why: '`stub_status` (and the status pages of the VTS module, `vhost_traffic_status_display`, the upstream '
      + 'check module, `check_status`, and NGINX Plus, `status`/`api`) tells anyone who asks that this is nginx, '
      + 'how many connections it holds and how traffic moves: reconnaissance for timing an attack or a flood. '
      + 'NGINX Plus\'s `api write=on` also lets the caller change upstreams (reported as an error). Restrict it to '
      + 'the monitoring hosts with `allow ...; deny all;` or put authentication in front.\n\nChecked as nginx '
      + 'decides: the `allow`/`deny` list in force is the location\'s own, else the nearest enclosing one (a '
      + 'location with any rule of its own does not inherit the server\'s); the first rule matching a client '
      + 'decides and a client that no rule matches is let in; `0.0.0.0/0` covers IPv4 clients only and `::/0` '
      + 'IPv6 only, read against the families the server listens on. `satisfy any` with `allow all` lets everyone '
      + 'past the password. Not reported: servers that listen only on loopback or unix sockets (local '
      + 'monitoring), `internal` and named locations, and a page closed to everyone with `deny all` alone '
      + '(Gixy-Next\'s `status_page_exposed` reports that one too; nobody can read such a page, so there is '
      + 'nothing exposed).',
    fixSafety: 'The fix adds `allow 127.0.0.1; deny all;` to the location (or only the missing `deny all;`, keeping the allowlist you wrote). Remote monitoring then needs its address added, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['nginx ngx_http_stub_status_module documentation', 'Gixy-Next status_page_exposed'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    const top = view.cfg.nodes;
    for (const n of nodesNamed(view.cfg, path, ...STATUS_DIRECTIVES)) {
      const block = n.parent;
      if (!block || flagOf(n) === 'off' || n.children) continue;
      const loc = block.name === 'location' ? block : ancestor(block, 'location');
      const server = serverOf(block);
      if ((n.name === 'status' || n.name === 'api') && !loc) continue;
      if (!server || ancestor(server, 'stream', 'mail') || (loc && isInternal(loc)) || reachOf(server) !== 'network') continue;
      let hidden = false;
      for (let p: ConfNode | undefined = block; p && !hidden; p = p.parent) hidden = hidesRules(p, top, view.cfg.unresolved);
      if (hidden) continue;
      const { level, rules } = effectiveAccess(block, top);
      const verdicts = familiesOf(server).map((f) => catchAll(rules, f));
      const auth = authInEffect(block, top);
      const allowsAll = verdicts.includes('allow');
      if (auth ? !(satisfyAny(block, top) && allowsAll) : !verdicts.some((v) => v !== 'deny')) continue;
      const what = `${n.name}${n.name === 'stub_status' ? '' : ' (status page)'}`;
      let reason: string;
      if (auth) reason = `allow all under satisfy any lets every client past ${auth.name}`;
      else if (allowsAll) reason = 'its allow list lets every client in';
      else if (rules.length) reason = 'its allow/deny list does not end with deny all, so every client it does not name is let in';
      else reason = 'no allow/deny list or authentication guards it';
      const writable = n.name === 'api' && n.args.some((a) => a.value === 'write=on');
      const fixLines = allowsAll ? undefined : linesFor(view.file.path, view.file.text, level, block, rules);
      const anchor = anchorIn(n, path) ?? n;
      ctx.report({
        span: anchor.d.span,
        ...(writable ? { severity: 'error' as const } : {}),
        message: `${what} is reachable from the network: ${reason}.${writable ? ' With write=on any client can also change the upstreams.' : ''}`,
        fixes: fixLines && block.file === path ? [{
          title: fixLines.length === 1 ? 'Add deny all; after the allow rules' : `Allow only ${fixLines.length === 2 && fixLines[0] === 'allow 127.0.0.1;' ? 'localhost' : 'the listed addresses'} (${fixLines.join(' ')})`,
          safe: false,
          edits: [insertInBlock(view.file, block.d, fixLines, { after: (c) => c.name === 'allow' || c.name === 'deny' || STATUS_DIRECTIVES.has(c.name) })],
        }] : [],
      });
    }
  },
};

/**
 * The lines that close the block: `deny all;` after its own allow list; else its own list, made of
 * the inherited allows (when they are in this file) or localhost, and `deny all;`.
 */
function linesFor(file: string, text: string, level: ConfNode | undefined, block: ConfNode, rules: readonly ConfNode[]): string[] | undefined {
  if (level === block && rules.length) return ['deny all;'];
  const allows = rules.filter((r) => r.name === 'allow');
  if (!allows.length) return ['allow 127.0.0.1;', 'deny all;'];
  if (allows.some((r) => r.file !== file)) return undefined;
  return [...allows.map((r) => directiveText(text, r.d)), 'deny all;'];
}
