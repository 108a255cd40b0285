import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { serverLabel, servesContent } from '../../nginx/servers';
import { sends, type HeaderEntry } from '../../nginx/headers';
import { addHeaderEdits, headerLine, mayHideHeaders, RECOMMENDED } from '../../nginx/header-fixes';
import { headerGap, listBlocks } from '../../nginx/header-gaps';

/** CSP `frame-ancestors` does what X-Frame-Options does (and supersedes it). */
function framingControlled(effective: readonly HeaderEntry[]): boolean {
  if (sends(effective, 'x-frame-options')) return true;
  const csp = sends(effective, 'content-security-policy');
  return !!csp && /(^|;)\s*frame-ancestors\s/i.test(csp.value);
}

const CHECKED = ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'];

/**
 * The ones whose absence an attacker can use: MIME sniffing turns an upload into a script, framing
 * enables clickjacking, the referrer carries private URLs and tokens to other sites. Permissions-Policy
 * only takes powers away from content that is already injected: hardening.
 */
const DIRECT = new Set(['x-content-type-options', 'x-frame-options', 'referrer-policy']);

function missingIn(effective: readonly HeaderEntry[]): string[] {
  return CHECKED.filter((k) => (k === 'x-frame-options' ? !framingControlled(effective) : !sends(effective, k)));
}

export const missingSecurityHeaders: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/missing-security-headers', language: 'nginx', severity: 'warning',
  title: 'Server without the basic security headers',
  docs: {
    why: 'Four response headers close common browser-side holes at no cost: `X-Content-Type-Options: nosniff` (no '
      + 'MIME sniffing of uploads into scripts), `X-Frame-Options` or CSP `frame-ancestors` (no clickjacking), '
      + '`Referrer-Policy` (no leaking of private URLs and tokens to other sites) and `Permissions-Policy` (no '
      + 'camera, microphone or geolocation for injected content). The Fluxbase guide lists them; values follow '
      + 'the OWASP Secure Headers Project.\n\nOne finding per server names the missing ones. The check reads the '
      + 'effective headers: what the server sets, else what it inherits from http, with `include`d snippets '
      + 'expanded.\n\nnginx cannot see the headers an app sends. The finding is a warning where nginx answers by '
      + 'itself (files from `root`/`alias`/`try_files`, uploads) and lacks `X-Content-Type-Options`, framing '
      + 'control or `Referrer-Policy`; it is `info` when only `Permissions-Policy` is missing there (it takes '
      + 'powers away from content already injected: hardening), and when every location that lacks them passes to '
      + 'an app (`proxy_pass`, `fastcgi_pass`...), which may send its own. A location whose own `add_header` '
      + 'drops the server\'s headers is reported by nginx/header-inheritance.',
    fixSafety: 'The fix adds the missing headers with `always`, so error pages carry them too. It is safe: "Fix all" and `--fix` apply it.',
    references: ['Fluxbase guide', 'OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!servesContent(server) || mayHideHeaders(view, server)) continue;
      const serverMissing = missingIn(view.headers.at(server).effective);
      if (!serverMissing.length) continue;
      const gap = headerGap(view, server, (effective) => missingIn(effective).some((k) => serverMissing.includes(k)));
      if (!gap) continue;
      const lackedBy = (answers: typeof gap.files) => serverMissing.filter((k) => answers.some((a) => missingIn(view.headers.at(a.block).effective).includes(k)));
      const inFiles = lackedBy(gap.files);
      const missing = [...new Set([...inFiles, ...lackedBy(gap.app)])];
      const names = (keys: string[]) => keys.map((k) => RECOMMENDED[k].name).join(', ');
      const label = serverLabel(server);
      const message = inFiles.length
        ? `${label} does not send ${names(inFiles)} on what nginx serves itself (${listBlocks(gap.files)}), where nothing else can add them`
          + (missing.length > inFiles.length ? `; nor ${names(missing.filter((k) => !inFiles.includes(k)))} for the app it proxies, unless the app sends its own.` : '.')
        : `${label} does not send ${names(missing)} from nginx; its locations pass to an app (${listBlocks(gap.app)}), so this is fine if the app sends its own (nginx cannot see it).`;
      const direct = inFiles.some((k) => DIRECT.has(k));
      ctx.report({
        span: gap.span,
        message,
        ...(direct ? {} : { severity: 'info' as const }),
        related: gap.related.map((r) => ({ file: ctx.file.path, span: r.span, message: `${r.label} serves files without these headers` })),
        fixes: [{
          title: `Add ${names(missing)} (with always)`, safe: true,
          edits: addHeaderEdits(ctx.workspace, view, server, missing.map((key) => ({ key, line: headerLine(ctx.file, key) }))),
        }],
      });
    }
  },
};
