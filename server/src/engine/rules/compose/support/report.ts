import type { RuleContext } from '../../../context';
import type { ComposeFile, Service } from '../../../parse/compose';
import type { Report } from '../../../types';

export type ComposeContext = RuleContext<ComposeFile>;

/**
 * `ctx.report` that reports a span once: services that share an anchored block (`<<: *defaults`, `*env`)
 * would otherwise put the same finding on the same text once per service.
 */
export function reportOnce(ctx: ComposeContext): (r: Report) => void {
  const seen = new Set<string>();
  return (r) => {
    const k = `${r.span.start}:${r.span.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    ctx.report(r);
  };
}

/**
 * Services with a mapping body (a broken service is compose/syntax's business) that run a container:
 * a `provider` service (a cloud resource or model runner set up by a plugin) has no image, ports or mounts.
 */
export function servicesOf(ctx: ComposeContext): Service[] {
  return ctx.doc.services.filter(isJudged);
}

/** A service of `servicesOf`. */
export function isJudged(s: Service): boolean {
  return !!s.map && !s.fields.has('provider');
}
