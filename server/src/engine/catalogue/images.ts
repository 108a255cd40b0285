/**
 * What the rules know about images, in one table: adding an image is one row. The compose rules and
 * the project model read it through `imageInfo`; nothing else matches image names.
 */
import type { ImageRef } from '../parse/compose-image';

/**
 * `pooler`: connection poolers and protocol proxies that count as the datastore behind them (ARCHITECTURE.md, Precision).
 * `admin-ui`: a management UI whose users reach data or hosts. `setup-wizard`: an app whose first
 * visitor becomes its admin. Mail, VPN and media servers have ports the internet is meant to reach.
 * `connector`: an app whose purpose is connections its users define (workflow automation), so they can
 * open one to any host its container reaches.
 */
export type ImageKind = 'datastore' | 'pooler' | 'admin-ui' | 'setup-wizard' | 'mail-server' | 'vpn' | 'media-server' | 'connector';

/** Datastore families whose auth and health checks differ; `other` has no specific handling. */
export type DatastoreFamily = 'postgres' | 'mysql' | 'mongo' | 'redis' | 'elasticsearch' | 'other';

/** How a datastore without credentials is recognised by compose/datastore-plaintext. */
export type PlaintextCheck = 'kafka' | 'nats' | 'pgbouncer' | 'clickhouse' | 'solr' | 'memcached';

export interface ImageRow {
  product: string;
  kind: ImageKind;
  /** Repository names (last path component, lower case); datastores also match `<name>-server`-like builds. */
  names?: string[];
  /** Exact repository paths (`dpage/pgadmin4`), for names too common to match alone. */
  paths?: string[];
  family?: DatastoreFamily;
  /** Container ports it listens on by default (admin UIs: the UI's ports). */
  ports?: number[];
  /** Ports clients on the internet are meant to reach (mail, VPN, media): not a finding when published. */
  publicPorts?: number[];
  /** Setup wizards: environment keys that close the wizard when all are set; none means only the browser can. */
  adminEnv?: string[][];
  /** Admin UIs: the flag or env that turns their auth off. `only`: the UI is served at all only then (Traefik's API). */
  insecureWhen?: { flag?: RegExp; env?: { key: RegExp; value: RegExp }; only?: boolean };
  /** Admin UIs in front of a cluster: reported only when that cluster has no auth (Kibana). */
  frontOf?: DatastoreFamily;
  plaintext?: PlaintextCheck;
  /** The check the official image supports (compose/no-healthcheck's fix); `$$` keeps `${...}` for the container's shell. */
  healthcheck?: string;
  /** A starting memory limit for compose/no-resource-limits' fix (datastores default to 1G). */
  memory?: string;
  /** Tokens that the image's services share to authenticate each other on a port of this image (`port`): a weak one is reachable as far as that port is. */
  internalSecrets?: { key: RegExp; port: number; what: string }[];
  /** Connectors: how its users reach other hosts (said in messages). */
  userReach?: string;
  /** Where the behaviour the row relies on is documented. */
  source?: string;
}

const PG_READY = '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]';
const REDIS_PING = '["CMD", "redis-cli", "ping"]';

