import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { headerEntriesInFile, nginxView } from '../../nginx/rule-context';

const ONE_YEAR = 31536000;
const TWO_YEARS = 63072000;

export const weakHsts: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/weak-hsts', language: 'nginx', severity: 'warning',
  title: 'HSTS max-age shorter than one year',
  docs: {
    why: 'A short `max-age` lets the browser forget the HTTPS-only rule between visits, so the first request after '
      + 'it expires is in clear text again. The AFFiNE and AppFlowy guides ask for at least one year (31536000 '
      + 's); OWASP recommends two years (63072000). `max-age=0` removes HSTS: keep it only while deliberately '
      + 'rolling HSTS back.',
    fixSafety: 'The fix writes `max-age=63072000` (two years). It is safe: "Fix all" and `--fix` apply it.',
    references: ['AFFiNE guide', 'AppFlowy guide', 'OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const e of headerEntriesInFile(view)) {
      if (e.key !== 'strict-transport-security' || !e.valueArg) continue;
      const arg = e.valueArg;
      const m = /max-age\s*=\s*"?(\d+)/i.exec(arg.raw);
      if (m && Number(m[1]) >= ONE_YEAR) continue;
      if (!m && /\$/.test(arg.raw)) continue; // a variable: the value is decided elsewhere
      const message = m
        ? `Strict-Transport-Security max-age is ${m[1]} seconds, less than one year (${ONE_YEAR}).`
        : 'Strict-Transport-Security has no max-age: browsers ignore it.';
      const edit = m
        ? ctx.replace({ start: arg.span.start + m.index + m[0].length - m[1].length, end: arg.span.start + m.index + m[0].length }, String(TWO_YEARS))
        : ctx.replace(arg.span, e.node.name === 'add_header' ? `"max-age=${TWO_YEARS}; includeSubDomains"` : `"Strict-Transport-Security: max-age=${TWO_YEARS}; includeSubDomains"`);
      ctx.report({ span: arg.span, message, fixes: [{ title: `Set max-age=${TWO_YEARS} (two years)`, safe: true, edits: [edit] }] });
    }
  },
};
