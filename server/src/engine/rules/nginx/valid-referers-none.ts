import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import type { EditSpec } from '../../types';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { ancestor } from '../../nginx/tree';

const LOOSE = new Set(['none', 'blocked']);
/** Locations of images, media, fonts and styles: a Referer check there is hotlink protection, not access control. */
const ASSET_LOCATION = /\.\(?[^)]*\b(jpe?g|png|gif|webp|avif|svg|ico|bmp|mp[34]|webm|ogg|mov|flv|woff2?|ttf|css|js)\b/i;

export const validReferersNone: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/valid-referers-none', language: 'nginx', severity: 'warning',
  title: 'valid_referers accepts requests without a Referer (none/blocked)',
  docs: {
    why: '`valid_referers none` treats a request with no `Referer` header as valid, `blocked` one whose `Referer` '
      + 'lost its scheme (`Referer: deleted`). Both are what any client sends at will: `curl` without the header, '
      + 'a page with `Referrer-Policy: no-referrer` or `<meta name="referrer" content="no-referrer">`. A check '
      + 'built on `$invalid_referer` with either keyword is passed by dropping the header, so it protects nothing '
      + 'that matters. Reported only when `$invalid_referer` is read somewhere in the config (otherwise the '
      + 'directive decides nothing). In a location of images, media, fonts or styles the check is hotlink '
      + 'protection, where letting direct visits through is usually the point: `info` there. Same check as '
      + 'Gixy-Next\'s `valid_referers`.\n\nIf they must get through, a Referer check is not the right guard for that '
      + 'resource.',
    fixSafety: 'The fix removes `none` and `blocked`. Visitors who open the URL directly, or whose browser sends no Referer, are then refused, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['nginx ngx_http_referer_module documentation', 'Gixy-Next valid_referers'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const list = nodesNamed(view.cfg, ctx.file.path, 'valid_referers');
    if (!list.length || !view.cfg.files.some((f) => /\$\{?invalid_referer\b/i.test(ctx.workspace.document(f)?.text ?? ''))) return;
    for (const n of list) {
      const loose = n.args.filter((a) => LOOSE.has(a.value.toLowerCase()));
      if (!loose.length) continue;
      const loc = ancestor(n, 'location');
      const asset = !!loc && ASSET_LOCATION.test(loc.args.map((a) => a.value).join(' '));
      const kept = n.args.filter((a) => !LOOSE.has(a.value.toLowerCase()));
      const edits: EditSpec[] = kept.length
        ? loose.map((a) => {
          // The keyword and the blanks before it, so the other arguments keep their spacing.
          let start = a.span.start;
          while (start > 0 && /[ \t]/.test(ctx.file.text[start - 1])) start--;
          return ctx.replace({ start, end: a.span.end }, '');
        })
        : [ctx.replace({ start: loose[0].span.start, end: loose[loose.length - 1].span.end }, 'server_names')];
      ctx.report({
        span: loose[0].span,
        ...(asset ? { severity: 'info' as const } : {}),
        message: `valid_referers ${loose.map((a) => a.value).join(' and ')} lets through any request that drops the Referer header${asset ? ' (hotlink protection of these files can be skipped with Referrer-Policy: no-referrer)' : ': the $invalid_referer check is passed at will'}.`,
        fixes: [{ title: `Remove ${loose.map((a) => a.value).join(' and ')}`, safe: false, edits }],
      });
    }
  },
};
