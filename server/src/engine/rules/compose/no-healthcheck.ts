import type { Rule, FixSpec } from '../../types';
import type { ComposeFile, Service } from '../../parse/compose';
import { entryAt } from '../../parse/compose';
import { asSeq, isTruthy, scalarText } from '../../parse/compose-yaml';
import { withDefaults } from '../../parse/interpolation';
import { inherits } from './support/extends';
import { datastoreOf } from './support/datastores';
import { imageInfo } from '../../catalogue/images';
import { addPair, type YValue } from './support/yaml-edit';
import { styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const noHealthcheck: Rule<ComposeContext> = {
  id: 'compose/no-healthcheck', language: 'compose', severity: 'info',
  title: 'No healthcheck',
  docs: {
    why: 'Without a `healthcheck`, compose cannot tell a hung service from a working one: `depends_on: condition: service_healthy` cannot wait for the database, restart policies never fire for a deadlocked app, and a proxy keeps sending traffic to it. Images that declare a HEALTHCHECK themselves need none: suppress the finding for them.',
    fixSafety: 'For datastores the fix adds the usual check (`pg_isready`, `redis-cli ping`, `mysqladmin ping`, ...). A failing check changes how dependants start, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const doc = ctx.doc.doc;
    if (!doc) return;
    for (const svc of servicesOf(ctx)) {
      const hc = svc.fields.get('healthcheck');
      const disabled = disabledHealthcheck(ctx.doc, svc);
      if (hc && !disabled) continue;
      // A healthcheck of the service named in `extends` is this service's too.
      if (!hc && inherits(ctx, svc, (b) => b.svc.fields.has('healthcheck') && !disabledHealthcheck(b.file, b.svc)) !== 'no') continue;
      const fix = hc ? undefined : healthcheckFix(ctx, svc);
      report({
        span: hc && disabled ? hc.pairSpan : svc.keySpan,
        message: hc ? `Service \`${svc.name}\` disables its healthcheck: a hung service looks healthy.` : `Service \`${svc.name}\` has no healthcheck: compose cannot tell when it hangs.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** `disable: true` (also `${VAR:-true}` by its default) or `test: ["NONE"]`. */
function disabledHealthcheck(file: ComposeFile, svc: Service): boolean {
  const doc = file.doc;
  if (!doc) return false;
  const disable = scalarText(doc, entryAt(file, svc.map, ['healthcheck', 'disable'])?.value);
  if (isTruthy(disable?.includes('$') ? withDefaults(disable) : disable)) return true;
  const test = entryAt(file, svc.map, ['healthcheck', 'test'])?.value;
  const seq = asSeq(doc, test);
  const first = seq ? scalarText(doc, seq.items[0]) : scalarText(doc, test);
  return /^\s*\[?\s*"?NONE"?\s*\]?\s*$/.test(first ?? '');
}

function healthcheckFix(ctx: ComposeContext, svc: Service): FixSpec | undefined {
  const store = datastoreOf(svc.image);
  const test = store && imageInfo(svc.image)?.healthcheck;
  if (!test || !svc.map) return undefined;
  const value: YValue = { map: [['test', test], ['interval', '10s'], ['timeout', '5s'], ['retries', '5']] };
  return { title: `Add the usual ${store.product} healthcheck`, safe: false, edits: [addPair(ctx.file, svc.map, 'healthcheck', value, styleOf(ctx.file, ctx.doc))] };
}
