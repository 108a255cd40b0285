import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { isTlsServer, serverLabel, servesContent } from '../../nginx/servers';
import { sends } from '../../nginx/headers';
import { addHeaderEdits, headerLine, mayHideHeaders } from '../../nginx/header-fixes';
import { headerGap } from '../../nginx/header-gaps';

const KEY = 'strict-transport-security';

export const missingHsts: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/missing-hsts', language: 'nginx', severity: 'warning',
  title: 'TLS server without Strict-Transport-Security',
  docs: {
    why: 'Without HSTS a browser that types the bare host name, follows an old `http://` link or sits on a hostile '
      + 'Wi-Fi makes its first request in clear text, where it can be intercepted or downgraded (sslstrip). The '
      + 'AFFiNE and AppFlowy guides set `Strict-Transport-Security` with a max-age of at least one year; OWASP '
      + 'recommends two years: `add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" '
      + 'always;`.\n\nThe check reads the headers the server really sends: nginx inherits `add_header` from the '
      + 'http level only when the server sets none of its own, and headers in `include`d snippets count. Servers '
      + 'that only redirect are skipped, and so are servers that set it in every location that answers (not at '
      + 'the server level).',
    bad: 'server {\n    listen 443 ssl;\n    server_name example.com;\n}',
    good: 'server {\n    listen 443 ssl;\n    server_name example.com;\n    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n}',
    fixSafety: 'The fix adds `add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;`. It is safe: "Fix all" and `--fix` apply it.',
    references: ['AFFiNE guide', 'AppFlowy guide', 'OWASP Secure Headers Project', 'Mozilla server-side TLS'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!isTlsServer(server) || !servesContent(server)) continue;
      // Set in every location that answers (not at the server level) counts: no response goes without it.
      if (!headerGap(view, server, (effective) => !sends(effective, KEY)) || mayHideHeaders(view, server)) continue;
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} serves HTTPS without a Strict-Transport-Security header: browsers may still reach it over plain HTTP first.`,
        fixes: [{
          title: 'Add Strict-Transport-Security (max-age two years)', safe: true,
          edits: addHeaderEdits(ctx.workspace, view, server, [{ key: KEY, line: headerLine(ctx.file, KEY) }]),
        }],
      });
    }
  },
};
