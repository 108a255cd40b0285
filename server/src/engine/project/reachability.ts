/**
 * Who can reach a compose service (ARCHITECTURE.md, Precision "Reachability decides severity"): anyone who reaches the
 * host (a port published on a non-loopback address, or host networking), or only the containers of the
 * project. The one answer every rule asks, so they all draw the line in the same place.
 */
import type { ComposeFile, PortEntry, Service } from '../parse/compose';
import { resolvePort } from '../parse/compose-ports';
import { scalarText } from '../parse/compose-yaml';
import type { Lookup } from '../parse/interpolation';
import type { Severity } from '../types';
import { bindScope } from '../rules/compose/support/exposure';
import { datastoreOf } from '../rules/compose/support/datastores';
import { imageInfo } from '../catalogue/images';

/** `app-users`: unpublished, but the users of an app on its network (a catalogue `connector`) can open connections to it. */
export type Reach = 'host-network' | 'published' | 'app-users' | 'internal';

export interface Reachability {
  reach: Reach;
  /** The service whose port or network makes it reachable: itself, or a pooler/proxy in front of it. */
  via?: string;
  port?: PortEntry;
}

/** Where the service itself listens: a published port on any non-loopback address counts (a LAN address is still outside the project). */
export function serviceReach(compose: ComposeFile, svc: Service, lookup: Lookup): Reachability {
  const mode = svc.fields.get('network_mode');
  if (mode && compose.doc && scalarText(compose.doc, mode.value)?.trim().toLowerCase() === 'host') return { reach: 'host-network', via: svc.name };
  for (const port of svc.ports) {
    if (bindScope(resolvePort(port, lookup).hostIp) !== 'loopback') return { reach: 'published', via: svc.name, port };
  }
  return { reach: 'internal' };
}

/**
 * Connection poolers and protocol proxies speak the datastore's protocol with its credentials:
 * publishing one publishes the datastore behind it.
 */
const FRONT = /^(pgbouncer|pgpool(-?ii)?|pgpool2|supavisor|proxysql|haproxy|pgcat|odyssey|twemproxy|envoy)([-_].*)?$/;

const fronts = new WeakMap<ComposeFile, Service[]>();

/** The file's poolers and protocol proxies, found once per parse (every datastore asks). */
function frontsOf(compose: ComposeFile): Service[] {
  let list = fronts.get(compose);
  if (!list) fronts.set(compose, list = compose.services.filter((s) => !!s.image && FRONT.test(s.image.name)));
  return list;
}

/**
 * A datastore's reach: its own, that of a pooler/proxy of the same file that names it (depends_on, links,
 * a host in its settings), or that of the users of a connector app on its network.
 */
export function datastoreReach(compose: ComposeFile, svc: Service, lookup: Lookup): Reachability {
  const own = frontReach(compose, svc, lookup);
  if (own.reach !== 'internal') return own;
  const app = connectorsOf(compose).find((s) => s !== svc && sharesNetwork(compose, s, svc));
  return app ? { reach: 'app-users', via: app.name } : own;
}

const connectors = new WeakMap<ComposeFile, Service[]>();

/** The file's connector apps, found once per parse (every datastore asks). */
function connectorsOf(compose: ComposeFile): Service[] {
  let list = connectors.get(compose);
  if (!list) connectors.set(compose, list = compose.services.filter((s) => imageInfo(s.image)?.kind === 'connector'));
  return list;
}

/** What a connector's users can do to reach a service on its network, for messages; undefined for other reach. */
export function appUsersReach(compose: ComposeFile, r: Reachability | undefined): string | undefined {
  if (r?.reach !== 'app-users') return undefined;
  const app = compose.services.find((s) => s.name === r.via);
  const row = imageInfo(app?.image);
  return `any user of ${row?.product ?? r.via} (service \`${r.via}\`) can connect to it: ${row?.userReach ?? 'it opens connections its users define'}`;
}

/**
 * The reach of the port a service-to-service token guards (a catalogue `internalSecrets` entry of the
 * service's image), or undefined when `key` is no such token of `svc`.
 */
export function tokenPortReach(compose: ComposeFile, svc: Service, key: string, lookup: Lookup): { reach: Reach; port: number; what: string } | undefined {
  const spec = imageInfo(svc.image)?.internalSecrets?.find((t) => t.key.test(key));
  if (!spec) return undefined;
  const own = serviceReach(compose, svc, lookup);
  if (own.reach === 'host-network') return { ...spec, reach: own.reach };
  const published = svc.ports.some((p) => Number(p.target?.split('-')[0]) === spec.port && bindScope(resolvePort(p, lookup).hostIp) !== 'loopback');
  return { ...spec, reach: published ? 'published' : 'internal' };
}

