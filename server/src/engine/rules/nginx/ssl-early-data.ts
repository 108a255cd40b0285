import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { httpServers, isTlsServer, serverLabel } from '../../nginx/servers';
import { effectiveDirective, effectiveList } from '../../nginx/inherit';
import { walk, type ConfNode } from '../../nginx/tree';

/** Passing directives and the directive that sets what the upstream receives with them. */
const PASSES: Record<string, string> = {
  proxy_pass: 'proxy_set_header', grpc_pass: 'grpc_set_header',
  fastcgi_pass: 'fastcgi_param', uwsgi_pass: 'uwsgi_param', scgi_pass: 'scgi_param',
};

/** The header (or CGI parameter) name an app checks for 0-RTT requests (RFC 8470). */
const EARLY_DATA_NAME = /^(early-data|http_early_data)$/i;

export const sslEarlyData: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/ssl-early-data', language: 'nginx', severity: 'warning',
  title: 'TLS 1.3 early data (0-RTT) passed to an app that cannot detect replays',
  docs: {
    why: '`ssl_early_data on` lets a returning client send its first request inside the TLS 1.3 handshake (0-RTT). '
      + 'That data has no replay protection: anyone who recorded the packets can send them again, and nginx hands '
      + 'the request to the app a second time. A `POST` that creates a post, moves money or changes a setting '
      + 'then runs twice. RFC 8470 gives the app a way to tell: nginx sets `$ssl_early_data` to `1` for such '
      + 'requests, the proxy passes it on as `Early-Data: 1`, and the app answers `425 Too Early` to anything not '
      + 'safe to replay.\n\nReported on `ssl_early_data on` when a TLS server it applies to passes requests to an '
      + 'app (`proxy_pass`, `grpc_pass`, `fastcgi_pass`, ...) in a location that neither sends `Early-Data '
      + '$ssl_early_data` (`proxy_set_header`, `fastcgi_param HTTP_EARLY_DATA`, ...; the inheritance of those '
      + 'lists is followed) nor rejects early data itself (`if ($ssl_early_data) { return 425; }`). Servers that '
      + 'only serve files are not concerned: replaying a `GET` of a static file changes nothing.\n\nPassing the '
      + 'header only helps when the app checks it, and most do not: reviewers found Mattermost\'s own config '
      + 'passing `Early-Data` to a server that ignores it. So a config that passes it everywhere is still '
      + 'reported, at `info`, with that caveat; only rejecting early data in nginx (or turning it off) is a '
      + 'protection the config itself shows.\n\nKeep it on only when the app honours `Early-Data`, and then add '
      + '`proxy_set_header Early-Data $ssl_early_data;` to every proxied location.',
    fixSafety: 'The fix turns early data off, which only costs returning clients one round trip. It is safe: "Fix all" and `--fix` apply it.',
    references: ['RFC 8470 (Using Early Data in HTTP)', 'nginx ssl_early_data documentation'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const nodes = nodesNamed(view.cfg, ctx.file.path, 'ssl_early_data').filter((n) => n.args[0]?.value === 'on');
    if (!nodes.length) return;
    const top = view.cfg.nodes;
    const servers = httpServers(top);
    for (const node of nodes) {
      const exposed: { server: ConfNode; passes: ConfNode[] }[] = [];
      let told = 0;
      for (const server of servers) {
        if (!isTlsServer(server) || effectiveDirective(server, 'ssl_early_data', top) !== node) continue;
        const { blind, tell } = passesOf(server, top);
        told += tell.length;
        if (blind.length || tell.length) exposed.push({ server, passes: [...blind, ...tell] });
      }
      if (!exposed.length) continue;
      const count = exposed.reduce((n, e) => n + e.passes.length, 0);
      const blindCount = count - told;
      const arg = node.args[0];
      const where = `${serverLabel(exposed[0].server)}${exposed.length > 1 ? ` and ${exposed.length - 1} more` : ''}`;
      ctx.report({
        span: arg.span,
        ...(blindCount ? {} : { severity: 'info' as const }),
        message: blindCount
          ? `ssl_early_data on: ${where} pass${exposed.length > 1 ? '' : 'es'} TLS 1.3 0-RTT requests to the app in ${blindCount} `
            + `location${blindCount > 1 ? 's' : ''} without Early-Data: a recorded request can be replayed and runs twice.`
          : `ssl_early_data on: ${where} tell${exposed.length > 1 ? '' : 's'} the app about 0-RTT requests with Early-Data, which `
            + 'only protects against replays when the app answers 425 Too Early to them; most apps ignore the header.',
        fixes: [{ title: 'Turn early data off', safe: true, edits: [ctx.replace(arg.span, arg.quote ? `${arg.quote}off${arg.quote}` : 'off')] }],
      });
    }
  },
};

/**
 * The pass directives of a server that do not reject early data: `blind` ones send the app no sign of it,
 * `tell` ones pass `Early-Data $ssl_early_data` (safe only if the app checks it).
 */
function passesOf(server: ConfNode, top: readonly ConfNode[]): { blind: ConfNode[]; tell: ConfNode[] } {
  const blind: ConfNode[] = [], tell: ConfNode[] = [];
  walk(server.children ?? [], (n) => {
    const setter = PASSES[n.name];
    if (!setter || !n.parent) return;
    if (rejectsEarlyData(n.parent)) return;
    const list = effectiveList(n.parent, setter, top);
    if (list.some((s) => EARLY_DATA_NAME.test(s.args[0]?.value ?? '') && (s.args[1]?.value ?? '').includes('$ssl_early_data'))) tell.push(n);
    else blind.push(n);
  });
  return { blind, tell };
}

/** `if ($ssl_early_data) { return 425; }` (or any return) in the block or an enclosing one. */
function rejectsEarlyData(block: ConfNode): boolean {
  for (let p: ConfNode | undefined = block; p; p = p.parent) {
    for (const c of p.children ?? []) {
      if (c.name === 'if' && /\$\{?ssl_early_data\b/.test(c.args.map((a) => a.value).join(' ')) && (c.children ?? []).some((r) => r.name === 'return')) return true;
    }
  }
  return false;
}
