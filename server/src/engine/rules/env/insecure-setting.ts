import type { Rule, Severity } from '../../types';
import { basename } from '../../paths';
import { effectiveEntries, isTemplate, type EnvContext } from './support/context';
import { APP_SETTINGS, PRODUCT_MARKERS, type AppSetting } from '../../catalogue/app-settings';
import { imageInfo } from '../../catalogue/images';
import { composeOf, envFileUsers, projectLookup } from '../../project/compose-project';
import { reachOf } from '../compose/support/exposure';

interface Toggle {
  key: RegExp;
  /** The insecure values (lower case) and the secure value to flip to (undefined: no single right value). */
  bad: RegExp;
  flip?: (v: string) => string;
  why: string;
  severity?: Severity;
  productionOnly?: boolean;
}

const FALSE = /^(false|0|no|off)$/i;
const TRUE = /^(true|1|yes|on)$/i;
const toTrue = (v: string) => ({ false: 'true', '0': '1', no: 'yes', off: 'on' } as Record<string, string>)[v.toLowerCase()] ?? 'true';
const toFalse = (v: string) => ({ true: 'false', '1': '0', yes: 'no', on: 'off' } as Record<string, string>)[v.toLowerCase()] ?? 'false';

const TOGGLES: Toggle[] = [
  { key: /(^|_)(SERVER_)?HTTPS$|(^|_)ENFORCE_HTTPS$|(^|_)FORCE_HTTPS$/, bad: FALSE, flip: toTrue, why: 'HTTPS is turned off' },
  { key: /SECURE_COOKIES?$|COOKIES?_SECURE$/, bad: FALSE, flip: toTrue, why: 'cookies are sent over plain HTTP too' },
  { key: /RATE_?LIMIT.*ENABLED?$|(^|_)RATE_?LIMIT(ING)?$|(^|_)ENABLE_RATE_?LIMIT(ING)?$/, bad: FALSE, flip: toTrue, why: 'rate limiting is off (brute force on login)' },
  { key: /RATE_?LIMIT(ING)?_DISABLED?$|(^|_)DISABLE_RATE_?LIMIT(ING)?$/, bad: TRUE, flip: toFalse, why: 'rate limiting is off (brute force on login)' },
  { key: /CORS.*ORIGINS?$|(^|_)ALLOWED_ORIGINS$/, bad: /^(\*|.*,\s*\*\s*(,.*)?|\*\s*,.*)$/, why: 'any web site may call the API from a browser' },
  { key: /SSL_?MODE$/, bad: /^disable$/i, flip: (v) => (v === v.toUpperCase() ? 'REQUIRE' : 'require'), why: 'the database connection is not encrypted' },
  // `DB_SSL=false`: a database or cache client switch (not SMTP_SSL, often false on purpose beside STARTTLS).
  { key: /(TLS|SSL)_ENABLED?$|USE_(SSL|TLS)$|REQUIRE_(TLS|SSL)$|(^|_)(DB|DATABASE|PG|POSTGRES|POSTGRESQL|MYSQL|MARIADB|MONGO|MONGODB|REDIS|CACHE)_(SSL|TLS)$/, bad: FALSE, flip: toTrue, why: 'TLS is turned off' },
  // Also Dify's `ELASTICSEARCH_VERIFY_CERTS=False`, `OPENSEARCH_VERIFY_CERTS`.
  { key: /(TLS|SSL)_(VERIFY|VERIFY_PEER)$|VERIFY_(SSL|TLS|CERTS?|CERTIFICATES?)$/, bad: FALSE, flip: toTrue, why: 'certificates are not verified (man in the middle)' },
  { key: /^NODE_TLS_REJECT_UNAUTHORIZED$/, bad: /^0$/, flip: () => '1', why: 'Node accepts any TLS certificate (man in the middle)' },
  { key: /INSECURE_SKIP_(TLS_)?VERIFY$|SKIP_(TLS|SSL)_VERIFY$/, bad: TRUE, flip: toFalse, why: 'certificates are not verified (man in the middle)' },
  { key: /REQUIRE_EMAIL_VERIFICATION$|EMAIL_VERIFICATION_REQUIRED$/, bad: FALSE, flip: toTrue, why: 'anyone can sign up with an address they do not own' },
  { key: /MFA_ENABLED?$|2FA_ENABLED?$/, bad: FALSE, flip: toTrue, why: 'multi-factor authentication is off', severity: 'info' },
  { key: /(^|_)DEBUG$/, bad: TRUE, flip: toFalse, why: 'debug mode leaks stack traces and settings', productionOnly: true },
  // Also app-prefixed switches (`SEEN_ENV`, `APPFLOWY_ENVIRONMENT`); only in a file named for production.
  { key: /^(NODE_ENV|RAILS_ENV|RACK_ENV|FLASK_ENV)$|(^|_)(ENV|ENVIRONMENT)$/, bad: /^(development|dev|debug)$/i, flip: () => 'production', why: 'a development mode runs in production', productionOnly: true },
];

