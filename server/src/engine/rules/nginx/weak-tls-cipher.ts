import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { weakFamilies } from '../../nginx/ciphers';
import { INTERMEDIATE_CIPHERS } from '../../nginx/https-fixes';

export const weakTlsCipher: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/weak-tls-cipher', language: 'nginx', severity: 'error',
  title: 'Weak TLS cipher suites enabled',
  description: '`ssl_ciphers` is an OpenSSL cipher string; the one configured enables suites that are broken or '
    + 'unauthenticated: RC4, DES/3DES (Sweet32), export-grade, NULL encryption, MD5, anonymous key exchange '
    + '(aNULL/ADH/AECDH: no server authentication at all), or a catch-all (`ALL`, `DEFAULT`) that takes whatever the '
    + 'library still has.\n\nThe string is evaluated like OpenSSL does (`!` removes for good, `-` until re-added, '
    + '`+` only reorders, `A+B` is an intersection), so `HIGH:!aNULL:!MD5` (nginx\'s default) and Mozilla\'s 5.7 '
    + 'and 6.0 lists pass, while `HIGH` alone (it contains anonymous suites) or `DES-CBC3-SHA` do not. The fix '
    + 'writes Mozilla\'s intermediate list; clients that only speak the removed suites lose access, so it is not '
    + 'applied by "Fix all".',
  fixable: true,
  sources: ['Mozilla server-side TLS', 'AppFlowy guide'],
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'ssl_ciphers')) {
      const arg = n.args[0];
      if (!arg || n.args.length !== 1) continue;
      const { families, elements } = weakFamilies(arg.value);
      if (!families.length) continue;
      const named = elements.slice(0, 3).map((e) => e.text).join(', ');
      ctx.report({
        span: arg.span,
        message: `ssl_ciphers enables weak suites: ${families.join(', ')} (through ${named}${elements.length > 3 ? ', ...' : ''}).`,
        fixes: [{ title: 'Use Mozilla\'s intermediate cipher list', safe: false, edits: [ctx.replace(arg.span, arg.quote ? `${arg.quote}${INTERMEDIATE_CIPHERS}${arg.quote}` : INTERMEDIATE_CIPHERS)] }],
      });
    }
  },
};
