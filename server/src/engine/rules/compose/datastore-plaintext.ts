import type { Rule, Span } from '../../types';
import type { Service } from '../../parse/compose';
import { imageInfo, type PlaintextCheck } from '../../catalogue/images';
import { projectLookup } from '../../project/compose-project';
import { reachOf } from './support/exposure';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const datastorePlaintext: Rule<ComposeContext> = {
  id: 'compose/datastore-plaintext', language: 'compose', severity: 'info',
  title: 'Broker or datastore with no credentials',
  docs: {
    why: [
      'A broker or datastore that asks no one for credentials as configured: Kafka whose listeners are all PLAINTEXT (no SASL, no TLS), NATS started without `--user`/`--auth` or a config file, pgbouncer with `AUTH_TYPE=trust`, ClickHouse whose `default` user has no password, Solr without an auth plugin, memcached without SASL.',
      'Any process that reaches the port reads and writes everything. Severity follows reachability (ARCHITECTURE.md, Precision): error when a port is published on a non-loopback address or the service uses the host network; info otherwise (defence in depth: any container on its networks can reach it). A config file, an `env_file` or a custom entrypoint may set credentials this file cannot see: such services are not judged.',
      'Which images are checked, and how, comes from the image catalogue (`catalogue/images.ts`); Elasticsearch and OpenSearch are compose/datastore-without-auth\'s.',
    ].join('\n'),
    references: ['https://kafka.apache.org/documentation/#security_overview', 'https://www.pgbouncer.org/config.html#auth_type', 'https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro'],
  },
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      const row = imageInfo(svc.image);
      if (!row?.plaintext || svc.envFile.length) continue;
      const found = CHECKS[row.plaintext](svc);
      if (!found) continue;
      const outside = reachOf(ctx.doc.doc, svc, lookup).outside;
      report({
        span: found.span,
        severity: outside ? 'error' : undefined,
        message: `${row.product} (service \`${svc.name}\`) ${found.why}: anyone who reaches it reads and writes without credentials${outside ? ', and a port is published on a non-loopback address' : ' (not published: any container on its networks can reach it)'}.`,
      });
    }
  },
};

type Finding = { span: Span; why: string } | undefined;

const args = (svc: Service) => `${svc.entrypoint?.text ?? ''} ${svc.command?.text ?? ''}`;
const env = (svc: Service, re: RegExp) => svc.environment.find((e) => re.test(e.key));
/** A mounted config file (`server.properties`, `nats.conf`, `users.xml`, `security.json`) may hold the credentials. */
const mountsConfig = (svc: Service, re: RegExp) => svc.volumes.some((v) => re.test(v.target ?? ''));

const CHECKS: Record<PlaintextCheck, (svc: Service) => Finding> = {
  kafka(svc) {
    const text = `${args(svc)} ${svc.environment.map((e) => `${e.key}=${e.value ?? ''}`).join(' ')}`;
    if (/SASL|SSL/i.test(text) || svc.entrypoint || mountsConfig(svc, /\.properties$|\/config\/?$|\/etc\/kafka/)) return undefined;
    const listeners = env(svc, /^KAFKA(_CFG)?_(LISTENERS|ADVERTISED_LISTENERS)$/);
    return { span: listeners?.itemSpan ?? svc.keySpan, why: 'serves its listeners in PLAINTEXT with no SASL' };
  },
  nats(svc) {
    if (/--user\b|--auth\b|--pass\b|(^|\s)(-c|--config)\b|--creds\b|(^|\s)-sl\b/.test(args(svc)) || svc.entrypoint || mountsConfig(svc, /\.conf$|\/etc\/nats/)) return undefined;
    return { span: svc.command?.entry.valueSpan ?? svc.keySpan, why: 'runs without --user/--auth or a config file' };
  },
  pgbouncer(svc) {
    const e = env(svc, /^(PGBOUNCER_)?AUTH_TYPE$/);
    if (e?.value?.trim().toLowerCase() !== 'trust') return undefined;
    return { span: e.itemSpan, why: `sets ${e.key}=trust, so any client connects as any database user` };
  },
  clickhouse(svc) {
    if (env(svc, /^CLICKHOUSE_PASSWORD(_FILE)?$/) || svc.entrypoint || mountsConfig(svc, /users\.(xml|ya?ml)$|users\.d|\/etc\/clickhouse-server\/?$/)) return undefined;
    const skip = env(svc, /^CLICKHOUSE_SKIP_USER_SETUP$/);
    if (skip?.value?.trim() === '1') return { span: skip.itemSpan, why: 'skips the user setup (CLICKHOUSE_SKIP_USER_SETUP=1), so the `default` user has no password' };
    const user = env(svc, /^CLICKHOUSE_USER$/);
    return user ? { span: user.itemSpan, why: `creates ${user.key} with no CLICKHOUSE_PASSWORD` } : undefined;
  },
  solr(svc) {
    if (env(svc, /^SOLR_AUTH_TYPE$|^SOLR_AUTHENTICATION_OPTS$/) || svc.entrypoint || mountsConfig(svc, /security\.json$|\/var\/solr\/?$/)) return undefined;
    return { span: svc.keySpan, why: 'has no authentication plugin (no SOLR_AUTH_TYPE or security.json)' };
  },
  memcached(svc) {
    if (/(^|\s)(-S|--enable-sasl)\b/.test(args(svc)) || svc.entrypoint) return undefined;
    return { span: svc.keySpan, why: 'runs without SASL (-S)' };
  },
};
