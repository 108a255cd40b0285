import type { Rule } from '../../types';
import { fieldText } from '../../parse/compose';
import { datastoreOf } from './support/datastores';
import { addPair } from './support/yaml-edit';
import { styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import type { FixSpec } from '../../types';

export const datastoreNotIsolated: Rule<ComposeContext> = {
  id: 'compose/datastore-not-isolated', language: 'compose', severity: 'info',
  title: 'Datastore not on an internal network',
  docs: {
    why: 'A datastore on the default network (or any network without `internal: true`) can open connections to the internet, so a compromised database can exfiltrate data or fetch tools, and every service of the stack can reach it. Put datastores on a backend network with `internal: true` shared only with the services that use them. AppFlowy guide: `backend: internal: true # No external access`; AFFiNE guide: postgres on the backend network only.',
    fixSafety: 'The fix marks the datastore\'s network `internal: true`. Every service on that network loses internet access, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide', 'AppFlowy Cloud guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const declared = new Map(ctx.doc.networks.map((n) => [n.name, n]));
    for (const svc of servicesOf(ctx)) {
      const store = datastoreOf(svc.image);
      if (!store || fieldText(ctx.doc, svc, 'network_mode') !== undefined) continue;
      const nets = svc.networks.map((n) => declared.get(n.name));
      if (nets.some((n) => n?.internal)) continue;
      const fixes: FixSpec[] = [];
      // Only a network this file declares, and only when every service on it is a datastore or can live without the internet: offered, not safe.
      for (const n of nets) {
        if (!n || n.external || !n.map || n.entry.value === null) continue;
        if (n.fields.has('internal')) {
          const e = n.fields.get('internal')!;
          fixes.push({ title: `Make network \`${n.name}\` internal`, safe: false, edits: [{ ...e.valueSpan, newText: 'true' }] });
        } else {
          fixes.push({ title: `Make network \`${n.name}\` internal`, safe: false, edits: [addPair(ctx.file, n.map, 'internal', 'true', styleOf(ctx.file, ctx.doc))] });
        }
      }
      report({
        span: svc.keySpan,
        message: svc.networks.length
          ? `${store.product} (service \`${svc.name}\`) is on no network with \`internal: true\`: it can reach the internet.`
          : `${store.product} (service \`${svc.name}\`) is on the default network: it can reach the internet and every service can reach it. Put it on an internal backend network.`,
        fixes,
      });
    }
  },
};
