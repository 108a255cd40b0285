import type { Rule } from '../../types';
import { proxyBypasses } from '../../project/proxy-bypass';
import { bindLoopbackFix, describePort, portSpan, removePortFix } from './support/ports';
import { reportOnce, type ComposeContext } from './support/report';
import { datastoreOf } from './support/datastores';

export const portBypassesProxy: Rule<ComposeContext> = {
  id: 'compose/port-bypasses-proxy', language: 'compose', severity: 'warning',
  title: 'Proxied service also published on all interfaces',
  docs: {
    why: [
      'nginx proxies to this service (`proxy_pass http://app:3000`, or `http://127.0.0.1:3010` to the port it publishes), and the same port is also published on every interface of the host. Clients can skip the proxy and talk to the app directly: no TLS, no security headers, no rate limits, no access rules.',
      'When nginx runs in the same compose project it reaches the app over the compose network: remove the published port. When nginx runs on the host, bind the port to `127.0.0.1`.',
      '',
      'AFFiNE guide: "Don\'t expose ports to host" and put the app behind the reverse proxy; AppFlowy Cloud guide: only nginx is reachable from outside.',
    ].join('\n'),
    fixSafety: 'The fixes remove the published port or bind it to `127.0.0.1`. Clients that used the port directly lose access, so they are lightbulb-only: "Fix all" and `--fix` do not apply them.',
    references: ['AFFiNE guide', 'AppFlowy Cloud guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const b of proxyBypasses(ctx.workspace, ctx.file.path)) {
      // A proxied datastore is compose/exposed-datastore-port's finding already.
      if (datastoreOf(b.service.image)) continue;
      const bind = bindLoopbackFix(ctx.file, ctx.doc, b.port);
      const remove = removePortFix(ctx.file, b.service, b.port);
      const fixes = (b.viaServiceName ? [remove, bind] : [bind]).filter((f) => !!f);
      report({
        span: portSpan(b.port),
        message: `nginx proxies to service \`${b.service.name}\`, which also publishes ${describePort(b.port)} on all interfaces: clients can bypass the proxy (and its TLS, headers and rate limits). ${b.viaServiceName ? 'nginx reaches it over the compose network: remove the published port.' : 'Bind it to 127.0.0.1.'}`,
        fixes,
        related: b.targets.slice(0, 5).map((x) => ({ file: x.file, span: x.span, message: `proxied here (${x.host}:${x.port})` })),
      });
    }
  },
};

/** The published ports this rule reports, so compose/port-all-interfaces does not report them twice. */
export function bypassingPorts(ctx: ComposeContext): Set<unknown> {
  return new Set(proxyBypasses(ctx.workspace, ctx.file.path).map((b) => b.port.node ?? b.port));
}
