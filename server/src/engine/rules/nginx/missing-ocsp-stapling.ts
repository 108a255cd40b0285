import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { isLocalOnly, isTlsServer, serverLabel, servesContent } from '../../nginx/servers';
import { effectiveDirective, flagOf } from '../../nginx/inherit';
import { insertTlsLines, isLetsEncrypt, sslSetting, mayHideTls } from '../../nginx/tls';

export const missingOcspStapling: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/missing-ocsp-stapling', language: 'nginx', severity: 'info',
  title: 'TLS server without OCSP stapling',
  docs: {
    why: 'With OCSP stapling the server hands the browser a fresh signed proof that its certificate is not '
      + 'revoked; without it browsers either ask the CA themselves (leaking which sites a user visits) or skip '
      + 'the check. Mozilla\'s configuration: `ssl_stapling on; ssl_stapling_verify on;` with a '
      + '`resolver`.\n\nServers with a Let\'s Encrypt certificate (a path under `letsencrypt/`) are skipped: Let\'s '
      + 'Encrypt ended its OCSP service in 2025, so there is nothing to staple. Servers only reachable under '
      + 'local names, and servers that only redirect or refuse, are skipped too.',
    fixSafety: 'The fix adds `ssl_stapling on; ssl_stapling_verify on;`. It is safe: "Fix all" and `--fix` apply it.',
    references: ['Mozilla server-side TLS'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!isTlsServer(server) || isLocalOnly(server) || !servesContent(server)) continue;
      const cert = sslSetting(server, 'ssl_certificate', view.cfg.nodes);
      if (!cert || isLetsEncrypt(cert.args[0]?.value ?? '')) continue;
      const stapling = flagOf(sslSetting(server, 'ssl_stapling', view.cfg.nodes)) === 'on';
      const verify = flagOf(sslSetting(server, 'ssl_stapling_verify', view.cfg.nodes)) === 'on';
      if ((stapling && verify) || mayHideTls(view.cfg, server)) continue;
      const lines = [...(stapling ? [] : ['ssl_stapling on;']), ...(verify ? [] : ['ssl_stapling_verify on;'])];
      if (!effectiveDirective(server, 'resolver', view.cfg.nodes)) lines.push('resolver 127.0.0.1;');
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} does not staple OCSP responses (${stapling ? 'ssl_stapling_verify' : 'ssl_stapling'} is not on).`,
        fixes: [{ title: 'Enable OCSP stapling', safe: true, edits: [insertTlsLines(view.file, server.d, lines)] }],
      });
    }
  },
};
