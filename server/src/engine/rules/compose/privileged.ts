import type { Rule } from '../../types';
import { isTruthy, scalarText } from '../../parse/compose-yaml';
import { removePair } from './support/yaml-edit';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { needsByDesign } from './support/by-design';

export const privileged: Rule<ComposeContext> = {
  id: 'compose/privileged', language: 'compose', severity: 'error',
  title: 'Privileged container',
  docs: {
    why: '`privileged: true` gives the container every capability and every host device, and turns off seccomp and AppArmor: a compromise of the app is a compromise of the host. Grant the one capability or device the service needs (`cap_add`, `devices`) instead. A host firewall manager (fail2ban, mailcow\'s netfilter) needs host-level network power by design: info.',
    bad: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    privileged: true',
    good: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    cap_add:\n      - NET_BIND_SERVICE',
    fixSafety: 'The fix removes `privileged`. A service that needs a device or capability stops working, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      const e = svc.fields.get('privileged');
      if (!e || !ctx.doc.doc || !isTruthy(scalarText(ctx.doc.doc, e.value))) continue;
      const why = needsByDesign(svc, 'privileged');
      report({
        span: e.pairSpan,
        severity: why ? 'info' : undefined,
        message: why
          ? `Service \`${svc.name}\` runs privileged: it can take over the host. By design: ${why}, so dropping it gains little; keep the image pinned and trusted.`
          : `Service \`${svc.name}\` runs privileged: it can take over the host. Grant only the capabilities or devices it needs.`,
        fixes: [{ title: 'Remove `privileged`', safe: false, edits: [removePair(ctx.file, e)] }],
      });
    }
  },
};
