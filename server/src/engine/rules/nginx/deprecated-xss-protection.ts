import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { headerEntriesInFile, nginxView } from '../../nginx/rule-context';

export const deprecatedXssProtection: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/deprecated-xss-protection', language: 'nginx', severity: 'info',
  title: 'X-XSS-Protection enables the deprecated XSS auditor',
  docs: {
    why: 'Browsers removed the XSS auditor that `X-XSS-Protection: 1; mode=block` switches on, and in the browsers '
      + 'that still had it, it could be abused to leak data or disable page scripts. OWASP recommends '
      + '`X-XSS-Protection: 0` (or no header) and a Content-Security-Policy instead.',
    fixSafety: 'The fix sets the header to `0`. It is safe: "Fix all" and `--fix` apply it.',
    references: ['OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const e of headerEntriesInFile(view)) {
      if (e.key !== 'x-xss-protection' || !e.valueArg || !/^\s*1/.test(e.value)) continue;
      const arg = e.valueArg;
      const q = arg.quote ?? '"';
      const replacement = e.node.name === 'add_header' ? `${q}0${q}` : `${q}X-XSS-Protection: 0${q}`;
      ctx.report({
        span: arg.span,
        message: 'X-XSS-Protection "1" turns on the removed XSS auditor, which could itself be abused; OWASP recommends "0".',
        fixes: [{ title: 'Set X-XSS-Protection to "0"', safe: true, edits: [ctx.replace(arg.span, replacement)] }],
      });
    }
  },
};
