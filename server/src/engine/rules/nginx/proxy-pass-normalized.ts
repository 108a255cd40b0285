import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { childrenNamed, type ConfNode } from '../../nginx/tree';

/** The URI part of a proxy_pass target: what follows `scheme://host[:port]` (or `http://unix:/path.sock:`). */
export function uriPart(target: string): string {
  const scheme = /^[A-Za-z$][\w${}]*:\/\//.exec(target);
  const rest = scheme ? target.slice(scheme[0].length) : target;
  if (/^unix:/i.test(rest)) {
    const colon = rest.indexOf(':', 5);
    return colon < 0 ? '' : rest.slice(colon + 1);
  }
  const slash = rest.indexOf('/');
  return slash < 0 ? '' : rest.slice(slash);
}

function isRedirect(rw: ConfNode): boolean {
  const flag = rw.args[2]?.value;
  return flag === 'redirect' || flag === 'permanent' || /^(https?:\/\/|\$scheme)/i.test(rw.args[1]?.value ?? '');
}

const RAW = /\$\{?request_uri\b/i;
const NORMALIZED_VAR = /\$\{?(uri|document_uri)\b/i;
const CAPTURE = /\$\{?[1-9]\b/;

export const proxyPassNormalized: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/proxy-pass-normalized', language: 'nginx', severity: 'warning',
  title: 'proxy_pass sends the upstream a decoded, normalised path',
  description: 'Without a URI part, `proxy_pass http://app:3000;` sends the path exactly as the client wrote it. With one '
    + '(`proxy_pass http://app:3000/;`, `.../api/`), nginx replaces the matched location prefix in the **decoded and '
    + 'normalised** URI and re-encodes only some characters: `%2F` arrives as `/` and a `..` after it is resolved '
    + '(with `location /api/ { proxy_pass http://app/; }`, `/api/a%2Fb/..%2Fc` reaches the app as `/a/c`; checked with '
    + 'nginx 1.22), so the app sees a different path than the one the client sent. Access checks, routing and signature checks of the app '
    + 'that rely on the path can then be confused (`/api/public%2F..%2Fadmin`), and encoded slashes cannot be passed at '
    + 'all. The same holds for a path built from captures of a regex location (`proxy_pass http://app/$1;`): they '
    + 'hold the decoded path and are sent without re-encoding (`%20` becomes a bare space and the upstream answers 400; `$uri` and `$document_uri` there are reported by '
    + '`nginx/http-splitting`, as they can also carry a decoded line break). After the raw-URI '
    + 'trick `rewrite ^ $request_uri;`, a `proxy_pass` without variables escapes the already encoded path a second '
    + 'time (`%2F` -> `%252F`). Same check as Gixy-Next\'s `proxy_pass_normalized`, including its "mitigation" rules: '
    + 'the `rewrite ^ $request_uri;` must be the location\'s first rewrite, outside any `if`.\n\n'
    + 'Not reported: a URI part made of `$request_uri`; regex, named and exact (`=`) locations with a fixed URI '
    + '(nginx refuses the first two, the third always sends the same path); a target written with template markup '
    + '(`{{ upstream }}/`), whose rendered value is unknown.\n\n'
    + 'The fix, offered when the URI part equals the location prefix (`location /api/ { proxy_pass http://app/api/; }`, '
    + 'or `/` under `location /`), drops it: the app gets the same path, undecoded. To strip a prefix without '
    + 'decoding, use `rewrite ^ $request_uri; rewrite ^/prefix(/.*) $1 break; return 400; proxy_pass http://app$1;`. '
    + 'The upstream then sees the raw path, which can change what it matches, so "Fix all" does not apply it.',
  fixable: true,
  sources: ['nginx ngx_http_proxy_module documentation (proxy_pass)', 'Gixy-Next proxy_pass_normalized', 'https://joshua.hu/proxy-pass-nginx-decoding-normalizing-url-path-dangerous'],
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'proxy_pass')) {
      const arg = n.args[0];
      const loc = n.parent;
      // Template markup ({{ upstream }}/, {% if %}) is rendered before nginx reads it: what it becomes is unknown.
      if (!arg || !loc || loc.name !== 'location' || n.args.some((a) => /\{\{|\}\}|\{%/.test(a.raw))) continue;
      const [mod, pattern] = loc.args.map((a) => a.value);
      const regex = mod === '~' || mod === '~*';
      const prefix = loc.args.length === 1 && !mod.startsWith('@') ? mod : mod === '^~' ? pattern : undefined;
      const rewrites = childrenNamed(loc, 'rewrite');
      const raw = rewrites.length > 0 && RAW.test(rewrites[0].args[1]?.value ?? '') && !isRedirect(rewrites[0]);
      const uri = uriPart(arg.value);
      let message: string | undefined;
      if (!arg.value.includes('$')) {
        if (raw) message = 'proxy_pass has no variable after `rewrite ^ $request_uri`: nginx escapes the raw path a second time (%2F arrives as %252F). Pass it in a variable: proxy_pass http://upstream$1;';
        else if (uri && prefix !== undefined) message = `proxy_pass has a URI part ("${uri}"): nginx sends the upstream the decoded, normalised path (%2F as /), not the one the client sent.`;
      } else if (!raw && !NORMALIZED_VAR.test(uri) && CAPTURE.test(uri) && (regex || rewrites.length > 0)) {
        // $uri and $document_uri in proxy_pass are nginx/http-splitting's (they can carry a decoded CRLF).
        message = 'proxy_pass builds its path from a regex capture of the decoded path: the upstream gets it without re-encoding (%2F as /, %20 as a space).';
      }
      if (!message) continue;
      const same = prefix !== undefined && !raw && !arg.value.includes('$') && uri === prefix && rewrites.length === 0;
      const kept = same ? arg.value.slice(0, arg.value.length - uri.length) : '';
      ctx.report({
        span: arg.span,
        message,
        fixes: same ? [{
          title: 'Drop the URI part (the location passes the same path)', safe: false,
          edits: [ctx.replace(arg.span, arg.quote ? `${arg.quote}${kept}${arg.quote}` : kept)],
        }] : [],
      });
    }
  },
};
