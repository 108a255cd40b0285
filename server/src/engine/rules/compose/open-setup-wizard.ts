import type { Rule } from '../../types';
import type { Service } from '../../parse/compose';
import { imageInfo, type ImageRow } from '../../catalogue/images';
import { projectLookup } from '../../project/compose-project';
import { reachOf } from './support/exposure';
import { bindLoopbackFix, portSpan } from './support/ports';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const openSetupWizard: Rule<ComposeContext> = {
  id: 'compose/open-setup-wizard', language: 'compose', severity: 'warning',
  title: 'Install wizard open to the network',
  docs: {
    why: [
      'An app whose first visitor becomes its admin (WordPress, Nextcloud without `NEXTCLOUD_ADMIN_USER`/`_PASSWORD`, Gitea or Forgejo without `INSTALL_LOCK`, Ghost, Matomo, Joomla without `JOOMLA_ADMIN_*`, Drupal) publishes its port on a non-loopback address. Until someone finishes the wizard, whoever gets there first picks the admin account, and on WordPress or Nextcloud an admin can upload plugins: code execution on the server. Bots look for fresh installs within minutes.',
      'Set the admin through the environment where the image supports it, or keep the port on `127.0.0.1` until the install is done. Which apps have a wizard, and which variables close it, comes from the image catalogue (`catalogue/images.ts`). Apps that publish nothing are not reported: a proxy in front of them may ask for auth.',
    ].join('\n'),
    fixSafety: 'The fix binds the port to `127.0.0.1` until the install is done. It changes who can reach the app, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['https://github.com/nextcloud/docker#auto-configuration-via-environment-variables', 'https://docs.gitea.com/installation/install-with-docker'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      const row = imageInfo(svc.image);
      if (row?.kind !== 'setup-wizard' || closed(svc, row) || svc.envFile.length) continue;
      const reach = reachOf(ctx.doc.doc, svc, lookup);
      if (!reach.ports.length) continue;
      const fixes = reach.ports.map((p) => bindLoopbackFix(ctx.file, ctx.doc, p));
      const edits = fixes.every((f) => f) ? fixes.flatMap((f) => f!.edits) : [];
      const how = row.adminEnv ? `Set ${row.adminEnv[0].join(' and ')} in \`environment\`, or keep` : 'Keep';
      // Point where the change goes: the environment when a variable closes the wizard, else the port.
      const env = svc.fields.get('environment');
      const span = row.adminEnv ? (env?.keySpan ?? svc.keySpan) : portSpan(reach.ports[0]);
      report({
        span,
        message: `${row.product} (service \`${svc.name}\`) is published with its install wizard open: the first visitor becomes its admin. ${how} it on 127.0.0.1 until the install is done.`,
        fixes: edits.length ? [{ title: 'Bind to 127.0.0.1 until the install is done', safe: false, edits }] : [],
      });
    }
  },
};

/** A variable group of the catalogue closes the wizard when each of its keys has a value (INSTALL_LOCK must be true). */
function closed(svc: Service, row: ImageRow): boolean {
  return (row.adminEnv ?? []).some((group) => group.every((key) => {
    const e = svc.environment.find((x) => x.key === key);
    if (!e || e.value === undefined || e.value.trim() === '') return e?.value === undefined && !!e;
    return /INSTALL_LOCK$/.test(key) ? !/^(false|0|no)$/i.test(e.value.trim()) : true;
  }));
}
