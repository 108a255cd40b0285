import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { serverLabel, servesContent } from '../../nginx/servers';
import { sends } from '../../nginx/headers';
import { addHeaderEdits, headerLine, mayHideHeaders } from '../../nginx/header-fixes';

const KEY = 'content-security-policy';

export const missingCsp: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/missing-csp', language: 'nginx', severity: 'warning',
  title: 'Server without a Content-Security-Policy',
  description: 'A Content-Security-Policy tells the browser which scripts, frames and connections the page may use; '
    + 'it is the main defence in depth against cross-site scripting (Fluxbase guide; OWASP Secure Headers Project). '
    + '`Content-Security-Policy-Report-Only` does not count: it enforces nothing.\n\n'
    + 'The fix adds a conservative policy (`default-src \'self\'; base-uri \'self\'; form-action \'self\'; object-src '
    + '\'none\'; frame-ancestors \'none\'; upgrade-insecure-requests`). It is marked unsafe: a policy that does not '
    + 'fit the app (inline scripts, CDNs, websockets to another host) breaks it, so review it and extend the sources '
    + 'before deploying; "Fix all" does not apply it.',
  fixable: true,
  sources: ['Fluxbase guide', 'OWASP Secure Headers Project'],
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!servesContent(server) || mayHideHeaders(view, server)) continue;
      if (sends(view.headers.at(server).effective, KEY)) continue;
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} sends no Content-Security-Policy.`,
        fixes: [{
          title: 'Add a conservative Content-Security-Policy (review: it may break the app)', safe: false,
          edits: addHeaderEdits(ctx.workspace, view, server, [{ key: KEY, line: headerLine(ctx.file, KEY) }]),
        }],
      });
    }
  },
};
