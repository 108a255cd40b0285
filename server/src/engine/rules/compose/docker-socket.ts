import type { Rule } from '../../types';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { interpolate } from '../../parse/interpolation';
import { projectLookup } from '../../project/compose-project';
import { serviceReach } from '../../project/reachability';
import { needsByDesign } from './support/by-design';
import type { Service } from '../../parse/compose';
import type { Lookup } from '../../parse/interpolation';

const SOCKET = /(^|\/)(docker|containerd|podman)\.sock$/;

/** Socket proxies serve the engine's API on a port: published, that is the API on the network. */
const SOCKET_PROXY = /(^|\/)(docker-socket-proxy|socket-proxy|dockerproxy)$/;

export const dockerSocket: Rule<ComposeContext> = {
  id: 'compose/docker-socket', language: 'compose', severity: 'error',
  title: 'Container runtime socket mounted',
  docs: {
    why: [
      'Mounting `docker.sock` (or containerd/podman\'s socket) hands the container the Docker API: it can start a privileged container that mounts `/`, which is root on the host. `:ro` does not help; the API is still writable through the socket.',
      'When a tool needs to read container metadata (Traefik, a dashboard), put a socket proxy in between (e.g. `tecnativa/docker-socket-proxy` with only `CONTAINERS=1`) on an internal network.',
      'Severity follows what an attacker can do with it (ARCHITECTURE.md, Precision): `error` when the socket is usable from outside as deployed — a socket proxy published on a non-loopback address serves the Docker API to the network; `warning` for any other holder, published or not: a real weakness, but an attacker first needs a bug in the holder (an internet-facing Traefik) or a foothold in the project; `info` for engine managers such as Portainer, whose job is the Docker API.',
    ].join('\n'),
    bad: 'services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
  },
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      const mounts = socketMounts(svc, lookup);
      if (!mounts.length) continue;
      const job = needsByDesign(svc, 'engine');
      const reach = serviceReach(ctx.doc, svc, lookup).reach;
      const proxy = !!svc.image && SOCKET_PROXY.test(svc.image.path.toLowerCase());
      for (const { span, runtime } of mounts) {
        const base = `Service \`${svc.name}\` mounts the ${runtime} socket: whoever controls this container controls the host (read-only does not help).`;
        const where = reach === 'host-network' ? 'host network' : 'a published port';
        report(job
          ? { span, severity: 'info', message: `${base} By design: ${job}; keep its UI off the internet.` }
          : proxy && reach !== 'internal'
            ? { span, message: `${base} It is a socket proxy reachable from outside (${where}): it serves the Docker API to the network. Keep it on an internal network with no published port.` }
            : reach === 'internal'
              ? { span, severity: 'warning', message: `${base} It publishes no port, so an attacker needs a foothold in the project first. Use a socket proxy that allows only the API calls it needs.` }
              : { span, severity: 'warning', message: `${base} It is reachable from outside (${where}), so one bug in it is root on the host. Use a socket proxy that allows only the API calls it needs.` });
      }
    }
  },
};

/** The service's bind mounts of a container runtime socket. */
export function socketMounts(svc: Service, lookup: Lookup): { span: { start: number; end: number }; runtime: string }[] {
  const out: { span: { start: number; end: number }; runtime: string }[] = [];
  for (const v of svc.volumes) {
    if (v.type !== 'bind' || !v.source) continue;
    // `${DOCKER_SOCKET_LOCATION}:/var/run/docker.sock`: the source as .env sets it; when it cannot be
    // known, the target says what the container takes it for.
    const resolved = v.source.includes('$') ? interpolate(v.source, lookup) : v.source;
    const source = (resolved ?? v.target ?? '').replace(/\/+$/, '');
    const m = SOCKET.exec(source);
    if (m) out.push({ span: v.span, runtime: m[2] });
  }
  return out;
}
