import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxArg, NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { analyse, type VarInfo } from '../../nginx/variables';
import { capturesOf } from '../../nginx/regex';
import type { ConfNode } from '../../nginx/tree';

const REDIRECT = /^(301|302|303|307|308)$/;
const DIRECTIVES = new Set(['add_header', 'return', 'rewrite', 'proxy_set_header', 'proxy_pass']);

/** The argument of a directive that ends up in a response or upstream request header line. */
function headerArg(n: ConfNode): NginxArg | undefined {
  const [a, b] = n.args;
  switch (n.name) {
    case 'proxy_pass': return a;
    case 'return':
      // `return 200 "body"` writes a body, not a header; a redirect code or a bare URL writes Location.
      if (a && REDIRECT.test(a.value)) return b;
      return a && /^(https?:\/\/|\$scheme)/i.test(a.value) ? a : undefined;
    default: return b;
  }
}

/** Names the rewrite's own regex sets: nginx escapes them when it builds the redirect (gixy rewrite_extract_fp). */
function ownCaptures(n: ConfNode): (v: VarInfo) => boolean {
  if (n.name !== 'rewrite' || !n.args[0]) return () => false;
  const caps = capturesOf(n.args[0].value);
  return (v) => /^\d$/.test(v.name) || caps.some((c) => c.name?.toLowerCase() === v.name);
}

export const httpSplitting: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/http-splitting', language: 'nginx', severity: 'error',
  title: 'Header built from a value that can hold a line break (HTTP response splitting)',
  docs: {
    why: '`$uri` and `$document_uri` are the *decoded* path: a request for `/%0d%0aSet-Cookie:%20a=b` puts a real '
      + 'line break into them. Written into a header (`add_header`, a `return 30x` or `rewrite` Location, '
      + '`proxy_set_header`, the request line of `proxy_pass`), that break starts a new header or response: '
      + 'cookie injection, cache poisoning, XSS. Regex captures behave the same when their group can match a '
      + 'newline (`[^/]+`, `\\W*`, `\\s`); `(.*)` cannot match `\\n` (it can match `\\r`, which only matters in '
      + 'responses). Variables from `set`, `map` and `geo` are followed. Same check as gixy\'s '
      + '`http_splitting`.\n\nUse `$request_uri` (the raw, still-encoded request target, with its query string).',
    fixSafety: 'The fix writes `$request_uri` for `$uri`/`$document_uri`. It adds the query string, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['gixy http_splitting', 'OWASP: HTTP response splitting'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, ...DIRECTIVES)) {
      const arg = headerArg(n);
      if (!arg || !arg.value.includes('$')) continue;
      const upstream = n.name.startsWith('proxy_');
      // Most headers hold no variable that can carry a line break: the rewrite captures are only read when one does.
      const risky = analyse(n, arg.value).filter((v) => v.newline || (!upstream && v.cr));
      if (!risky.length) continue;
      const skip = ownCaptures(n);
      const bad = risky.filter((v) => !skip(v));
      if (!bad.length) continue;
      const direct = bad.every((v) => v.name === 'uri' || v.name === 'document_uri');
      const fixed = direct ? useRequestUri(n, arg) : undefined;
      ctx.report({
        span: arg.span,
        message: `${n.name} writes ${bad.map((v) => v.label).join(', ')} into a header line; it can contain "${bad.some((v) => v.newline) ? '\\n' : '\\r'}" (decoded from the URL), so a client can inject headers.`,
        ...(fixed !== undefined ? { fixes: [{ title: 'Use $request_uri', safe: false, edits: [ctx.replace(arg.span, fixed)] }] } : {}),
      });
    }
  },
};

function useRequestUri(n: ConfNode, arg: NginxArg): string | undefined {
  let v = arg.value.replace(/\$(\{uri\}|uri|\{document_uri\}|document_uri)(\$is_args\$args|\$\{is_args\}\$\{args\})?(?![A-Za-z0-9_])/gi, '$request_uri');
  if (n.name === 'rewrite') {
    // rewrite appends the original arguments unless the replacement ends with "?": $request_uri carries them already.
    if (arg.value.includes('?')) return undefined;
    v += '?';
  }
  const q = arg.quote ?? (/[\s;{}]/.test(v) ? '"' : '');
  return q + v.replace(/"/g, '\\"') + q;
}