export const envInsecureSetting: Rule<EnvContext> = {
  id: 'env/insecure-setting', language: 'env', severity: 'warning',
  title: 'Security setting turned off',
  docs: {
    why: [
      'A security switch set to its insecure value: `*_HTTPS=false` (AFFiNE: `AFFINE_SERVER_HTTPS`), `*SECURE_COOKIES=false` (SEEN), `*RATE_LIMIT*ENABLED=false` / `RATE_LIMIT=off` (SEEN), `*CORS*ORIGINS=*` / `ALLOWED_ORIGINS=*` (SEEN: "Don\'t use wildcard (*) in production"), `*SSL_MODE=disable`, `*TLS_ENABLED=false`, `*USE_SSL=false`, `DB_SSL=false`, `*ENFORCE_HTTPS=false`, `*REQUIRE_TLS=false` (AppFlowy: Encryption in Transit), `*REQUIRE_EMAIL_VERIFICATION=false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `*_VERIFY_CERTS=false`, and `*MFA_ENABLED=false` (info, AppFlowy). In a file named for production (`.env.production`, `prod.env`), `DEBUG=true` and `NODE_ENV=development` (also app-prefixed: `SEEN_ENV=development`) are reported too.',
      '',
      'Application switches from the app-settings table (`catalogue/app-settings.ts`, each row with its source): docker-mailserver `SSL_TYPE=` (no TLS, plaintext auth) and `SPOOF_PROTECTION=`/`0` in its env file, `ENABLE_FAIL2BAN=0` (info) when its SMTP/IMAP ports are published, GoTrue `GOTRUE_URI_ALLOW_LIST=**`, Supabase `FUNCTIONS_VERIFY_JWT=false`, `*_AUTOCONFIRM=true`, pgAdmin `PGADMIN_CONFIG_SERVER_MODE=False`, `TRAEFIK_API_INSECURE=true`, `POSTGRES_HOST_AUTH_METHOD=trust`, pgbouncer `AUTH_TYPE=trust`.',
      '',
      'In templates these are reported at info: a template often ships development defaults.',
    ].join('\n'),
    bad: 'SECURE_COOKIES=false\nCORS_ALLOWED_ORIGINS=*',
    good: 'SECURE_COOKIES=true\nCORS_ALLOWED_ORIGINS=https://app.example.com',
    fixSafety: 'The fix flips the value to its secure one. It changes behaviour, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['SEEN guide: CORS, rate limiting, secure cookies', 'AppFlowy guide: Encryption in Transit, MFA', 'AFFiNE guide: HTTPS'],
  },
  fixable: true,
  check(ctx) {
    const production = /prod/i.test(basename(ctx.file.path));
    const template = isTemplate(ctx);
    for (const e of effectiveEntries(ctx)) {
      const key = e.key.toUpperCase();
      const value = e.value.trim();
      const app = APP_SETTINGS.find((x) => x.key.test(e.key) && x.bad.test(value) && appliesHere(ctx, x));
      if (app) {
        ctx.report({
          span: e.valueSpan.start === e.valueSpan.end ? { start: e.keySpan.start, end: e.valueSpan.end } : e.valueSpan,
          message: `${e.key}=${value}: ${app.why} (${app.app}).`,
          severity: template ? 'info' : app.severity,
          fixes: app.fix === undefined ? [] : [{ title: `Set ${e.key}=${app.fix}`, safe: false, edits: [ctx.replace(e.valueSpan, app.fix)] }],
        });
        continue;
      }
      const t = TOGGLES.find((x) => x.key.test(key) && x.bad.test(value) && (!x.productionOnly || production));
      if (!t) continue;
      const severity: Severity | undefined = template ? 'info' : t.severity;
      const fixed = t.flip?.(value);
      ctx.report({
        span: e.valueSpan,
        message: `${e.key}=${value}: ${t.why}.`,
        severity,
        fixes: fixed === undefined ? [] : [{ title: `Set ${e.key}=${fixed}`, safe: false, edits: [ctx.replace(e.valueSpan, fixed)] }],
      });
    }
  },
};

/**
 * Rows tied to a product hold only in that product's env file: named in `env_file` by a service of
 * that image, or holding several keys only that product reads together.
 */
function appliesHere(ctx: EnvContext, row: AppSetting): boolean {
  if (!row.product) return true;
  const users = envFileUsers(ctx.workspace, ctx.file.path).flatMap((u) => {
    const svc = composeOf(ctx.workspace, u.composePath)?.services.find((s) => s.name === u.service);
    return svc && imageInfo(svc.image)?.product === row.product ? [{ ...u, svc }] : [];
  });
  if (row.whenPublished) {
    return users.some((u) => reachOf(composeOf(ctx.workspace, u.composePath)?.doc, u.svc, projectLookup(ctx.workspace, u.composePath)).outside);
  }
  if (users.length) return true;
  const keys = new Set(ctx.doc.entries.map((e) => e.key));
  return (PRODUCT_MARKERS[row.product] ?? []).filter((k) => keys.has(k)).length >= 3;
}
