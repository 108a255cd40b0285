import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView, type NginxView } from '../../nginx/rule-context';
import { hasIncludes, nodesNamed } from '../../nginx/view';
import { anchorIn, childrenNamed, walk, type ConfNode } from '../../nginx/tree';
import { effectiveList } from '../../nginx/inherit';
import { directiveText, insertInBlock } from '../../nginx/edit';

/** Request headers whose loss changes what the upstream believes about the client (Gixy-Next's list). */
const SECURE = new Set(['host', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'forwarded', 'authorization', 'proxy-authorization', 'early-data']);

function headerName(n: ConfNode): string { return n.args[0]?.value.toLowerCase() ?? ''; }

/** Whether a request handled under `level` can reach a proxy_pass that uses the list of `level` (not one of a nested level with its own). */
function proxiesWith(level: ConfNode): boolean {
  let found = false;
  walk(level.children ?? [], (n) => {
    if (found) return false;
    if (n.name === 'proxy_pass') { found = true; return false; }
    if (n.children && n.name !== 'if' && childrenNamed(n, 'proxy_set_header').length) return false;
    return undefined;
  });
  return found;
}

/** An include of the level that we cannot read and whose name says it sets proxy headers (Debian's `proxy_params`, a `proxy.conf`): it may repeat them. */
function hidesHeaders(view: NginxView, level: ConfNode): boolean {
  if (!hasIncludes(view.cfg)) return false;
  return (level.children ?? []).some((n) => n.name === 'include' && /proxy|header/i.test(n.args[0]?.value ?? '') && !view.cfg.includes.get(n)?.files.length);
}

function describe(n: ConfNode): string {
  return n.name === 'location' ? `location ${n.args.map((a) => a.raw).join(' ')}` : `this ${n.name} block`;
}

export const proxyHeaderInheritance: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/proxy-header-inheritance', language: 'nginx', severity: 'warning',
  title: 'proxy_set_header in a block drops the ones set at the enclosing level',
  docs: {
    why: '`proxy_set_header` is inherited like `add_header`: a level gets the enclosing level\'s list **only when '
      + 'it declares none of its own**. One `proxy_set_header Upgrade $http_upgrade;` in a location silently '
      + 'drops the `Host`, `X-Forwarded-For`, `X-Forwarded-Proto` set on the server for requests of that '
      + 'location: the app sees nginx as the client, plain HTTP as the scheme, and `Host` falls back to the '
      + 'upstream\'s name. It also drops a blanking such as `proxy_set_header X-Internal-Auth "";`, so a '
      + 'client-supplied value reaches the upstream again.\n\nReported for a server or location whose own list '
      + 'leaves out a header of the list it would otherwise inherit, when requests under it are proxied with that '
      + 'list. `warning` when a lost header is one the upstream trusts for the client\'s identity or scheme (Host, '
      + 'X-Forwarded-*, X-Real-IP, Forwarded, Authorization, Early-Data) or a blanked one, `info` otherwise. Same '
      + 'check as Gixy-Next\'s `proxy_set_header_redefinition` (compared against the nearest level, so one loss is '
      + 'reported once). An include that we cannot read and whose name says it sets proxy headers '
      + '(`proxy_params`) may repeat them: not reported.',
    fixSafety: 'The fix repeats the dropped lines in the block. The upstream then receives what the author set above, which changes its input, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['nginx ngx_http_proxy_module documentation (proxy_set_header)', 'Gixy-Next proxy_set_header_redefinition'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    const top = view.cfg.nodes;
    const done = new Set<ConfNode>();
    for (const first of nodesNamed(view.cfg, path, 'proxy_set_header')) {
      const level = first.parent;
      if (!level || done.has(level) || (level.name !== 'server' && level.name !== 'location')) continue;
      done.add(level);
      const inherited = level.parent ? effectiveList(level.parent, 'proxy_set_header', top) : top.filter((n) => n.name === 'proxy_set_header');
      if (!inherited.length) continue;
      const own = new Set(childrenNamed(level, 'proxy_set_header').map(headerName));
      const seen = new Set<string>();
      const lost = inherited.filter((n) => {
        const h = headerName(n);
        if (own.has(h) || seen.has(h)) return false;
        seen.add(h);
        return true;
      });
      if (!lost.length || hidesHeaders(view, level) || !proxiesWith(level)) continue;
      const blanked = lost.filter((n) => (n.args[1]?.value ?? '') === '');
      const serious = lost.some((n) => SECURE.has(headerName(n))) || blanked.length > 0;
      const names = lost.map((n) => n.args[0].value);
      const from = lost[0].parent?.name ?? (view.cfg.context === 'server' ? 'server' : 'http');
      const anchor = anchorIn(childrenNamed(level, 'proxy_set_header')[0], path) ?? first;
      const texts = lost.map((n) => { const t = ctx.workspace.readFile(n.file); return t === undefined ? '' : directiveText(t, n.d); });
      const notes = [
        ...(seen.has('host') && !own.has('host') ? ['Host falls back to the upstream\'s name'] : []),
        ...(blanked.length ? [`the blanked ${blanked.map((n) => n.args[0].value).join(', ')} can be sent by the client again`] : []),
      ];
      ctx.report({
        span: anchor.d.span,
        ...(serious ? {} : { severity: 'info' as const }),
        message: `${describe(level)} has its own proxy_set_header, so nginx no longer sends ${names.join(', ')} set at ${from} level to the upstream${notes.length ? ` (${notes.join('; ')})` : ''}.`,
        fixes: level.file === path && texts.every(Boolean) ? [{
          title: `Repeat ${names.join(', ')} in this block`, safe: false,
          edits: [insertInBlock(view.file, level.d, texts, { after: (c) => c.name === 'proxy_set_header', before: (c) => !!c.block })],
        }] : [],
      });
    }
  },
};
