import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { serverLabel, servesContent } from '../../nginx/servers';
import { sends } from '../../nginx/headers';
import { addHeaderEdits, headerLine, mayHideHeaders } from '../../nginx/header-fixes';
import { headerGap, listBlocks } from '../../nginx/header-gaps';

const KEY = 'content-security-policy';

export const missingCsp: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/missing-csp', language: 'nginx', severity: 'warning',
  title: 'Server without a Content-Security-Policy',
  docs: {
    why: 'A Content-Security-Policy tells the browser which scripts, frames and connections the page may use; it '
      + 'is the main defence in depth against cross-site scripting (Fluxbase guide; OWASP Secure Headers '
      + 'Project). `Content-Security-Policy-Report-Only` does not count: it enforces nothing.\n\nnginx cannot see '
      + 'the headers an app sends. Where nginx answers by itself (files from `root`/`alias`/`try_files`, an '
      + 'uploads folder, a single-page app) nothing else can add the policy, and the finding is a warning that '
      + 'names those locations; an uploaded HTML or SVG file served from your origin runs its scripts there. '
      + 'Where every location without a policy passes the request to an app (`proxy_pass`, `fastcgi_pass`, '
      + '`uwsgi_pass`, `grpc_pass`), it is `info`: fine if the app sends its own. A location whose own '
      + '`add_header` drops the server\'s policy is reported by nginx/header-inheritance.',
    fixSafety: 'The fix adds a conservative policy (`default-src \'self\'; base-uri \'self\'; form-action \'self\'; object-src \'none\'; frame-ancestors \'none\'; upgrade-insecure-requests`). A policy that does not fit the app (inline scripts, CDNs, websockets to another host) breaks it, so review it and extend the sources before deploying: lightbulb-only, "Fix all" and `--fix` do not apply it.',
    references: ['Fluxbase guide', 'OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!servesContent(server) || mayHideHeaders(view, server)) continue;
      const gap = headerGap(view, server, (effective) => !sends(effective, KEY));
      if (!gap) continue;
      const label = serverLabel(server);
      const lines = [{ key: KEY, line: headerLine(ctx.file, KEY) }];
      const message = gap.files.length
        ? `${label} sends no Content-Security-Policy on what nginx serves itself (${listBlocks(gap.files)}), where nothing else can add one.`
        : `${label} sends no Content-Security-Policy from nginx; its locations pass to an app (${listBlocks(gap.app)}), so this is fine if the app sends its own (nginx cannot see it).`;
      ctx.report({
        span: gap.span,
        message,
        ...(gap.files.length ? {} : { severity: 'info' as const }),
        related: gap.related.map((r) => ({ file: ctx.file.path, span: r.span, message: `${r.label} serves files without a Content-Security-Policy` })),
        fixes: [{
          title: gap.atServer ? 'Add a conservative Content-Security-Policy (review: it may break the app)' : 'Add a conservative Content-Security-Policy where nginx serves files (review it)',
          safe: false,
          // In a proxy whose gap is a files location (uploads), the policy goes there: the app behind keeps its own.
          edits: gap.atServer
            ? addHeaderEdits(ctx.workspace, view, server, lines)
            : gap.files.filter((a) => a.block.file === ctx.file.path).flatMap((a) => addHeaderEdits(ctx.workspace, view, a.block, lines)),
        }],
      });
    }
  },
};