/** Services attached to a common network; `network_mode` (other than host, judged before) shares none. */
function sharesNetwork(compose: ComposeFile, a: Service, b: Service): boolean {
  const names = (s: Service) => (s.fields.has('network_mode') ? [] : s.networks.length ? s.networks.map((n) => n.name) : ['default']);
  const theirs = new Set(names(b));
  return names(a).some((n) => theirs.has(n));
}

function frontReach(compose: ComposeFile, svc: Service, lookup: Lookup): Reachability {
  const own = serviceReach(compose, svc, lookup);
  if (own.reach !== 'internal') return own;
  const candidates = frontsOf(compose);
  if (!candidates.length) return own;
  const named = new RegExp(`(^|[^\\w-])${svc.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`);
  for (const front of candidates) {
    if (front === svc) continue;
    const body = compose.text.slice(front.entry.valueSpan.start, front.entry.valueSpan.end);
    if (!named.test(body)) continue;
    const r = serviceReach(compose, front, lookup);
    if (r.reach !== 'internal') return r;
  }
  return own;
}

/** Environment keys an app uses for its datastore's password (`DB_PASSWORD`, `POSTGRES_PASSWORD`, `REDIS_PASS`). */
const DATASTORE_KEY = /(^|_)(DB|DATABASE|POSTGRES(QL)?|PG|MYSQL|MARIADB|MONGO(DB)?|REDIS|VALKEY|KEYDB|DRAGONFLY|RABBITMQ|AMQP|ELASTIC(SEARCH)?|OPENSEARCH|CLICKHOUSE|COUCHDB|NEO4J|INFLUXDB|MINIO|MEMCACHED?|NATS)(_|$)/i;

/**
 * The reach of the datastore a credential opens, or undefined when it is not a datastore credential
 * (an app's JWT key, an admin password: judged on their own). `svc` holds `key`; `host` is the host
 * of a connection string the credential sits in.
 */
export function credentialReach(compose: ComposeFile, svc: Service, key: string, lookup: Lookup, host?: string): Reachability | undefined {
  if (datastoreOf(svc.image) || (svc.image && FRONT.test(svc.image.name))) return datastoreReach(compose, svc, lookup);
  const stores = compose.services.filter((s) => datastoreOf(s.image));
  // The host setting beside the password names the datastore: `DB_POSTGRES_HOST` for `DB_POSTGRES_PASSWORD`.
  host ??= siblingHost(svc, key);
  if (host) {
    const target = stores.find((s) => s.name === host);
    return target ? datastoreReach(compose, target, lookup) : undefined;
  }
  if (!DATASTORE_KEY.test(key) || !stores.length) return undefined;
  // `MYSQL_PASSWORD` on an app opens the mysql of the project, not its redis.
  const family = FAMILY.find(([re]) => re.test(key))?.[1];
  const same = family ? stores.filter((s) => datastoreOf(s.image)?.kind === family) : [];
  if (same.length) return widestReach(compose, same, lookup);
  return widestReach(compose, stores, lookup);
}

const FAMILY: [RegExp, string][] = [
  [/(^|_)(POSTGRES(QL)?|PG)(_|$)/i, 'postgres'], [/(^|_)(MYSQL|MARIADB)(_|$)/i, 'mysql'],
  [/(^|_)MONGO(DB)?(_|$)/i, 'mongo'], [/(^|_)(REDIS|VALKEY|KEYDB|DRAGONFLY)(_|$)/i, 'redis'], [/(^|_)(ELASTIC(SEARCH)?|OPENSEARCH)(_|$)/i, 'elasticsearch'],
];

/** The value of the service's `<prefix>_HOST` (or `_HOSTNAME`, `_SERVER`) beside a `<prefix>_PASSWORD`. */
function siblingHost(svc: Service, key: string): string | undefined {
  const m = /^(.*?)[_.-]?(PASSWORD|PASSWD|PASS|PWD)$/i.exec(key);
  if (!m || !m[1]) return undefined;
  const prefix = m[1].toLowerCase().replace(/[_.-]$/, '');
  const sibling = svc.environment.find((e) => new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[_.-]?(host|hostname|server)$`, 'i').test(e.key));
  const v = sibling?.value?.trim();
  return v && /^[\w.-]+$/.test(v) ? v : undefined;
}

function widestReach(compose: ComposeFile, stores: Service[], lookup: Lookup): Reachability | undefined {
  // The app's copy of the password opens one of these datastores: the widest reach counts.
  let widest: Reachability | undefined;
  for (const s of stores) {
    const r = datastoreReach(compose, s, lookup);
    if (r.reach !== 'internal') return r;
    widest = r;
  }
  return widest;
}

/** ARCHITECTURE.md, Precision: reachable keeps the rule's severity; only the project's own containers: info. */
export function reachSeverity(r: Reachability | undefined): Severity | undefined {
  return r?.reach === 'internal' ? 'info' : undefined;
}

/** What an internal-only finding adds to its message. */
export const DEFENCE_IN_DEPTH = 'not published, so this is defence in depth: any container on its network can reach it';
