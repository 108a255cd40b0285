import type { Rule } from '../../types';
import { removeItem } from './support/yaml-edit';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { needsByDesign } from './support/by-design';

/** Capabilities that amount to root on the host (error) or open a direct path to it (warning). */
const SEVERE = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE']);
const RISKY = new Set(['SYS_RAWIO', 'SYS_PTRACE', 'NET_ADMIN', 'DAC_READ_SEARCH', 'BPF', 'SYS_BOOT']);

export const dangerousCapability: Rule<ComposeContext> = {
  id: 'compose/dangerous-capability', language: 'compose', severity: 'warning',
  title: 'Dangerous Linux capability added',
  docs: {
    why: '`cap_add` with `ALL`, `SYS_ADMIN` or `SYS_MODULE` is as good as `privileged` (mount file systems, load kernel modules): reported as an error. `SYS_RAWIO`, `SYS_PTRACE`, `NET_ADMIN`, `DAC_READ_SEARCH`, `BPF` and `SYS_BOOT` each open a known escape or snooping path: a warning. Keep the capability only if the service cannot work without it. NET_ADMIN on a VPN endpoint or a DHCP server is what they are for: info.',
    fixSafety: 'The fix removes the capability from `cap_add`. A service that needs it stops working, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      for (const cap of svc.capAdd) {
        const name = cap.text.trim().toUpperCase().replace(/^CAP_/, '');
        const severe = SEVERE.has(name);
        if (!severe && !RISKY.has(name)) continue;
        // NET_ADMIN acts on the container's own network namespace: a VPN or DHCP server needs it to work.
        const why = name === 'NET_ADMIN' ? needsByDesign(svc, 'net-admin') : undefined;
        report({
          span: cap.span,
          severity: severe ? 'error' : why ? 'info' : undefined,
          message: why
            ? `Service \`${svc.name}\` adds NET_ADMIN. By design: ${why}; it acts on the container's own network namespace.`
            : `Service \`${svc.name}\` adds ${name}${severe ? ', which is equivalent to running privileged' : ', which weakens its isolation from the host'}. Remove it unless the service cannot work without it.`,
          fixes: [{ title: `Remove ${name} from cap_add`, safe: false, edits: [removeItem(ctx.file, cap.seq, cap.index, svc.fields.get('cap_add'))] }],
        });
      }
    }
  },
};
