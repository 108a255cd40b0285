import type { Rule } from '../../types';
import { datastoreOf } from './support/datastores';
import { bindScope } from './support/exposure';
import { bindLoopbackFix, describePort, portSpan, removePortFix } from './support/ports';
import { resolvePort } from '../../parse/compose-ports';
import { projectLookup } from '../../project/compose-project';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const exposedDatastorePort: Rule<ComposeContext> = {
  id: 'compose/exposed-datastore-port', language: 'compose', severity: 'error',
  title: 'Datastore port published on all interfaces',
  docs: {
    why: [
      'A database, cache, search engine, broker or object store publishes a port on every interface of the host (`"5432:5432"`, `0.0.0.0`, `[::]`, or long syntax without `host_ip`).',
      'Docker writes its own iptables rules for published ports, so ufw or firewalld do not stop the internet from reaching it; datastores are scanned for and brute-forced within hours.',
      'Other containers reach the datastore over the compose network without any published port. If a tool on the host needs it, bind it to `127.0.0.1`.',
      '',
      'AFFiNE guide: "Don\'t expose ports to host ... `- "5432:5432"` # NEVER do this in production". AppFlowy guide: keep postgres and redis on an internal backend network.',
    ].join('\n'),
    bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"',
    good: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"',
    fixSafety: 'The fixes bind the port to `127.0.0.1` or remove the published port. A client outside the compose network may lose access, so they are lightbulb-only: "Fix all" and `--fix` do not apply them.',
    references: ['AFFiNE guide', 'AppFlowy Cloud guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      const store = datastoreOf(svc.image);
      if (!store) continue;
      for (const port of svc.ports) {
        // `${BIND_IP:-0.0.0.0}` is judged by what .env sets, like compose does.
        const { hostIp } = resolvePort(port, lookup);
        const scope = bindScope(hostIp);
        if (scope !== 'all' && scope !== 'public') continue;
        const where = scope === 'all' ? 'on all interfaces' : `on the public address ${hostIp}`;
        const fixes = [bindLoopbackFix(ctx.file, ctx.doc, port), removePortFix(ctx.file, svc, port)].filter((f) => !!f);
        report({
          span: portSpan(port),
          message: `${store.product} (service \`${svc.name}\`) publishes ${describePort(port)} ${where}: anyone who can reach this host can try to log in. Bind it to 127.0.0.1, or remove it (containers reach it over the compose network).`,
          fixes,
        });
      }
    }
  },
};
