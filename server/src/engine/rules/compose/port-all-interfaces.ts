import type { Rule } from '../../types';
import { portNumbers, resolvePort } from '../../parse/compose-ports';
import { withDefaults } from '../../parse/interpolation';
import { datastoreOf } from './support/datastores';
import { bindLoopbackFix, describePort, portSpan } from './support/ports';
import { projectLookup } from '../../project/compose-project';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { bypassingPorts } from './port-bypasses-proxy';
import { adminUi } from './exposed-admin-ui';
import { imageInfo } from '../../catalogue/images';

/**
 * Ports that are public by design: HTTP(S) (SPEC), and the protocols whose clients come from the
 * internet (mail, DNS, TURN, WireGuard), where a warning would only be noise.
 */
const PUBLIC_BY_DESIGN = new Set([80, 443, 25, 53, 110, 143, 465, 587, 993, 995, 4190, 3478, 5349, 51820]);

export const portAllInterfaces: Rule<ComposeContext> = {
  id: 'compose/port-all-interfaces', language: 'compose', severity: 'warning',
  title: 'Port published on all interfaces',
  description: [
    'A service publishes a port without a host address. Docker then listens on 0.0.0.0 and adds iptables rules that bypass ufw and firewalld, so an admin UI or an app port meant for the reverse proxy is reachable from the internet, without TLS, headers or rate limits.',
    'Bind it to `127.0.0.1` when only the host (or a proxy on the host) needs it, or drop `ports:` when the proxy runs in compose. Ports 80 and 443, and mail, DNS, TURN, WireGuard and SSH (container port 22, a Git server\'s `2222:22`) ports, are public by design and not reported. Host addresses and ports in `${VAR}` are read from the project\'s `.env`.',
  ].join('\n'),
  fixable: true,
  sources: ['AFFiNE guide', 'AppFlowy Cloud guide'],
  check(ctx) {
    const report = reportOnce(ctx);
    // Ports nginx proxies to get the more specific compose/port-bypasses-proxy instead.
    const bypassing = ctx.config.rules['compose/port-bypasses-proxy'] === 'off' ? new Set<unknown>() : bypassingPorts(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      if (datastoreOf(svc.image)) continue;
      // An admin UI's port is compose/exposed-admin-ui's finding: one problem, one finding.
      const ui = ctx.config.rules['compose/exposed-admin-ui'] === 'off' ? undefined : adminUi(ctx, svc, lookup);
      const publicPorts = imageInfo(svc.image)?.publicPorts ?? [];
      for (const port of svc.ports) {
        if (ui?.ports.includes(port)) continue;
        // Variables are read from .env first: `${EXPOSE:-127.0.0.1:2283}:2283` set in .env is not "no host address".
        const { hostIp, published } = resolvePort(port, lookup);
        if (hostIp !== undefined || bypassing.has(port.node ?? port)) continue;
        // A host port from a variable without a value is unknown: judge by the container port then.
        const nums = published !== undefined ? portNumbers(published) : portNumbers(withDefaults(port.target ?? ''));
        if (nums.length && nums.every((n) => PUBLIC_BY_DESIGN.has(n))) continue;
        // Mail, VPN and media servers' client ports (the image catalogue's publicPorts) are meant for the internet.
        const targets = portNumbers(withDefaults(port.target ?? ''));
        if (targets.length && targets.every((n) => publicPorts.includes(n))) continue;
        // SSH (a Git server's `2222:22`) is reached by its clients from anywhere, like mail.
        if (targets.length && targets.every((n) => n === 22) && !/udp/i.test(port.protocol ?? '')) continue;
        const fix = bindLoopbackFix(ctx.file, ctx.doc, port);
        report({
          span: portSpan(port),
          message: `Service \`${svc.name}\` publishes ${describePort(port)} on all interfaces; Docker's iptables rules bypass the host firewall. Bind it to 127.0.0.1 if only the host or its reverse proxy needs it.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
