import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { headerEntriesInFile, nginxView } from '../../nginx/rule-context';
import { SECURITY_HEADERS } from '../../nginx/headers';

export const headerWithoutAlways: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/header-without-always', language: 'nginx', severity: 'info',
  title: 'Security header without always',
  docs: {
    why: 'Without the `always` parameter nginx adds a header only to 200, 201, 204, 206, 301, 302, 303, 304, 307 '
      + 'and 308 responses: error pages (404, 500, a 401 login challenge) go out without HSTS, CSP or '
      + 'X-Frame-Options, and error pages are where reflected input often ends up. Append `always` (nginx >= '
      + '1.7.5).',
    bad: 'add_header X-Content-Type-Options nosniff;',
    good: 'add_header X-Content-Type-Options nosniff always;',
    fixSafety: 'The fix appends `always`. It is safe: "Fix all" and `--fix` apply it.',
    references: ['nginx add_header documentation', 'OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const e of headerEntriesInFile(view)) {
      if (e.node.name !== 'add_header' || e.always || !SECURITY_HEADERS.has(e.key) || e.value === '') continue;
      const last = e.node.args[e.node.args.length - 1];
      ctx.report({
        span: e.node.d.span,
        message: `${e.name} is sent without "always": error responses (4xx/5xx) go out without it.`,
        fixes: [{ title: 'Append always', safe: true, edits: [ctx.insert(last.span.end, ' always')] }],
      });
    }
  },
};
