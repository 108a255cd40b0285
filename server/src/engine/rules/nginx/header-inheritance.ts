import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { HEADER_LEVELS, SECURITY_HEADERS, sends } from '../../nginx/headers';
import { repeatInherited } from '../../nginx/header-fixes';
import { insertInBlock, isHeaderSibling } from '../../nginx/edit';
import { walkBlocks, anchorIn, type ConfNode } from '../../nginx/tree';

function describe(n: ConfNode): string {
  if (n.name === 'location') return `location ${n.args.map((a) => a.raw).join(' ')}`;
  if (n.name === 'if') return 'this if block';
  return `this ${n.name} block`;
}

export const headerInheritance: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/header-inheritance', language: 'nginx', severity: 'warning',
  title: 'add_header in a block drops the security headers of the enclosing level',
  docs: {
    why: 'nginx inherits `add_header` from the enclosing level (http -> server -> location -> if) **only when the '
      + 'current level has no `add_header` of its own**. One `add_header Cache-Control ...` in a location '
      + 'silently drops HSTS, CSP and every other security header set on the server for the responses of that '
      + 'location. This is the most common way a hardened config loses its headers (gixy reports it as '
      + '`add_header_redefinition`).\n\nFrom nginx 1.29.3 `add_header_inherit merge;` keeps the inherited headers; '
      + 'deploylint honours it when `deploylint.nginx.version` is 1.29.3 or later, or when the config uses the '
      + 'directive (older nginx refuses it).',
    bad: 'server {\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    location /static/ {\n        add_header Cache-Control "public";\n    }\n}',
    good: 'server {\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    location /static/ {\n        add_header Cache-Control "public";\n        add_header Strict-Transport-Security "max-age=63072000" always;\n    }\n}',
    fixSafety: 'The fix repeats the dropped headers in the block, so the responses get what the author set above. It is safe: "Fix all" and `--fix` apply it.',
    references: ['nginx add_header documentation', 'gixy add_header_redefinition', 'OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    const seen = new Set<number>();
    walkBlocks(view.cfg.nodes, (n) => {
      if (!HEADER_LEVELS.has(n.name) || n.name === 'http' || n.file !== path) return;
      const level = view.headers.at(n);
      if (!level.own.length) return;
      const lost = level.dropped.filter((e) => SECURITY_HEADERS.has(e.key) && !sends(level.effective, e.key));
      if (!lost.length) return;
      const first = anchorIn(level.own[0].node, path) ?? n;
      if (seen.has(first.d.span.start)) return;
      seen.add(first.d.span.start);
      const names = [...new Set(lost.map((e) => e.name))];
      const from = lost[0].node.parent?.name ?? 'http';
      const lines = repeatInherited(ctx.workspace, lost);
      ctx.report({
        span: first.d.span,
        message: `${describe(n)} has its own add_header, so nginx no longer sends ${names.join(', ')} set at ${from} level for it.`,
        fixes: lines.length ? [{
          title: `Repeat ${names.join(', ')} in this block`, safe: true,
          edits: [insertInBlock(view.file, n.d, lines, { after: isHeaderSibling(n), before: (c) => !!c.block })],
        }] : [],
      });
    });
  },
};
