import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { compareVersions } from '../../config';
import { nginxView } from '../../nginx/rule-context';
import { isTlsServer, serverLabel } from '../../nginx/servers';
import { flagOf } from '../../nginx/inherit';
import { insertTlsLines, sslSetting, mayHideTls } from '../../nginx/tls';

/** nginx 1.23.2 rotates the ticket key itself; before that one key lives as long as the process. */
const ROTATES_KEYS = '1.23.2';

export const sslSessionTickets: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/ssl-session-tickets', language: 'nginx', severity: 'info',
  title: 'TLS session tickets enabled (nginx < 1.23.2)',
  docs: {
    why: 'Before nginx 1.23.2 the session ticket key is generated once at start and never rotated, so whoever '
      + 'obtains it can decrypt every recorded session since the last restart: forward secrecy is gone. Mozilla\'s '
      + 'guidelines and the AppFlowy guide set `ssl_session_tickets off;` for those versions; from 1.23.2 nginx '
      + 'rotates the key and the setting is no longer needed. Only checked when `deploylint.nginx.version` is '
      + 'below 1.23.2.',
    fixSafety: 'The fix adds `ssl_session_tickets off;`. It is safe: "Fix all" and `--fix` apply it.',
    references: ['Mozilla server-side TLS', 'AppFlowy guide'],
  },
  fixable: true,
  check(ctx) {
    if (compareVersions(ctx.config.nginx.version, ROTATES_KEYS) >= 0) return;
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!isTlsServer(server) || flagOf(sslSetting(server, 'ssl_session_tickets', view.cfg.nodes)) === 'off' || mayHideTls(view.cfg, server)) continue;
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} keeps TLS session tickets on: nginx ${ctx.config.nginx.version} never rotates the ticket key, which undoes forward secrecy.`,
        fixes: [{ title: 'Add ssl_session_tickets off;', safe: true, edits: [insertTlsLines(view.file, server.d, ['ssl_session_tickets off;'])] }],
      });
    }
  },
};
