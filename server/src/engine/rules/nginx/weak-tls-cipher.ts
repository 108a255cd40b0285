import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { legacySuites, weakFamilies, type Suite } from '../../nginx/ciphers';
import { effectiveDirective } from '../../nginx/inherit';
import type { ConfNode } from '../../nginx/tree';
import { INTERMEDIATE_CIPHERS } from '../../nginx/https-fixes';

export const weakTlsCipher: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/weak-tls-cipher', language: 'nginx', severity: 'error',
  title: 'Weak TLS cipher suites enabled',
  docs: {
    why: '`ssl_ciphers` is an OpenSSL cipher string; the one configured enables suites that are broken or '
      + 'unauthenticated: RC4, DES/3DES (Sweet32), export-grade, NULL encryption, MD5, anonymous key exchange '
      + '(aNULL/ADH/AECDH: no server authentication at all), or a catch-all (`ALL`, `DEFAULT`) that takes '
      + 'whatever the library still has.\n\nThe string is evaluated like OpenSSL does (`!` removes for good, `-` '
      + 'until re-added, `+` only reorders, `A+B` is an intersection), so `HIGH:!aNULL:!MD5` (nginx\'s default) '
      + 'and Mozilla\'s 5.7 and 6.0 lists pass, while `HIGH` alone (it contains anonymous suites) or '
      + '`DES-CBC3-SHA` do not.\n\nA string with none of those but that still enables suites Mozilla\'s intermediate '
      + 'profile (6.0, or 5.7 with its DHE-RSA suites) leaves out is reported at `warning`: suites without '
      + 'forward secrecy (RSA key exchange, as in `AES256-GCM-SHA384`: whoever gets the server key later decrypts '
      + 'every recorded session) and CBC suites (`ECDHE-RSA-AES128-SHA`: Lucky13 and padding-oracle attacks). '
      + 'Mastodon\'s `HIGH:!MEDIUM:!LOW:!aNULL:!NULL:!SHA` is one (`!SHA` removes SHA-1 suites only), and so is '
      + 'nginx\'s default `HIGH:!aNULL:!MD5` when written out: modern clients still negotiate a good suite, but '
      + 'the list no longer guarantees it. Not reported when the protocols in force are TLS 1.3 only '
      + '(`ssl_ciphers` does not apply to it). The expansion of a string agrees with `openssl ciphers -v` (tested '
      + 'against the installed OpenSSL).',
    fixSafety: 'The fix writes Mozilla\'s intermediate cipher list. Clients that only speak the removed suites lose access, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Mozilla server-side TLS', 'AppFlowy guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'ssl_ciphers')) {
      const arg = n.args[0];
      if (!arg || n.args.length !== 1) continue;
      const { families, elements } = weakFamilies(arg.value);
      if (!families.length) {
        reportLegacy(ctx, n, arg);
        continue;
      }
      const named = elements.slice(0, 3).map((e) => e.text).join(', ');
      ctx.report({
        span: arg.span,
        message: `ssl_ciphers enables weak suites: ${families.join(', ')} (through ${named}${elements.length > 3 ? ', ...' : ''}).`,
        fixes: [{ title: 'Use Mozilla\'s intermediate cipher list', safe: false, edits: [ctx.replace(arg.span, arg.quote ? `${arg.quote}${INTERMEDIATE_CIPHERS}${arg.quote}` : INTERMEDIATE_CIPHERS)] }],
      });
    }
  },
};

/** The warning case: no weak family, but suites without forward secrecy or in CBC mode that Mozilla leaves out. */
function reportLegacy(ctx: RuleContext<NginxFile>, n: ConfNode, arg: ConfNode['args'][number]): void {
  if (tls13Only(ctx, n)) return;
  const { noForwardSecrecy, cbc } = legacySuites(arg.value);
  if (!noForwardSecrecy.length && !cbc.length) return;
  const list = (xs: Suite[]) => `${xs.slice(0, 2).map((s) => s.name).join(', ')}${xs.length > 2 ? `, ${xs.length - 2} more` : ''}`;
  const parts = [
    ...(noForwardSecrecy.length ? [`${noForwardSecrecy.length} without forward secrecy (${list(noForwardSecrecy)})`] : []),
    ...(cbc.length ? [`${cbc.length} in CBC mode (${list(cbc)})`] : []),
  ];
  ctx.report({
    span: arg.span,
    severity: 'warning',
    message: `ssl_ciphers enables suites Mozilla's intermediate profile leaves out: ${parts.join('; ')}.`,
    fixes: [{ title: 'Use Mozilla\'s intermediate cipher list', safe: false, edits: [ctx.replace(arg.span, arg.quote ? `${arg.quote}${INTERMEDIATE_CIPHERS}${arg.quote}` : INTERMEDIATE_CIPHERS)] }],
  });
}

/** `ssl_protocols TLSv1.3` alone where the cipher string applies: TLS 1.3 suites are not set by `ssl_ciphers`. */
function tls13Only(ctx: RuleContext<NginxFile>, n: ConfNode): boolean {
  const view = nginxView(ctx);
  const protocols = n.parent
    ? effectiveDirective(n.parent, 'ssl_protocols', view.cfg.nodes)
    : view.cfg.nodes.filter((x) => x.name === 'ssl_protocols').pop();
  const values = protocols?.args.map((a) => a.value) ?? [];
  return values.length > 0 && values.every((v) => v === 'TLSv1.3');
}
