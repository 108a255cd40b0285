import type { ImageRef } from '../../../parse/compose';

/** Families whose auth and health checks differ; `other` is a datastore with no specific handling. */
export type DatastoreKind = 'postgres' | 'mysql' | 'mongo' | 'redis' | 'elasticsearch' | 'other';

export interface Datastore { kind: DatastoreKind; product: string }

/** Repository names (last path component) of datastore images, SPEC §3's list plus their common builds. */
const PRODUCTS: Record<string, [DatastoreKind, string]> = {
  postgres: ['postgres', 'postgres'], postgresql: ['postgres', 'postgres'], pgvector: ['postgres', 'pgvector'],
  postgis: ['postgres', 'postgis'], timescaledb: ['postgres', 'timescaledb'], 'timescaledb-ha': ['postgres', 'timescaledb'],
  'pgvecto-rs': ['postgres', 'pgvecto.rs'], 'postgresql-repmgr': ['postgres', 'postgres'],
  mysql: ['mysql', 'mysql'], mariadb: ['mysql', 'mariadb'], percona: ['mysql', 'percona'], 'percona-server': ['mysql', 'percona'],
  mongo: ['mongo', 'mongo'], mongodb: ['mongo', 'mongo'],
  redis: ['redis', 'redis'], redismod: ['redis', 'redis'], valkey: ['redis', 'valkey'], keydb: ['redis', 'keydb'], dragonfly: ['redis', 'dragonfly'], dragonflydb: ['redis', 'dragonfly'],
  memcached: ['other', 'memcached'],
  elasticsearch: ['elasticsearch', 'elasticsearch'], opensearch: ['elasticsearch', 'opensearch'],
  clickhouse: ['other', 'clickhouse'], cassandra: ['other', 'cassandra'], couchdb: ['other', 'couchdb'], neo4j: ['other', 'neo4j'],
  influxdb: ['other', 'influxdb'], rabbitmq: ['other', 'rabbitmq'], nats: ['other', 'nats'], etcd: ['other', 'etcd'], minio: ['other', 'minio'],
  // Connection poolers take the datastore's protocol and credentials: publishing one publishes the datastore (SPEC §10).
  pgbouncer: ['other', 'pgbouncer'], pgpool: ['other', 'pgpool'], 'pgpool-ii': ['other', 'pgpool'], pgpool2: ['other', 'pgpool'],
  supavisor: ['other', 'supavisor'], proxysql: ['other', 'proxysql'], pgcat: ['other', 'pgcat'], odyssey: ['other', 'odyssey'],
};

/** Suffixes that still name the server itself (`mongodb-community-server`, `redis-stack`), never a client or exporter. */
const SERVER_SUFFIX = /^(server|community-server|enterprise-server|stack|stack-server|alpine|ha|cluster|galera|db|aria|sentinel|sharded)$/;

/** Repository names that say only "the server": the product is the namespace (`container-registry.oracle.com/mysql/community-server`). */
const GENERIC_NAME = /^(server|community-server|enterprise-server|community|enterprise)$/;

export function datastoreOf(image: ImageRef | undefined): Datastore | undefined {
  if (!image) return undefined;
  const parts = image.path.toLowerCase().split('/');
  const name = GENERIC_NAME.test(image.name) && parts.length > 1 ? parts[parts.length - 2] : image.name;
  const direct = PRODUCTS[name];
  if (direct) return { kind: direct[0], product: direct[1] };
  const dash = name.indexOf('-');
  if (dash > 0) {
    const head = PRODUCTS[name.slice(0, dash)];
    if (head && SERVER_SUFFIX.test(name.slice(dash + 1))) return { kind: head[0], product: head[1] };
  }
  return undefined;
}
