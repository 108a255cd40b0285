import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { configFor } from '../../nginx/view';

export const syntax: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/syntax', language: 'nginx', severity: 'error',
  title: 'nginx config does not parse',
  description: 'nginx refuses to start (or to reload) with a config it cannot read: an unbalanced brace, a directive '
    + 'without its `;`, an unterminated quote. deploylint reads the rest of the file as nginx would try to, so other '
    + 'findings may be off until this is fixed.\n\nAn `include` whose literal path matches no file is a warning: '
    + '`nginx -t` fails on it, and the headers or TLS settings it would bring in cannot be checked (an absolute path '
    + 'that is not in the workspace, typically a file of the server or the container image, is only an info). '
    + 'Globs that match nothing are fine (nginx accepts them); files that nginx packages install themselves '
    + '(`mime.types`, `fastcgi_params`, `proxy_params`...) are not expected in the repository.',
  fixable: false,
  check(ctx) {
    for (const e of ctx.doc.errors) {
      ctx.report({ span: e.span, message: e.message, ...(e.severity ? { severity: e.severity } : {}) });
    }
    const cfg = configFor(ctx.workspace, ctx.file.path);
    const seen = new Set<number>();
    for (const inc of cfg.unresolved) {
      if (inc.file !== ctx.file.path || seen.has(inc.d.span.start)) continue;
      seen.add(inc.d.span.start);
      const outside = inc.args[0].value.startsWith('/');
      // An absolute path usually names a file of the server or container (not of the repository): only a hint.
      ctx.report({
        span: inc.args[0].span, severity: outside ? 'info' : 'warning',
        message: outside
          ? `include "${inc.args[0].value}" is not in the workspace: what it holds is not checked`
          : `include "${inc.args[0].value}" matches no file: nginx -t fails on a missing file, and what it holds is not checked`,
      });
    }
  },
};
