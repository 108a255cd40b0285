import type { Rule, Severity } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { childrenNamed, type ConfNode } from '../../nginx/tree';
import { effectiveDirective, flagOf } from '../../nginx/inherit';
import { argsTemplated } from '../../nginx/templated';

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
  docs: {
    why: 'Without a URI part, `proxy_pass http://app:3000;` sends the path exactly as the client wrote it. With '
      + 'one (`proxy_pass http://app:3000/;`, `.../api/`), nginx replaces the matched location prefix in the '
      + '**decoded and normalised** URI and re-encodes only some characters: `%2F` arrives as `/` and a `..` '
      + 'after it is resolved (with `location /api/ { proxy_pass http://app/; }`, `/api/a%2Fb/..%2Fc` reaches the '
      + 'app as `/a/c`; checked with nginx 1.22). nginx matched its locations on that same normalised path, so '
      + 'the app and nginx agree; what can disagree is a check shown the raw path: with `auth_request` in force '
      + '(an auth service that is typically given `$request_uri`), `/api/public/..%2Fadmin` is judged as a public '
      + 'path and served as `/admin` (`warning`). Elsewhere it is `info`: encoded slashes cannot reach the app '
      + 'and an app that checks raw paths can be confused.\n\nA path built from captures of a regex location '
      + '(`proxy_pass http://app/$1;`) is worse: the decoded text is sent without any re-encoding, so `%3F` '
      + 'arrives as `?` and the client adds query parameters of its own (`/r/a%3Fadmin=1` reaches the app as '
      + '`/a?admin=1`), `%20` breaks the request line (`warning`). `$uri` and `$document_uri` there are reported '
      + 'by `nginx/http-splitting` (they can also carry a decoded line break). After the raw-URI trick `rewrite ^ '
      + '$request_uri;`, a `proxy_pass` without variables escapes the already encoded path a second time (`%2F` '
      + '-> `%252F`, `info`). Gixy-Next\'s `proxy_pass_normalized` reports all of these at one severity; its '
      + 'mitigation rules are kept: the `rewrite ^ $request_uri;` must be the location\'s first rewrite, outside '
      + 'any `if`. Mind that the raw path keeps `..` segments nginx would have resolved: a raw path sent under an '
      + 'upstream prefix (`/api/../x`) can leave that prefix at the upstream.\n\nNot reported: a URI part made of '
      + '`$request_uri`; regex, named and exact (`=`) locations with a fixed URI (nginx refuses the first two, '
      + 'the third always sends the same path); a target written with template markup (`{{ upstream }}/`), whose '
      + 'rendered value is unknown; `internal` locations (an `auth_request` target, an `X-Accel-Redirect` '
      + 'destination), whose path the client does not write.\n\nTo strip a prefix without decoding, use `rewrite ^ '
      + '$request_uri; rewrite ^/prefix(/.*) $1 break; return 400; proxy_pass http://app$1;`.',
    fixSafety: 'The fix, offered when the URI part equals the location prefix (`location /api/ { proxy_pass http://app/api/; }`, or `/` under `location /`), drops it: the app gets the same path, undecoded. The upstream then sees the raw path, which can change what it matches, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['nginx ngx_http_proxy_module documentation (proxy_pass)', 'Gixy-Next proxy_pass_normalized', 'https://joshua.hu/proxy-pass-nginx-decoding-normalizing-url-path-dangerous'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'proxy_pass')) {
      const arg = n.args[0];
      const loc = n.parent;
      // Template markup ({{ upstream }}/, {% if %}) is rendered before nginx reads it: what it becomes is unknown.
      if (!arg || !loc || loc.name !== 'location' || n.args.some((a) => /\{\{|\}\}|\{%/.test(a.raw)) || argsTemplated(ctx.workspace, n)) continue;
      // Only subrequests and internal redirects reach an internal location: its path is nginx's or the app's, not the client's.
      if (childrenNamed(loc, 'internal').length) continue;
      const [mod, pattern] = loc.args.map((a) => a.value);
      const regex = mod === '~' || mod === '~*';
      const prefix = loc.args.length === 1 && !mod.startsWith('@') ? mod : mod === '^~' ? pattern : undefined;
      const rewrites = childrenNamed(loc, 'rewrite');
      const raw = rewrites.length > 0 && RAW.test(rewrites[0].args[1]?.value ?? '') && !isRedirect(rewrites[0]);
      const uri = uriPart(arg.value);
      let message: string | undefined;
      let severity: Severity = 'info';
      if (!arg.value.includes('$')) {
        if (raw) message = 'proxy_pass has no variable after `rewrite ^ $request_uri`: nginx escapes the raw path a second time (%2F arrives as %252F). Pass it in a variable: proxy_pass http://upstream$1;';
        else if (uri && prefix !== undefined) {
          const check = effectiveDirective(loc, 'auth_request', view.cfg.nodes);
          if (check && flagOf(check) !== 'off') {
            severity = 'warning';
            message = `proxy_pass has a URI part ("${uri}"): the upstream gets the decoded, normalised path (/api/public/..%2Fadmin arrives as /admin) while auth_request ${check.args[0]?.value ?? ''} can be shown the raw one ($request_uri): the two can disagree.`;
          } else message = `proxy_pass has a URI part ("${uri}"): the upstream gets the decoded, normalised path (%2F as /, ..%2F resolved), not the one the client sent; this matters where something checks the raw path.`;
        }
      } else if (!raw && !NORMALIZED_VAR.test(uri) && CAPTURE.test(uri) && (regex || rewrites.length > 0)) {
        // $uri and $document_uri in proxy_pass are nginx/http-splitting's (they can carry a decoded CRLF).
        severity = 'warning';
        message = 'proxy_pass builds its path from a regex capture of the decoded path and sends it without re-encoding: %3F arrives as ?, so a client adds query parameters the app did not get from nginx (and %20 breaks the request).';
      }
      if (!message) continue;
      const same = prefix !== undefined && !raw && !arg.value.includes('$') && uri === prefix && rewrites.length === 0;
      const kept = same ? arg.value.slice(0, arg.value.length - uri.length) : '';
      ctx.report({
        span: arg.span,
        ...(severity === 'warning' ? {} : { severity }),
        message,
        fixes: same ? [{
          title: 'Drop the URI part (the location passes the same path)', safe: false,
          edits: [ctx.replace(arg.span, arg.quote ? `${arg.quote}${kept}${arg.quote}` : kept)],
        }] : [],
      });
    }
  },
};
