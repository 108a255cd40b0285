import type { Rule, Span } from '../../types';
import type { PortEntry, Service } from '../../parse/compose';
import { imageInfo, type ImageRow } from '../../catalogue/images';
import { projectLookup } from '../../project/compose-project';
import type { Lookup } from '../../parse/interpolation';
import { datastoreOf } from './support/datastores';
import { reachOf, targetPorts } from './support/exposure';
import { bindLoopbackFix, describePort, portSpan } from './support/ports';
import { clusterAuth } from './support/search-cluster';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const exposedAdminUi: Rule<ComposeContext> = {
  id: 'compose/exposed-admin-ui', language: 'compose', severity: 'error',
  title: 'Management UI published to the network',
  docs: {
    why: [
      'A management UI (pgAdmin, Adminer, phpMyAdmin, mongo-express, Redis Commander, RedisInsight, Portainer, MailHog/Mailpit, Kibana or OpenSearch Dashboards in front of a cluster without auth, Traefik\'s API with `--api.insecure=true`) publishes its port on a non-loopback address. Whoever reaches it gets the data or the hosts it manages, often through a login that is weak, shared or absent (pgAdmin with `PGADMIN_CONFIG_SERVER_MODE=False` has none; Portainer lets the first visitor create the admin).',
      'Bind it to `127.0.0.1` and reach it through an SSH tunnel, or put it behind the reverse proxy with authentication. Which images are UIs, and on which ports, comes from the image catalogue (`catalogue/images.ts`).',
      'Reported at info when nothing is published but auth is turned off (`--api.insecure=true`, desktop-mode pgAdmin): every container on its networks, and every SSRF in them, can use it. RabbitMQ\'s management and MinIO\'s console ports are datastore ports: compose/exposed-datastore-port reports them.',
    ].join('\n'),
    fixSafety: 'The fix binds the port to `127.0.0.1`. Whoever used the UI over the network loses access, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['https://doc.traefik.io/traefik/operations/api/#insecure', 'https://www.pgadmin.org/docs/pgadmin4/latest/container_deployment.html'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      const ui = adminUi(ctx, svc, lookup);
      if (!ui) continue;
      const reach = reachOf(ctx.doc.doc, svc, lookup);
      const { row, insecure, why } = ui;
      if (ui.ports.length) {
        for (const port of ui.ports) {
          const fix = bindLoopbackFix(ctx.file, ctx.doc, port);
          report({
            span: portSpan(port),
            message: `${row.product} (service \`${svc.name}\`) is published on ${describePort(port)} on a non-loopback address${why}. Bind it to 127.0.0.1 and reach it through an SSH tunnel or an authenticating proxy.`,
            fixes: fix ? [fix] : [],
          });
        }
      } else if (reach.hostNetwork) {
        report({ span: svc.fields.get('network_mode')?.pairSpan ?? svc.keySpan, message: `${row.product} (service \`${svc.name}\`) runs on the host network, so its UI is reachable on every interface of the host${why}.` });
      } else if (insecure) {
        report({
          span: insecure,
          severity: 'info',
          message: `${row.product} (service \`${svc.name}\`)${why}. It is not published, but every container on its networks (and any SSRF in them) can use it.`,
        });
      }
    }
  },
};

interface AdminUi { row: ImageRow; ports: PortEntry[]; insecure?: Span; why: string }

/** The service's management UI and the published ports that serve it, when the catalogue says it is one and it is open. */
export function adminUi(ctx: ComposeContext, svc: Service, lookup: Lookup): AdminUi | undefined {
  const row = imageInfo(svc.image);
  if (!row || row.kind !== 'admin-ui') return undefined;
  const insecure = insecureSetting(svc, row);
  if (row.insecureWhen?.only && !insecure) return undefined;
  let why = insecure ? ` with auth turned off (${insecure.what})` : '';
  if (row.frontOf) {
    const open = openCluster(ctx, svc, lookup);
    if (!open) return undefined;
    why = ` in front of \`${open}\`, a cluster that asks for no password: anyone gets full read, write and delete through it`;
  }
  const published = reachOf(ctx.doc.doc, svc, lookup).ports;
  const ports = published.filter((p) => {
    const t = targetPorts(p);
    return !row.ports || !t.length || t.some((n) => row.ports!.includes(n));
  });
  return { row, ports, insecure: insecure?.span, why };
}

function insecureSetting(svc: Service, row: ImageRow): { span: Span; what: string } | undefined {
  const when = row.insecureWhen;
  if (!when) return undefined;
  if (when.env) {
    const e = svc.environment.find((x) => when.env!.key.test(x.key) && when.env!.value.test(x.value?.trim() ?? ''));
    if (e) return { span: e.itemSpan, what: `${e.key}=${e.value?.trim()}` };
  }
  if (when.flag) {
    for (const cmd of [svc.command, svc.entrypoint]) {
      if (!cmd) continue;
      if (cmd.form === 'list') {
        const item = cmd.items.find((i) => when.flag!.test(`${i.text} `));
        if (item) return { span: item.span, what: item.text.trim() };
      } else if (when.flag.test(`${cmd.text} `)) {
        return { span: cmd.entry.valueSpan, what: when.flag.exec(`${cmd.text} `)?.[0].trim() ?? cmd.text };
      }
    }
  }
  return undefined;
}

/** Kibana-like UIs: the name of a cluster service in this file that asks for no password (none with credentials of its own). */
function openCluster(ctx: ComposeContext, svc: Service, lookup: Lookup): string | undefined {
  if (svc.envFile.length || svc.environment.some((e) => /(USERNAME|PASSWORD|SERVICEACCOUNTTOKEN|API_KEY)$/.test(e.key))) return undefined;
  for (const other of servicesOf(ctx)) {
    const store = datastoreOf(other.image);
    if (store?.kind !== 'elasticsearch') continue;
    const auth = clusterAuth(other, store.product, lookup).state;
    if (auth === 'off' || auth === 'off-by-default') return other.name;
  }
  return undefined;
}
