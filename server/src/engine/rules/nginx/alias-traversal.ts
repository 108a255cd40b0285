import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { ancestor } from '../../nginx/tree';

export const aliasTraversal: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/alias-traversal', language: 'nginx', severity: 'error',
  title: 'Path traversal through alias (off-by-slash)',
  docs: {
    why: 'In a prefix location nginx replaces the matched prefix with the `alias` path. When the location has no '
      + 'trailing slash but the alias has one, `location /files { alias /data/; }` maps `/files../secret` to '
      + '`/data/../secret`: the parent folder of the alias is readable. When neither has a slash, `/files_old/x` '
      + 'maps to `/data_old/x`, a sibling folder (reported as a warning). Only the innermost location counts; '
      + 'regex and exact locations are not concerned. Same check as gixy\'s `alias_traversal`.',
    bad: 'location /files {\n    alias /data/;\n}',
    good: 'location /files/ {\n    alias /data/;\n}',
    fixSafety: 'The fix adds the trailing slash to the location (and to the alias when it had none). `/files` without a slash then no longer matches this location, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['gixy alias_traversal', 'Orange Tsai, Breaking Parser Logic (Black Hat 2018)'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const alias of nodesNamed(view.cfg, ctx.file.path, 'alias')) {
      const loc = ancestor(alias, 'location');
      const target = alias.args[0];
      if (!loc || !target || loc.file !== ctx.file.path) continue;
      const a = loc.args;
      const prefix = a.length === 1 ? a[0] : a.length === 2 && a[0].value === '^~' ? a[1] : undefined;
      if (!prefix || prefix.value.endsWith('/') || prefix.value.startsWith('@') || target.value.includes('$')) continue;
      const slashed = target.value.endsWith('/');
      const addSlash = (arg: typeof prefix) => arg.quote
        ? ctx.replace(arg.span, `${arg.quote}${arg.value}/${arg.quote}`)
        : ctx.insert(arg.span.end, '/');
      ctx.report({
        span: prefix.span,
        ...(slashed ? {} : { severity: 'warning' as const }),
        message: slashed
          ? `location "${prefix.value}" has no trailing slash but its alias "${target.value}" does: "${prefix.value}../" reads the folder above the alias.`
          : `location "${prefix.value}" and its alias "${target.value}" have no trailing slash: "${prefix.value}_x/" reads the sibling folder "${target.value}_x/".`,
        fixes: [{
          title: slashed ? 'Add a trailing slash to the location' : 'Add a trailing slash to the location and the alias', safe: false,
          edits: slashed ? [addSlash(prefix)] : [addSlash(prefix), addSlash(target)],
        }],
      });
    }
  },
};
