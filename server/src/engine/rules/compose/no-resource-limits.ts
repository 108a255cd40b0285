import type { Rule, FixSpec } from '../../types';
import type { Service } from '../../parse/compose';
import { entryAt } from '../../parse/compose';
import { asMap } from '../../parse/compose-yaml';
import { datastoreOf } from './support/datastores';
import { imageInfo } from '../../catalogue/images';
import { addPair, type YValue } from './support/yaml-edit';
import { styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { inherits } from './support/extends';

/** A starting point, not a measurement: the fix is unsafe because too low a limit gets the service killed. */
function memoryGuess(svc: Service): string {
  if (!datastoreOf(svc.image)) return '512M';
  return imageInfo(svc.image)?.memory ?? '1G';
}

export const noResourceLimits: Rule<ComposeContext> = {
  id: 'compose/no-resource-limits', language: 'compose', severity: 'info',
  title: 'No memory limit',
  docs: {
    why: 'Without `mem_limit` or `deploy.resources.limits.memory`, one leaking or attacked service can take all the host\'s memory and the kernel\'s OOM killer picks a victim, often the database. SEEN guide: CPU and memory limits configured.',
    bad: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2',
    good: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    deploy:\n      resources:\n        limits:\n          memory: 512M',
    fixSafety: 'The fix adds a memory limit whose value is a guess: check the service\'s real usage (`docker stats`) before relying on it. Too low a limit gets the service killed, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['SEEN guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      if (svc.fields.has('mem_limit') || entryAt(ctx.doc, svc.map, ['deploy', 'resources', 'limits', 'memory'])) continue;
      if (inherits(ctx, svc, (b) => b.svc.fields.has('mem_limit') || !!entryAt(b.file, b.svc.map, ['deploy', 'resources', 'limits', 'memory'])) !== 'no') continue;
      const fix = limitFix(ctx, svc);
      report({ span: svc.keySpan, message: `Service \`${svc.name}\` has no memory limit: a leak or an attack can exhaust the host's memory.`, fixes: fix ? [fix] : [] });
    }
  },
};

function limitFix(ctx: ComposeContext, svc: Service): FixSpec | undefined {
  const doc = ctx.doc.doc;
  if (!doc || !svc.map) return undefined;
  const style = styleOf(ctx.file, ctx.doc);
  const memory = memoryGuess(svc);
  const title = `Limit memory to ${memory} (a guess: check real usage)`;
  // The 2.x file format has no deploy section for plain compose; mem_limit is its way.
  if (/^2(\.\d+)?$/.test(ctx.doc.version?.trim() ?? '')) {
    return { title, safe: false, edits: [addPair(ctx.file, svc.map, 'mem_limit', memory.toLowerCase(), style)] };
  }
  const path = ['deploy', 'resources', 'limits'];
  let map = svc.map;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const e = entryAt(ctx.doc, map, [path[depth]]);
    if (!e) break;
    const next = asMap(doc, e.value);
    if (!next) return undefined;
    map = next;
  }
  let value: YValue = memory;
  let key = 'memory';
  for (let i = path.length - 1; i >= depth; i--) { value = { map: [[key, value]] }; key = path[i]; }
  return { title, safe: false, edits: [addPair(ctx.file, map, key, value, style)] };
}
