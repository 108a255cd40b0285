import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { flagOf } from '../../nginx/inherit';

export const autoindex: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/autoindex', language: 'nginx', severity: 'warning',
  title: 'Directory listing enabled',
  docs: {
    why: '`autoindex on` makes nginx list every file of a folder that has no index file: backups, uploads, `.env` '
      + 'copies and private documents become browsable and indexable by search engines. Serve a listing only '
      + 'where it is meant to be public, behind authentication otherwise.',
    bad: 'location /files/ {\n    autoindex on;\n}',
    good: 'location /files/ {\n    autoindex off;\n}',
    fixSafety: 'The fix sets `autoindex off;`, which removes the listing, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['OWASP Web Security Testing Guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'autoindex')) {
      if (flagOf(n) !== 'on') continue;
      ctx.report({
        span: n.args[0].span,
        message: 'autoindex on lists the files of every folder without an index file.',
        fixes: [{ title: 'Set autoindex off', safe: false, edits: [ctx.replace(n.args[0].span, 'off')] }],
      });
    }
  },
};
