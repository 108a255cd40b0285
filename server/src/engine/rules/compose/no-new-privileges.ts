import type { Rule } from '../../types';
import { asSeq } from '../../parse/compose-yaml';
import { addPair, appendItem } from './support/yaml-edit';
import { scalarLike, styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { inherits } from './support/extends';
import type { FixSpec } from '../../types';

const SET = /^no-new-privileges(\s*[:=]\s*true)?$/i;

export const noNewPrivileges: Rule<ComposeContext> = {
  id: 'compose/no-new-privileges', language: 'compose', severity: 'info',
  title: 'no-new-privileges not set',
  docs: {
    why: '`security_opt: ["no-new-privileges:true"]` stops processes in the container from gaining privileges through setuid binaries (`su`, `sudo`, a planted setuid shell). Images that drop root with `gosu`/`su-exec` keep working.',
    bad: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2',
    good: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    security_opt:\n      - no-new-privileges:true',
    fixSafety: 'The fix adds `no-new-privileges:true` to `security_opt`. It is safe: "Fix all" and `--fix` apply it.',
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const doc = ctx.doc.doc;
    if (!doc) return;
    const style = styleOf(ctx.file, ctx.doc);
    for (const svc of servicesOf(ctx)) {
      if (svc.securityOpt.some((o) => SET.test(o.text.trim()))) continue;
      // `extends` merges the base service's security_opt into this one.
      if (inherits(ctx, svc, (b) => b.svc.securityOpt.some((o) => SET.test(o.text.trim()))) !== 'no') continue;
      const entry = svc.fields.get('security_opt');
      const seq = asSeq(doc, entry?.value);
      let fix: FixSpec | undefined;
      if (seq) {
        fix = { title: 'Add no-new-privileges:true to security_opt', safe: true, edits: [appendItem(ctx.file, seq, scalarLike('no-new-privileges:true', seq.items.length ? (seq.items[0] as { type?: string }).type : undefined, !!seq.flow), style)] };
      } else if (!entry && svc.map) {
        fix = { title: 'Add security_opt: no-new-privileges:true', safe: true, edits: [addPair(ctx.file, svc.map, 'security_opt', { list: ['no-new-privileges:true'] }, style)] };
      }
      report({
        span: svc.keySpan,
        message: `Service \`${svc.name}\` does not set no-new-privileges: a process inside can still gain root through a setuid binary.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
