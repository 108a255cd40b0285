import type { Rule } from '../../types';
import { scalarText } from '../../parse/compose-yaml';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { needsByDesign } from './support/by-design';

const KEYS: Record<string, string> = {
  network_mode: 'the host network stack (every port it opens is public, and it sees host-local services)',
  pid: 'the host process table (it can inspect and signal host processes)',
  ipc: 'the host IPC namespace (shared memory of host processes)',
  userns_mode: 'the host user namespace (root inside is root outside)',
  uts: 'the host UTS namespace (it can change the host name)',
};

export const hostNamespace: Rule<ComposeContext> = {
  id: 'compose/host-namespace', language: 'compose', severity: 'error',
  title: 'Host namespace shared with a container',
  docs: {
    why: '`network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host` or `uts: host` removes one layer of isolation between the container and the host. With the host network, every port the app opens is public and no compose network separates it from the datastores. Images that need the host network by design (media servers discovering devices, VPN endpoints, host firewall managers, a DHCP server) are reported at info.',
  },
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    const doc = ctx.doc.doc;
    if (!doc) return;
    for (const svc of servicesOf(ctx)) {
      for (const [key, what] of Object.entries(KEYS)) {
        const e = svc.fields.get(key);
        if (!e || scalarText(doc, e.value)?.trim().toLowerCase() !== 'host') continue;
        const why = key === 'network_mode' ? needsByDesign(svc, 'host-network') : undefined;
        report(why
          ? { span: e.pairSpan, severity: 'info', message: `Service \`${svc.name}\` shares ${what}. By design: ${why}; keep only the ports it needs open in the host firewall.` }
          : { span: e.pairSpan, message: `Service \`${svc.name}\` shares ${what}.` });
      }
    }
  },
};
