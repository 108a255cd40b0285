import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { configSet, nginxView } from '../../nginx/rule-context';
import { nodesNamed, viewNodesNamed } from '../../nginx/view';
import { childrenNamed, type ConfNode } from '../../nginx/tree';
import { effectiveDirective } from '../../nginx/inherit';
import { broadRange } from '../../nginx/address-ranges';

export const realIpSpoofable: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/real-ip-spoofable', language: 'nginx', severity: 'warning',
  title: 'Client address taken from a header that clients can forge',
  docs: {
    why: '`set_real_ip_from` tells nginx which peers may name the client\'s address in `real_ip_header`; from then '
      + 'on `$remote_addr` is that header\'s value, and so are `allow`/`deny`, `limit_req` keys, logs, '
      + 'fail2ban-style bans and the `X-Forwarded-For` the app receives. Trusting a whole private network '
      + '(10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7) trusts every machine on the LAN, every container, '
      + 'and every client when Docker\'s userland proxy or NAT makes outside connections arrive from the bridge '
      + 'gateway. Such a peer forges its address when:\n\n- `real_ip_recursive on`: nginx walks the header from the '
      + 'right and skips every trusted address, so a client inside the trusted range (or one that prepends a '
      + 'trusted address) chooses the result;\n- the header is one the outer proxy does not overwrite: with the '
      + 'default `X-Real-IP`, a client\'s own `X-Real-IP` passes the outer proxy unchanged unless it sets '
      + '`proxy_set_header X-Real-IP $remote_addr;` (nginx configs of the same folder are checked for that);\n- '
      + 'the range is `0.0.0.0/0` or `::/0`: every client is trusted.\n\n`real_ip_header X-Forwarded-For` without '
      + 'recursion takes the last address, the one the trusted proxy appended, and `real_ip_header '
      + 'proxy_protocol` comes from the connection, not from the request: neither is reported unless everything '
      + 'is trusted. Found by reviewers in Nginx Proxy Manager, mailcow, Lemmy and Sentry; no other linter '
      + 'reports it. Templates that switch between headers (`{% if %}`) count every alternative.\n\nThe real fix is '
      + 'to trust only the proxy\'s own address (the Docker network\'s gateway, the load balancer).',
    fixSafety: 'Where the header is `X-Forwarded-For`, the fix sets `real_ip_recursive off`. A chain of several trusted proxies then logs the last proxy, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['nginx ngx_http_realip_module documentation', 'reviewers\' findings on NPM, mailcow, Lemmy, Sentry'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const top = view.cfg.nodes;
    const byBlock = new Map<ConfNode | undefined, ConfNode[]>();
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'set_real_ip_from')) {
      const list = byBlock.get(n.parent);
      if (list) list.push(n); else byBlock.set(n.parent, [n]);
    }
    let overwritten: Set<string> | undefined;
    for (const [block, trusts] of byBlock) {
      const broad = trusts.map((n) => ({ n, kind: broadRange(n.args[0]?.value ?? '') })).filter((t) => t.kind);
      if (!broad.length) continue;
      const everything = broad.some((t) => t.kind === 'everything');
      const headers = headerAlternatives(block, top);
      const recursiveNode = block ? effectiveDirective(block, 'real_ip_recursive', top) : lastTop(top, 'real_ip_recursive');
      const recursive = recursiveNode?.args[0]?.value === 'on';
      const forgeable = headers.filter((h) => h.toLowerCase() !== 'proxy_protocol');
      if (!forgeable.length) continue;
      overwritten ??= headersSetByOtherConfigs(ctx, view.cfg);
      const notOverwritten = forgeable.filter((h) => h.toLowerCase() !== 'x-forwarded-for' && !overwritten!.has(h.toLowerCase()));
      let why: string;
      if (everything) why = 'every client is trusted';
      else if (recursive) why = 'real_ip_recursive is on, so a client inside those ranges picks its own address';
      else if (notOverwritten.length) why = `no proxy in front is seen overwriting ${notOverwritten[0]}, so a client's own ${notOverwritten[0]} header passes through`;
      else continue;
      const first = broad[0].n;
      const ranges = broad.map((t) => t.n.args[0].value);
      const xff = forgeable.every((h) => h.toLowerCase() === 'x-forwarded-for');
      const fix = !everything && recursive && xff && recursiveNode && recursiveNode.file === ctx.file.path
        ? [{ title: 'Turn real_ip_recursive off (take the address the trusted proxy appended)', safe: false, edits: [ctx.replace(recursiveNode.args[0].span, 'off')] }]
        : undefined;
      ctx.report({
        span: first.args[0].span,
        message: `set_real_ip_from trusts ${ranges.slice(0, 4).join(', ')}${ranges.length > 4 ? ', ...' : ''} with ${forgeable.join('/')}: ${why}. `
          + 'Clients can forge $remote_addr and dodge allowlists, bans and rate limits; trust only the proxy\'s address.',
        ...(fix ? { fixes: fix } : {}),
      });
    }
  },
};

function lastTop(top: readonly ConfNode[], name: string): ConfNode | undefined {
  for (let i = top.length - 1; i >= 0; i--) if (top[i].name === name) return top[i];
  return undefined;
}

/** The `real_ip_header` values in force: every one of the nearest level that sets any (a template may list alternatives). */
function headerAlternatives(block: ConfNode | undefined, top: readonly ConfNode[]): string[] {
  for (let p = block; p; p = p.parent) {
    const own = childrenNamed(p, 'real_ip_header');
    if (own.length) return own.map((n) => n.args[0]?.value ?? '').filter(Boolean);
  }
  const atTop = top.filter((n) => n.name === 'real_ip_header');
  return atTop.length ? atTop.map((n) => n.args[0]?.value ?? '').filter(Boolean) : ['X-Real-IP'];
}

/** Headers another nginx config next to this one (the outer proxy) sets from the connection's address. */
function headersSetByOtherConfigs(ctx: RuleContext<NginxFile>, own: { root: string }): Set<string> {
  const out = new Set<string>();
  for (const cfg of configSet(ctx.workspace, ctx.file.path)) {
    if (cfg.root === own.root) continue;
    for (const n of viewNodesNamed(cfg, 'proxy_set_header')) {
      if (/^\$(remote_addr|binary_remote_addr)$/.test(n.args[1]?.value ?? '')) out.add((n.args[0]?.value ?? '').toLowerCase());
    }
  }
  return out;
}
