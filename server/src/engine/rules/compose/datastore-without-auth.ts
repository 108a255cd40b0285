import type { Rule, FixSpec } from '../../types';
import type { EnvEntry, Service } from '../../parse/compose';
import { isTruthy } from '../../parse/compose-yaml';
import { datastoreOf, type Datastore } from './support/datastores';
import { appendEnv } from './support/env-file';
import { freshSecret } from './support/secrets';
import { addPair, appendItem } from './support/yaml-edit';
import { scalarLike, styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { projectLookup } from '../../project/compose-project';
import { appUsersReach, DEFENCE_IN_DEPTH, datastoreReach, reachSeverity } from '../../project/reachability';
import type { Report } from '../../types';

const env = (svc: Service, re: RegExp): EnvEntry | undefined => svc.environment.find((e) => re.test(e.key));

export const datastoreWithoutAuth: Rule<ComposeContext> = {
  id: 'compose/datastore-without-auth', language: 'compose', severity: 'error',
  title: 'Datastore accepts connections without a password',
  docs: {
    why: [
      'Reported: redis, valkey, keydb or dragonfly without `--requirepass` (a password variable such as `REDIS_PASSWORD` counts only for images that read one, like bitnami\'s: the official images ignore it); mongo without `MONGO_INITDB_ROOT_USERNAME` and `_PASSWORD`; postgres with `POSTGRES_HOST_AUTH_METHOD=trust`; mysql/mariadb with `*_ALLOW_EMPTY_*PASSWORD`; elasticsearch with `xpack.security.enabled=false` (or opensearch with its security plugin disabled), or an elasticsearch before 8.0 without `xpack.security.enabled=true` (security was off by default).',
      'Any process that reaches the port, including a compromised neighbour container or an SSRF in the app, can read and change all data; redis without a password is also a classic path to remote code execution. SEEN guide: set a password for Dragonfly/Redis in production.',
      'The severity follows reachability (ARCHITECTURE.md, Precision): `error` when the datastore (or a pooler in front of it, such as pgbouncer) publishes a port on a non-loopback address or uses host networking, or when an app on its network lets its users define connections (n8n, Node-RED); `info` when only the containers of the project can reach it (defence in depth).',
    ].join('\n'),
    bad: 'services:\n  redis:\n    image: redis:7.4\n    ports:\n      - "6379:6379"',
    good: 'services:\n  redis:\n    image: redis:7.4\n    command: redis-server --requirepass ${REDIS_PASSWORD:?REDIS_PASSWORD must be set}',
    fixSafety: 'For redis-like stores the fix adds `--requirepass ${REDIS_PASSWORD:?...}` and a generated `REDIS_PASSWORD` in `.env`. The clients then need the password too, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['SEEN guide', 'AFFiNE guide', 'AppFlowy Cloud guide'],
  },
  fixable: true,
  check(ctx) {
    const once = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      const store = datastoreOf(svc.image);
      if (!store) continue;
      const reach = datastoreReach(ctx.doc, svc, lookup);
      const severity = reachSeverity(reach);
      const users = appUsersReach(ctx.doc, reach);
      const report = (r: Report) => once(severity ? { ...r, severity, message: `${r.message.replace(/\.$/, '')} (${DEFENCE_IN_DEPTH}).` }
        : users ? { ...r, message: `${r.message.replace(/\.$/, '')}. It is not published, but ${users}.` } : r);
      switch (store.kind) {
        case 'redis': checkRedis(ctx, report, svc, store); break;
        case 'mongo': {
          const user = env(svc, /^MONGO_INITDB_ROOT_USERNAME(_FILE)?$/);
          const pass = env(svc, /^MONGO_INITDB_ROOT_PASSWORD(_FILE)?$/);
          const bitnami = env(svc, /^MONGODB_ROOT_PASSWORD(_FILE)?$/);
          if ((user && pass) || bitnami || svc.envFile.length) break;
          report({ span: svc.keySpan, message: `mongo (service \`${svc.name}\`) has no root user and password (MONGO_INITDB_ROOT_USERNAME/_PASSWORD): it accepts every connection without authentication.` });
          break;
        }
        case 'postgres': {
          const trust = env(svc, /^POSTGRES_HOST_AUTH_METHOD$/);
          if (trust?.value?.trim().toLowerCase() === 'trust') {
            report({ span: trust.itemSpan, message: `postgres (service \`${svc.name}\`) sets POSTGRES_HOST_AUTH_METHOD=trust: any client connects as any user without a password.` });
          }
          break;
        }
        case 'mysql': {
          for (const e of svc.environment) {
            if (!/^(MYSQL|MARIADB)_ALLOW_EMPTY_(ROOT_)?PASSWORD$/.test(e.key) || !e.value || /^(no|false|0)$/i.test(e.value.trim())) continue;
            report({ span: e.itemSpan, message: `${store.product} (service \`${svc.name}\`) sets ${e.key}: root can log in without a password.` });
          }
          break;
        }
        case 'elasticsearch': {
          // Before 8.0, Elasticsearch ships with security off unless it is turned on (8.x turns it on by default).
          const major = store.product === 'elasticsearch' ? Number(/^(\d+)\./.exec(svc.image?.tag ?? '')?.[1]) : NaN;
          const on = svc.environment.some((e) => /^xpack\.security\.enabled$/.test(e.key) && /^true$/i.test(e.value?.trim() ?? ''));
          if (major < 8 && !on && !svc.envFile.length) {
            report({ span: svc.keySpan, message: `elasticsearch ${svc.image?.tag} (service \`${svc.name}\`) runs without security: before 8.0 it is off unless xpack.security.enabled=true, so the REST API answers anyone without a password.` });
            break;
          }
          for (const e of svc.environment) {
            const off = (/^xpack\.security\.enabled$/.test(e.key) && /^false$/i.test(e.value?.trim() ?? ''))
              || (/^(plugins\.security\.disabled|DISABLE_SECURITY_PLUGIN)$/.test(e.key) && isTruthy(e.value));
            if (off) report({ span: e.itemSpan, message: `${store.product} (service \`${svc.name}\`) turns security off (${e.key}): the REST API answers anyone without a password.` });
          }
          break;
        }
        default: break;
      }
    }
  },
};