export const IMAGES: ImageRow[] = [
  // Datastores (ARCHITECTURE.md, Rules's list plus their common builds).
  { product: 'postgres', kind: 'datastore', family: 'postgres', names: ['postgres', 'postgresql', 'postgresql-repmgr'], ports: [5432], healthcheck: PG_READY },
  { product: 'pgvector', kind: 'datastore', family: 'postgres', names: ['pgvector'], ports: [5432], healthcheck: PG_READY },
  { product: 'postgis', kind: 'datastore', family: 'postgres', names: ['postgis'], ports: [5432], healthcheck: PG_READY },
  { product: 'timescaledb', kind: 'datastore', family: 'postgres', names: ['timescaledb', 'timescaledb-ha'], ports: [5432], healthcheck: PG_READY },
  { product: 'pgvecto.rs', kind: 'datastore', family: 'postgres', names: ['pgvecto-rs'], ports: [5432], healthcheck: PG_READY },
  { product: 'mysql', kind: 'datastore', family: 'mysql', names: ['mysql'], ports: [3306], healthcheck: '["CMD", "mysqladmin", "ping", "-h", "localhost"]' },
  { product: 'mariadb', kind: 'datastore', family: 'mysql', names: ['mariadb'], ports: [3306], healthcheck: '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]' },
  { product: 'percona', kind: 'datastore', family: 'mysql', names: ['percona', 'percona-server'], ports: [3306] },
  { product: 'mongo', kind: 'datastore', family: 'mongo', names: ['mongo', 'mongodb'], ports: [27017], healthcheck: '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]' },
  { product: 'redis', kind: 'datastore', family: 'redis', names: ['redis'], ports: [6379], healthcheck: REDIS_PING },
  // Redis with modules (RedisJSON, RediSearch): the same server, no password by default.
  { product: 'redis', kind: 'datastore', family: 'redis', paths: ['redislabs/redismod', 'redislabs/rejson', 'redislabs/redisearch'], ports: [6379], source: 'https://hub.docker.com/r/redislabs/redismod', healthcheck: REDIS_PING },
  { product: 'valkey', kind: 'datastore', family: 'redis', names: ['valkey'], ports: [6379], healthcheck: '["CMD", "valkey-cli", "ping"]' },
  { product: 'keydb', kind: 'datastore', family: 'redis', names: ['keydb'], ports: [6379], healthcheck: '["CMD", "keydb-cli", "ping"]' },
  { product: 'dragonfly', kind: 'datastore', family: 'redis', names: ['dragonfly', 'dragonflydb'], ports: [6379] },
  { product: 'memcached', kind: 'datastore', family: 'other', names: ['memcached'], ports: [11211], plaintext: 'memcached', source: 'https://github.com/memcached/memcached/wiki/SASLHowto' },
  { product: 'elasticsearch', kind: 'datastore', family: 'elasticsearch', names: ['elasticsearch'], ports: [9200, 9300], memory: '2G' },
  { product: 'opensearch', kind: 'datastore', family: 'elasticsearch', names: ['opensearch'], ports: [9200, 9600], memory: '2G' },
  { product: 'clickhouse', kind: 'datastore', family: 'other', names: ['clickhouse'], ports: [8123, 9000], plaintext: 'clickhouse', source: 'https://hub.docker.com/r/clickhouse/clickhouse-server (How to create default database and user on starting)', memory: '2G' },
  { product: 'cassandra', kind: 'datastore', family: 'other', names: ['cassandra'], ports: [9042], memory: '2G' },
  { product: 'couchdb', kind: 'datastore', family: 'other', names: ['couchdb'], ports: [5984] },
  { product: 'neo4j', kind: 'datastore', family: 'other', names: ['neo4j'], ports: [7474, 7687], memory: '2G' },
  { product: 'influxdb', kind: 'datastore', family: 'other', names: ['influxdb'], ports: [8086] },
  { product: 'rabbitmq', kind: 'datastore', family: 'other', names: ['rabbitmq'], ports: [5672, 15672] },
  { product: 'nats', kind: 'datastore', family: 'other', names: ['nats'], ports: [4222], plaintext: 'nats', source: 'https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro' },
  { product: 'etcd', kind: 'datastore', family: 'other', names: ['etcd'], ports: [2379] },
  { product: 'minio', kind: 'datastore', family: 'other', names: ['minio'], ports: [9000, 9001] },
  { product: 'kafka', kind: 'datastore', family: 'other', names: ['kafka', 'cp-kafka', 'cp-server'], ports: [9092], plaintext: 'kafka', source: 'https://kafka.apache.org/documentation/#security_overview' },
  { product: 'solr', kind: 'datastore', family: 'other', names: ['solr'], ports: [8983], plaintext: 'solr', source: 'https://solr.apache.org/guide/solr/latest/deployment-guide/authentication-and-authorization-plugins.html' },

  // Poolers count as the datastore they front (ARCHITECTURE.md, Precision).
  { product: 'pgbouncer', kind: 'pooler', family: 'other', names: ['pgbouncer'], ports: [5432, 6432], plaintext: 'pgbouncer', source: 'https://www.pgbouncer.org/config.html#auth_type' },
  { product: 'supavisor', kind: 'pooler', family: 'other', names: ['supavisor'], ports: [5432, 6543, 4000] },
  { product: 'pgpool', kind: 'pooler', family: 'other', names: ['pgpool', 'pgpool2', 'pgpool-ii'], ports: [5432, 9999] },
  { product: 'proxysql', kind: 'pooler', family: 'other', names: ['proxysql'], ports: [6033, 6032] },

  // Management UIs.
  { product: 'pgAdmin', kind: 'admin-ui', paths: ['dpage/pgadmin4'], ports: [80, 443], insecureWhen: { env: { key: /^PGADMIN_CONFIG_SERVER_MODE$/, value: /^false$/i } }, source: 'https://www.pgadmin.org/docs/pgadmin4/latest/container_deployment.html (PGADMIN_CONFIG_SERVER_MODE)' },
  { product: 'Adminer', kind: 'admin-ui', names: ['adminer'], ports: [8080] },
  { product: 'phpMyAdmin', kind: 'admin-ui', names: ['phpmyadmin'], ports: [80] },
  { product: 'mongo-express', kind: 'admin-ui', names: ['mongo-express'], ports: [8081] },
  { product: 'Redis Commander', kind: 'admin-ui', names: ['redis-commander'], ports: [8081] },
  { product: 'RedisInsight', kind: 'admin-ui', names: ['redisinsight'], ports: [5540, 8001] },
  { product: 'Kibana', kind: 'admin-ui', names: ['kibana'], ports: [5601], frontOf: 'elasticsearch', source: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.17/security-minimal-setup.html' },
  { product: 'OpenSearch Dashboards', kind: 'admin-ui', names: ['opensearch-dashboards'], ports: [5601], frontOf: 'elasticsearch' },
  { product: 'Portainer', kind: 'admin-ui', names: ['portainer', 'portainer-ce', 'portainer-ee'], ports: [9000, 9443] },
  { product: 'Traefik API/dashboard', kind: 'admin-ui', names: ['traefik'], ports: [8080], insecureWhen: { flag: /--api\.insecure(=true)?(\s|$)/i, env: { key: /^TRAEFIK_API_INSECURE$/, value: /^true$/i }, only: true }, source: 'https://doc.traefik.io/traefik/operations/api/#insecure' },
  { product: 'MailHog', kind: 'admin-ui', names: ['mailhog'], ports: [8025] },
  { product: 'Mailpit', kind: 'admin-ui', names: ['mailpit'], ports: [8025] },

  // Apps whose first visitor becomes the admin.
  { product: 'WordPress', kind: 'setup-wizard', paths: ['wordpress', 'library/wordpress'], ports: [80], source: 'https://developer.wordpress.org/advanced-administration/before-install/howto-install/' },
  { product: 'Nextcloud', kind: 'setup-wizard', paths: ['nextcloud', 'library/nextcloud'], ports: [80], adminEnv: [['NEXTCLOUD_ADMIN_USER', 'NEXTCLOUD_ADMIN_PASSWORD'], ['NEXTCLOUD_ADMIN_USER_FILE', 'NEXTCLOUD_ADMIN_PASSWORD_FILE']], source: 'https://github.com/nextcloud/docker#auto-configuration-via-environment-variables' },
  { product: 'Gitea', kind: 'setup-wizard', paths: ['gitea/gitea'], ports: [3000], adminEnv: [['GITEA__security__INSTALL_LOCK'], ['INSTALL_LOCK']], source: 'https://docs.gitea.com/installation/install-with-docker#managing-deployments-with-environment-variables' },
  { product: 'Forgejo', kind: 'setup-wizard', paths: ['forgejo/forgejo'], ports: [3000], adminEnv: [['FORGEJO__security__INSTALL_LOCK'], ['GITEA__security__INSTALL_LOCK']] },
  { product: 'Ghost', kind: 'setup-wizard', paths: ['ghost', 'library/ghost'], ports: [2368], source: 'https://ghost.org/docs/install/docker/ (the owner account is created at /ghost)' },
  { product: 'Matomo', kind: 'setup-wizard', paths: ['matomo', 'library/matomo'], ports: [80] },
  { product: 'Joomla', kind: 'setup-wizard', paths: ['joomla', 'library/joomla'], ports: [80], adminEnv: [['JOOMLA_ADMIN_USERNAME', 'JOOMLA_ADMIN_PASSWORD']] },
  { product: 'Drupal', kind: 'setup-wizard', paths: ['drupal', 'library/drupal'], ports: [80] },

  // Apps whose users define connections to any host: a datastore on their network is reachable by those users.
  { product: 'n8n', kind: 'connector', paths: ['n8nio/n8n'], internalSecrets: [{ key: /^N8N_RUNNERS_AUTH_TOKEN$/, port: 5679, what: 'the task runners\' broker' }], userReach: 'a workflow\'s database and HTTP nodes connect to any host the n8n container reaches', source: 'https://docs.n8n.io/integrations/builtin/app-nodes/n8n-nodes-base.postgres/' },
  { product: 'Node-RED', kind: 'connector', paths: ['nodered/node-red'], userReach: 'a flow\'s TCP, HTTP and database nodes connect to any host the Node-RED container reaches', source: 'https://nodered.org/docs/user-guide/nodes' },

  // Servers the internet is meant to reach on these ports.
  { product: 'docker-mailserver', kind: 'mail-server', paths: ['docker-mailserver/docker-mailserver', 'mailserver/docker-mailserver'], publicPorts: [25, 143, 465, 587, 993, 110, 995, 4190], source: 'https://docker-mailserver.github.io/docker-mailserver/latest/config/security/understanding-the-ports/' },
  { product: 'poste.io', kind: 'mail-server', paths: ['analogic/poste.io'], publicPorts: [25, 110, 143, 465, 587, 993, 995, 4190] },
  { product: 'WireGuard', kind: 'vpn', names: ['wireguard', 'wg-easy'], publicPorts: [51820] },
  { product: 'Plex', kind: 'media-server', names: ['plex', 'pms-docker'], publicPorts: [32400] },
  { product: 'Jellyfin', kind: 'media-server', names: ['jellyfin'], publicPorts: [8096, 8920] },
];

/**
 * Images whose Dockerfile ends with a non-root `USER` (or that start as root only to drop to their own
 * user): repository paths without the registry, a trailing `/` for a whole namespace. Datastores are
 * treated so by their kind.
 */
export const NON_ROOT_IMAGES = [
  'bitnami/', 'linuxserver/', 'chainguard/', 'nginxinc/nginx-unprivileged',
  'n8nio/n8n', 'mattermost/mattermost-enterprise-edition', 'mattermost/mattermost-team-edition',
  'grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise', 'grafana/loki',
  'prom/prometheus', 'prom/alertmanager', 'prom/node-exporter', 'prom/blackbox-exporter', 'prom/pushgateway',
  'postgrest/postgrest', 'gotenberg/gotenberg', 'apache/tika', 'kong', 'kong/kong-gateway',
  'keycloak/keycloak', 'outlinewiki/outline', 'umami-software/umami', 'goauthentik/server',
  'cloudflare/cloudflared', 'kibana/kibana', 'logstash/logstash',
];

/** The image itself runs as a non-root user (or drops to one), so no `user:` is needed. */
export function nonRootImage(image: ImageRef | undefined): boolean {
  if (!image || image.interpolated) return false;
  const path = image.path.toLowerCase().replace(/^library\//, '');
  if (/(^|-)(rootless|nonroot)(-|$)/.test(image.tag ?? '')) return true;
  return NON_ROOT_IMAGES.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
}

/** Suffixes that still name a datastore server itself (`mongodb-community-server`, `redis-stack`), never a client or exporter. */
const SERVER_SUFFIX = /^(server|community-server|enterprise-server|stack|stack-server|alpine|ha|cluster|galera|db|aria|sentinel|sharded)$/;

/** Repository names that say only "the server": the product is the namespace (`container-registry.oracle.com/mysql/community-server`). */
const GENERIC_NAME = /^(server|community-server|enterprise-server|community|enterprise)$/;

const BY_NAME = new Map<string, ImageRow>();
const BY_PATH = new Map<string, ImageRow>();
for (const row of IMAGES) {
  for (const n of row.names ?? []) if (!BY_NAME.has(n)) BY_NAME.set(n, row);
  for (const p of row.paths ?? []) BY_PATH.set(p, row);
}

/** The catalogue row of an image, or undefined when the image is not catalogued. */
export function imageInfo(image: ImageRef | undefined): ImageRow | undefined {
  if (!image) return undefined;
  // Rules ask about the same service's image again and again: looked up once per image reference.
  let row = rowByImage.get(image);
  if (row === undefined) rowByImage.set(image, row = lookUp(image) ?? null);
  return row ?? undefined;
}

const rowByImage = new WeakMap<ImageRef, ImageRow | null>();

function lookUp(image: ImageRef): ImageRow | undefined {
  const path = image.path.toLowerCase().replace(/^library\//, '');
  const byPath = BY_PATH.get(path);
  if (byPath) return byPath;
  const parts = path.split('/');
  const name = GENERIC_NAME.test(image.name) && parts.length > 1 ? parts[parts.length - 2] : image.name;
  const direct = BY_NAME.get(name);
  if (direct) return direct;
  const dash = name.indexOf('-');
  if (dash > 0) {
    const head = BY_NAME.get(name.slice(0, dash));
    if (head && isStore(head) && SERVER_SUFFIX.test(name.slice(dash + 1))) return head;
  }
  return undefined;
}

/** Datastores and the poolers in front of them. */
export function isStore(row: ImageRow | undefined): boolean {
  return row?.kind === 'datastore' || row?.kind === 'pooler';
}
