import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { serverLabel, servesContent } from '../../nginx/servers';
import { sends, type HeaderEntry } from '../../nginx/headers';
import { addHeaderEdits, headerLine, mayHideHeaders, RECOMMENDED } from '../../nginx/header-fixes';

/** CSP `frame-ancestors` does what X-Frame-Options does (and supersedes it). */
function framingControlled(effective: readonly HeaderEntry[]): boolean {
  if (sends(effective, 'x-frame-options')) return true;
  const csp = sends(effective, 'content-security-policy');
  return !!csp && /(^|;)\s*frame-ancestors\s/i.test(csp.value);
}

const CHECKED = ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'];

export const missingSecurityHeaders: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/missing-security-headers', language: 'nginx', severity: 'warning',
  title: 'Server without the basic security headers',
  description: 'Four response headers close common browser-side holes at no cost: `X-Content-Type-Options: nosniff` '
    + '(no MIME sniffing of uploads into scripts), `X-Frame-Options` or CSP `frame-ancestors` (no clickjacking), '
    + '`Referrer-Policy` (no leaking of private URLs and tokens to other sites) and `Permissions-Policy` (no camera, '
    + 'microphone or geolocation for injected content). The Fluxbase guide lists them; values follow the OWASP Secure '
    + 'Headers Project.\n\nOne finding per server names the missing ones. The check reads the effective headers: what '
    + 'the server sets, else what it inherits from http, with `include`d snippets expanded. The fix adds them with '
    + '`always`, so error pages carry them too.',
  fixable: true,
  sources: ['Fluxbase guide', 'OWASP Secure Headers Project'],
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!servesContent(server) || mayHideHeaders(view, server)) continue;
      const effective = view.headers.at(server).effective;
      const missing = CHECKED.filter((k) => (k === 'x-frame-options' ? !framingControlled(effective) : !sends(effective, k)));
      if (!missing.length) continue;
      const names = missing.map((k) => RECOMMENDED[k].name);
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} does not send ${names.join(', ')}.`,
        fixes: [{
          title: `Add ${names.join(', ')} (with always)`, safe: true,
          edits: addHeaderEdits(ctx.workspace, view, server, missing.map((key) => ({ key, line: headerLine(ctx.file, key) }))),
        }],
      });
    }
  },
};