/** Images whose entrypoint passes no password variable to the server (unlike bitnami's): only flags or a config file set one. */
const OFFICIAL_REDIS_LIKE = new Set(['redis', 'library/redis', 'valkey/valkey', 'eqalpha/keydb', 'dragonflydb/dragonfly', 'dragonflydb/dragonfly-weekly']);

function checkRedis(ctx: ComposeContext, report: (r: Parameters<ComposeContext['report']>[0]) => void, svc: Service, store: Datastore): void {
  const args = `${svc.entrypoint?.text ?? ''} ${svc.command?.text ?? ''} ${svc.environment.map((e) => `${e.key}=${e.value ?? ''}`).join(' ')}`;
  if (/--requirepass|--aclfile|\brequirepass\b/.test(args) || svc.environment.some((e) => /^DFLY_requirepass$/i.test(e.key))) return;
  const passwordEnv = svc.environment.find((e) => /PASS/i.test(e.key) && !/^ALLOW_EMPTY_PASSWORD$/.test(e.key));
  const ignoresEnv = OFFICIAL_REDIS_LIKE.has(svc.image?.path.toLowerCase() ?? '');
  if (passwordEnv && !ignoresEnv) return;
  // A config file, an env_file or a custom entrypoint script may set the password: not judged from here.
  if (/\.conf\b/.test(args) || svc.envFile.length) return;
  if (svc.entrypoint && !/(redis|valkey|keydb)-server|dragonfly/.test(svc.entrypoint.text)) return;
  const empty = env(svc, /^ALLOW_EMPTY_PASSWORD$/);
  const fix = requirepassFix(ctx, svc, store);
  const why = passwordEnv
    ? `sets ${passwordEnv.key}, but the official image ignores it (only bitnami-style images read a password variable): it has no password until the server gets --requirepass`
    : 'has no password (--requirepass)';
  report({
    span: empty && isTruthy(empty.value) ? empty.itemSpan : passwordEnv ? passwordEnv.itemSpan : svc.keySpan,
    message: `${store.product} (service \`${svc.name}\`) ${why}: any client that reaches it can read, change or wipe the data, and often run code on the server.`,
    fixes: fix ? [fix] : [],
  });
}

function requirepassFix(ctx: ComposeContext, svc: Service, store: Datastore): FixSpec | undefined {
  const doc = ctx.doc.doc;
  if (!doc || !svc.map || /^bitnami\//.test(svc.image?.path ?? '')) return undefined;
  const name = `${store.product === 'redis' ? 'REDIS' : store.product.toUpperCase()}_PASSWORD`;
  const ref = `\${${name}:?${name} must be set in .env}`;
  const style = styleOf(ctx.file, ctx.doc);
  const envEdit = appendEnv(ctx.workspace, ctx.file.path, name, freshSecret(name));
  const edits = envEdit.edit ? [envEdit.edit] : [];
  const cmd = svc.command;
  if (!cmd) {
    // The official images' entrypoints treat a first argument starting with `-` as server flags.
    edits.push(addPair(ctx.file, svc.map, 'command', `["--requirepass", "${ref}"]`, style));
  } else if (cmd.form === 'list') {
    const seq = cmd.items[0]?.seq;
    if (!seq) return undefined;
    const q = (s: string) => scalarLike(s, styleName(cmd.items[0].node), !!seq.flow);
    const first = appendItem(ctx.file, seq, q('--requirepass'), style);
    const second = seq.flow ? `, ${q(ref)}` : first.newText.replace(/- [^\r\n]*$/, `- ${q(ref)}`);
    edits.push({ ...first, newText: first.newText + second });
  } else {
    const v = cmd.entry.value as { type?: string } | null;
    const newText = scalarLike(`${cmd.text} --requirepass ${ref}`, v?.type, !!cmd.entry.owner.flow);
    edits.push({ start: cmd.entry.valueSpan.start, end: cmd.entry.valueSpan.end, newText });
  }
  return { title: `Require a password (${name} in .env)`, safe: false, edits };
}

function styleName(node: unknown): string | undefined { return (node as { type?: string } | null)?.type; }
