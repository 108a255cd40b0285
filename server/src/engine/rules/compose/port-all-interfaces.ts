import type { Rule } from '../../types';
import { portNumbers, resolvePort } from '../../parse/compose-ports';
import { withDefaults } from '../../parse/interpolation';
import { datastoreOf } from './support/datastores';
import { bindLoopbackFix, describePort, portSpan } from './support/ports';
import { projectLookup } from '../../project/compose-project';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { bypassingPorts } from './port-bypasses-proxy';
import { publicByDesign } from './support/public-ports';
import { projectNginxFiles } from '../../project/nginx-links';
import type { PortEntry, Service } from '../../parse/compose';
import type { FixSpec } from '../../types';
import type { Lookup } from '../../parse/interpolation';
import { adminUi } from './exposed-admin-ui';
import { imageInfo } from '../../catalogue/images';
import { bindScope } from './support/exposure';

/** Reverse proxies and tunnels: with one in the stack, an app port beside it is a side door, not the way in. */
const PROXY = /(^|\/)(nginx|nginx-unprivileged|openresty|traefik|caddy|haproxy|envoy|httpd|apache2?|nginx-proxy|nginx-proxy-manager|swag|cloudflared|lighttpd|varnish|pomerium|oauth2-proxy)$/;

export const portAllInterfaces: Rule<ComposeContext> = {
  id: 'compose/port-all-interfaces', language: 'compose', severity: 'warning',
  title: 'Port published on all interfaces',
  docs: {
    why: [
      'A service publishes a port without a host address. Docker then listens on 0.0.0.0 and adds iptables rules that bypass ufw and firewalld, so an admin UI or an app port meant for the reverse proxy is reachable from the internet, without TLS, headers or rate limits.',
      'Bind it to `127.0.0.1` when only the host (or a proxy on the host) needs it, or drop `ports:` when the proxy runs in compose. Ports that are public by design are not reported (ARCHITECTURE.md, Precision): 80 and 443; mail, DNS and SSH (container port 22, a Git server\'s `2222:22`); game and voice servers; WebRTC media and TURN (Jitsi\'s video bridge, coturn, a `${CALLS_PORT}`); DNS/DHCP on Pi-hole and friends; VPN endpoints (WireGuard, OpenVPN); the inputs of a log collector. Host addresses and ports in `${VAR}` are read from the project\'s `.env`.',
      'An app (not a proxy) that publishes port 80 itself, with nothing in the stack on 443 and no proxy, serves plain HTTP: `info`, with the same advice.',
      'When the stack has no reverse proxy (no proxy image or service, no nginx config in the project, no other service on 80/443), this is its only reported port and no other service is published, it is how users reach the app: `info`, with the advice to put a TLS proxy in front before it faces the internet.',
    ].join('\n'),
    bad: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    ports:\n      - "3000:3000"',
    good: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    ports:\n      - "127.0.0.1:3000:3000"',
    fixSafety: 'The fix binds the port to `127.0.0.1`. Clients on other machines lose access, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide', 'AppFlowy Cloud guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    // Ports nginx proxies to get the more specific compose/port-bypasses-proxy instead.
    const bypassing = ctx.config.rules['compose/port-bypasses-proxy'] === 'off' ? new Set<unknown>() : bypassingPorts(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    const open: { svc: Service; port: PortEntry; fix?: FixSpec }[] = [];
    const plain: { svc: Service; port: PortEntry; fix?: FixSpec }[] = [];
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
        // A host port from a variable without a value (compose reads it as empty) is unknown: judge by the container port then.
        const targets = portNumbers(withDefaults(port.target ?? ''));
        const hostPorts = published !== undefined ? portNumbers(published) : [];
        const nums = hostPorts.length ? hostPorts : targets;
        // Mail, VPN and media servers' client ports (the image catalogue's publicPorts) are meant for the internet.
        if (targets.length && targets.every((n) => publicPorts.includes(n))) continue;
        if (publicByDesign(svc, port, nums, targets)) {
          if (nums.length && nums.every((n) => n === 80) && !/udp/i.test(port.protocol ?? '')) plain.push({ svc, port, fix: bindLoopbackFix(ctx.file, ctx.doc, port) });
          continue;
        }
        // SSH (a Git server's `2222:22`) is reached by its clients from anywhere, like mail.
        if (targets.length && targets.every((n) => n === 22) && !/udp/i.test(port.protocol ?? '')) continue;
        open.push({ svc, port, fix: bindLoopbackFix(ctx.file, ctx.doc, port) });
      }
    }
    // Where another service is published too (Kibana beside Logstash's monitoring API), this port is not how users get in.
    const entryPoint = open.length === 1 && !/udp/i.test(open[0].port.protocol ?? '') && !hasProxy(ctx, lookup)
      && !ctx.doc.services.some((s) => s !== open[0].svc && s.ports.some((p) => bindScope(resolvePort(p, lookup).hostIp) !== 'loopback'));
    for (const { svc, port, fix } of open) {
      report({
        span: portSpan(port),
        severity: entryPoint ? 'info' : undefined,
        message: entryPoint
          ? `Service \`${svc.name}\` publishes ${describePort(port)} on all interfaces, the only way into this stack (no reverse proxy runs in it). If it faces the internet, it serves plain HTTP and Docker's iptables rules bypass the host firewall: put a TLS proxy in front and bind it to 127.0.0.1.`
          : `Service \`${svc.name}\` publishes ${describePort(port)} on all interfaces; Docker's iptables rules bypass the host firewall. Bind it to 127.0.0.1 if only the host or its reverse proxy needs it.`,
        fixes: fix ? [fix] : [],
      });
    }
    // Port 80 is public by design for a proxy; an app that serves it itself, with no TLS anywhere in the stack,
    // sends logins and cookies in clear (ARCHITECTURE.md, Precision: its own entry point, info).
    for (const { svc, port, fix } of plain) {
      if (isProxy(svc) || svc.ports.some((p) => portNumbers(resolvePort(p, lookup).published).includes(443)) || hasProxy(ctx, lookup, svc)) continue;
      report({
        span: portSpan(port),
        severity: 'info',
        message: `Service \`${svc.name}\` serves plain HTTP on ${describePort(port)} on all interfaces and nothing in this stack terminates TLS: logins and session cookies cross the network in clear. Put a TLS proxy in front and bind this port to 127.0.0.1.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** Service names that say "reverse proxy" when the image is built locally (`proxy: { build: ./nginx }`). */
const PROXY_NAME = /^(proxy|reverse-?proxy|web-?proxy|nginx|traefik|caddy|haproxy|envoy|gateway|lb|loadbalancer)$|[-_]proxy$/i;

/** A reverse proxy in the stack: a proxy image or service name, nginx config in the project, or another service on 80/443. */
function hasProxy(ctx: ComposeContext, lookup: Lookup, except?: Service): boolean {
  return ctx.doc.services.some((s) => s !== except && (isProxy(s)
    || s.ports.some((p) => { const n = portNumbers(resolvePort(p, lookup).published); return n.length > 0 && n.every((x) => x === 80 || x === 443); })))
    || projectNginxFiles(ctx.workspace, ctx.file.path).length > 0;
}

function isProxy(s: Service): boolean {
  return (!!s.image && PROXY.test(s.image.path.toLowerCase())) || PROXY_NAME.test(s.name);
}
