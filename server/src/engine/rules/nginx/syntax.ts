import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { configFor } from '../../nginx/view';
import { nearIncludeName } from '../../nginx/include';

export const syntax: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/syntax', language: 'nginx', severity: 'error',
  title: 'nginx config does not parse',
  docs: {
    why: 'nginx refuses to start (or to reload) with a config it cannot read: an unbalanced brace, a directive '
      + 'without its `;`, an unterminated quote. deploylint reads the rest of the file as nginx would try to, so '
      + 'other findings may be off until this is fixed.\n\nAn `include` whose literal path matches no file in the '
      + 'workspace is an info: the headers or TLS settings it would bring in cannot be checked, and `nginx -t` '
      + 'fails unless the server has the file. The workspace is a repository, not the server: the file may come '
      + 'with the container image, a provisioning step, or a part of the project that is not checked out. When a '
      + 'file whose name is a keystroke or two away sits in the folder the include points to (`secuirty.conf` '
      + 'next to `security.conf`), the include is most likely a typo, and that is a warning. Globs that match '
      + 'nothing are fine (nginx accepts them); files that nginx packages install themselves (`mime.types`, '
      + '`fastcgi_params`, `proxy_params`...) are not expected in the repository.',
  },
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
      const value = inc.args[0].value;
      // The workspace is a repository, not the server: a file the image, a provisioning step or the rest of the
      // checkout provides is not known to be missing. Only a near-identical name beside it points at a typo.
      const typo = nearIncludeName(ctx.workspace, value, inc.file, cfg.root);
      ctx.report({
        span: inc.args[0].span, severity: typo ? 'warning' : 'info',
        message: typo
          ? `include "${value}" matches no file, but "${typo}" exists beside it: a typo? nginx -t fails on a missing file`
          : value.startsWith('/')
            ? `include "${value}" is not in the workspace: what it holds is not checked`
            : `include "${value}" is not in the workspace: nginx -t fails unless the server has it, and what it holds is not checked`,
      });
    }
  },
};
