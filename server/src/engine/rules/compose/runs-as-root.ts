import type { Rule } from '../../types';
import type { Service } from '../../parse/compose';
import { fieldText } from '../../parse/compose';
import { datastoreOf } from './support/datastores';
import { nonRootImage } from '../../catalogue/images';
import { baseServices } from './support/extends';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export { nonRootImage } from '../../catalogue/images';

/** linuxserver.io style `PUID`/`PGID` (and paperless' `USERMAP_UID`): the entrypoint runs the app as that user. */
function dropsByEnv(svc: Service): boolean {
  const keys = new Set(svc.environment.filter((e) => e.value === undefined || e.value.trim() !== '').map((e) => e.key));
  return (keys.has('PUID') && keys.has('PGID')) || keys.has('USERMAP_UID');
}

export const runsAsRoot: Rule<ComposeContext> = {
  id: 'compose/runs-as-root', language: 'compose', severity: 'info',
  title: 'Service runs as root',
  docs: {
    why: 'Without `user:` a container runs as the image\'s user, which is root unless the image says otherwise; `user: root` or `0` says so explicitly. An exploited app running as root owns every file in the container and its mounted volumes and is one kernel bug from the host. Set `user: "1000:1000"` (or the UID the image documents). SEEN guide: the backend runs as a non-root user (UID 10001). Not reported: datastores (their images start as root only to drop to their own user), well-known images that run as a non-root user themselves (bitnami, linuxserver with `PUID`/`PGID`, n8n, Mattermost, Grafana, Prometheus, `-rootless` tags ...), and a `user` taken from the service named in `extends`.',
    bad: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    user: root',
    good: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    user: "1000:1000"',
    references: ['SEEN guide', 'AI Notes guide'],
  },
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      if (datastoreOf(svc.image) || nonRootImage(svc.image) || dropsByEnv(svc)) continue;
      const e = svc.fields.get('user');
      let user = fieldText(ctx.doc, svc, 'user');
      let inherited: string | undefined;
      if ((user === undefined || user.trim() === '') && !e && svc.fields.has('extends')) {
        const bases = baseServices(ctx, svc);
        // A base that cannot be read may set the user: not judged from here.
        if (!bases) continue;
        const base = bases.find((b) => b.svc.fields.has('user'));
        if (base) { user = fieldText(base.file, base.svc, 'user'); inherited = base.svc.name; }
        else if (bases.some((b) => datastoreOf(b.svc.image) || nonRootImage(b.svc.image))) continue;
      }
      if (user === undefined || user.trim() === '') {
        report({ span: svc.keySpan, message: `Service \`${svc.name}\` sets no \`user:\`, so it runs as root unless its image picks another user.` });
      } else if (/^(root|0)(:.*)?$/.test(user.trim())) {
        if (inherited !== undefined) report({ span: svc.keySpan, message: `Service \`${svc.name}\` runs as root (\`user\` from service \`${inherited}\`, which it extends).` });
        else if (e) report({ span: e.pairSpan, message: `Service \`${svc.name}\` runs as root.` });
      }
    }
  },
};
