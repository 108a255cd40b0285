import type { Rule } from '../../types';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { interpolate } from '../../parse/interpolation';
import { projectLookup } from '../../project/compose-project';

const SOCKET = /(^|\/)(docker|containerd|podman)\.sock$/;

export const dockerSocket: Rule<ComposeContext> = {
  id: 'compose/docker-socket', language: 'compose', severity: 'error',
  title: 'Container runtime socket mounted',
  description: [
    'Mounting `docker.sock` (or containerd/podman\'s socket) hands the container the Docker API: it can start a privileged container that mounts `/`, which is root on the host. `:ro` does not help; the API is still writable through the socket.',
    'When a tool needs to read container metadata (Traefik, a dashboard), put a socket proxy in between (e.g. `tecnativa/docker-socket-proxy` with only `CONTAINERS=1`) on an internal network.',
  ].join('\n'),
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      for (const v of svc.volumes) {
        if (v.type !== 'bind' || !v.source) continue;
        // `${DOCKER_SOCKET_LOCATION}:/var/run/docker.sock`: the source as .env sets it; when it cannot be
        // known, the target says what the container takes it for.
        const resolved = v.source.includes('$') ? interpolate(v.source, lookup) : v.source;
        const source = (resolved ?? v.target ?? '').replace(/\/+$/, '');
        const m = SOCKET.exec(source);
        if (!m) continue;
        report({
          span: v.span,
          message: `Service \`${svc.name}\` mounts the ${m[2]} socket: whoever controls this container controls the host (read-only does not help). Use a socket proxy that allows only the API calls it needs.`,
        });
      }
    }
  },
};
