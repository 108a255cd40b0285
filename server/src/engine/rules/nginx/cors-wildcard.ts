import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { headerEntriesInFile, nginxView, type NginxView } from '../../nginx/rule-context';
import { levelParent, findHeader, type HeaderEntry } from '../../nginx/headers';
import type { ConfNode } from '../../nginx/tree';

const ORIGIN_VAR = /\$http_origin\b|\$\{http_origin\}/;

/** An `if` on $http_origin around the header, or next to it in an enclosing block (`if ($http_origin !~ ...) { return 403; }`). */
function originValidated(n: ConfNode): boolean {
  const checks = (c: ConfNode) => c.name === 'if' && c.args.some((a) => ORIGIN_VAR.test(a.value));
  for (let p = n.parent; p; p = p.parent) {
    if (checks(p)) return true;
    if ((p.children ?? []).some(checks)) return true;
  }
  return false;
}

function allowsCredentials(view: NginxView, e: HeaderEntry): boolean {
  const cred = findHeader(view.headers.at(levelParent(e.node)).effective, 'access-control-allow-credentials');
  return !!cred && /^\s*true\s*$/i.test(cred.value);
}

export const corsWildcard: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/cors-wildcard', language: 'nginx', severity: 'warning',
  title: 'CORS open to any origin',
  docs: {
    why: '`Access-Control-Allow-Origin: *` lets any web site read the responses with a visitor\'s browser; '
      + 'reflecting `$http_origin` without checking it against a list does the same and also works with cookies. '
      + 'With `Access-Control-Allow-Credentials: true` any site can act as the logged-in user and read the '
      + 'answers: that case is an error. The Fluxbase and SEEN guides ask for an explicit list of allowed '
      + 'origins: validate the origin with a `map $http_origin $cors_origin { ... }` (or an `if ($http_origin ~ '
      + '...)`) and send the mapped variable.',
    fixSafety: 'No automatic fix: the allowed origins are yours to name.',
    references: ['Fluxbase guide', 'SEEN guide', 'OWASP HTML5 Security Cheat Sheet'],
  },
  fixable: false,
  check(ctx) {
    const view = nginxView(ctx);
    for (const e of headerEntriesInFile(view)) {
      if (e.key !== 'access-control-allow-origin' || !e.valueArg) continue;
      const value = e.value.trim();
      const reflected = ORIGIN_VAR.test(value) && !originValidated(e.node);
      if (value !== '*' && !reflected) continue;
      const creds = allowsCredentials(view, e);
      const what = value === '*' ? 'Access-Control-Allow-Origin "*" lets any site read these responses' : 'Access-Control-Allow-Origin reflects any Origin ($http_origin) without validating it';
      ctx.report({
        span: e.valueArg.span,
        ...(creds ? { severity: 'error' as const } : {}),
        message: creds ? `${what}, with Access-Control-Allow-Credentials true: any site can act as the logged-in user.` : `${what}.`,
      });
    }
  },
};
