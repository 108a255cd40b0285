import type { Rule } from '../../types';
import { fieldText } from '../../parse/compose';
import { datastoreOf } from './support/datastores';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const runsAsRoot: Rule<ComposeContext> = {
  id: 'compose/runs-as-root', language: 'compose', severity: 'info',
  title: 'Service runs as root',
  description: 'Without `user:` a container runs as the image\'s user, which is root unless the image says otherwise; `user: root` or `0` says so explicitly. An exploited app running as root owns every file in the container and its mounted volumes and is one kernel bug from the host. Set `user: "1000:1000"` (or the UID the image documents). SEEN guide: the backend runs as a non-root user (UID 10001). Datastores are not reported: their images start as root only to drop to their own user.',
  fixable: false,
  sources: ['SEEN guide', 'AI Notes guide'],
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      if (datastoreOf(svc.image)) continue;
      const user = fieldText(ctx.doc, svc, 'user');
      const e = svc.fields.get('user');
      if (user === undefined || user.trim() === '') {
        report({ span: svc.keySpan, message: `Service \`${svc.name}\` sets no \`user:\`, so it runs as root unless its image picks another user.` });
      } else if (/^(root|0)(:.*)?$/.test(user.trim()) && e) {
        report({ span: e.pairSpan, message: `Service \`${svc.name}\` runs as root.` });
      }
    }
  },
};
