import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { configSet, nginxView } from '../../nginx/rule-context';
import { isTlsServer, serverLabel } from '../../nginx/servers';
import { redirectBodyEdit, schemeRedirectEdit } from '../../nginx/https-fixes';
import { plainVariantNote, plainVariantWord } from '../../nginx/plain-variant';
import { anyTlsServer, plainSpan, servesPlainContent } from './no-https';

export const httpNotRedirected: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/http-not-redirected', language: 'nginx', severity: 'warning',
  title: 'Plain-HTTP server serves content although HTTPS is set up',
  docs: {
    why: 'When a TLS server exists, the port-80 server should only redirect to it: if it serves the app too, users '
      + 'and links that start on `http://` keep working in clear text, cookies without `Secure` leak, and HSTS is '
      + 'never learnt. Mozilla\'s template: `return 301 https://$host$request_uri;` in the port-80 server (keep '
      + 'the `/.well-known/acme-challenge/` location when certbot uses webroot mode).\n\nA TLS server that rejects '
      + 'every handshake or only returns 444 is not an HTTPS site to redirect to: a plain server next to only '
      + 'such a catch-all is judged by nginx/no-https.\n\nA file whose name marks it the plain-HTTP variant '
      + '(`no-ssl.example.com.conf`, `site.http-only.conf`) is the alternative its author enables instead of the '
      + 'TLS one: it is reported at `info`, saying so, with no fix.',
    fixSafety: 'The fix replaces the body with that redirect, keeping `listen`, `server_name` and an ACME location; for a server that listens on both ports it adds `if ($scheme = http) { return 301 ...; }`. It changes behaviour, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Mozilla server-side TLS', 'AFFiNE guide', 'AppFlowy guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const plain = view.servers.filter(servesPlainContent);
    if (!plain.length || !anyTlsServer(configSet(ctx.workspace, ctx.file.path))) return;
    // A file named as the plain-HTTP variant (`no-ssl.example.com.conf`) is plain on purpose: say so, at info, with no fix.
    const variant = plainVariantWord(ctx.file.path);
    for (const server of plain) {
      const edit = isTlsServer(server) ? schemeRedirectEdit(ctx.file, server) : redirectBodyEdit(ctx.file, server);
      ctx.report({
        span: plainSpan(server),
        message: `${serverLabel(server)} serves content over plain HTTP instead of redirecting to HTTPS.${variant ? plainVariantNote(variant) : ''}`,
        ...(variant ? { severity: 'info' as const } : {}),
        fixes: edit && !variant ? [{ title: 'Redirect plain HTTP to HTTPS (301)', safe: false, edits: [edit] }] : [],
      });
    }
  },
};
