import type { Rule } from '../../types';
import type { EnvEntry } from '../../parse/dotenv';
import { DEFENCE_IN_DEPTH } from '../../project/reachability';
import { generateSecret, isPublishedDefault, judgeSecret, urlCredentials } from '../../secrets';
import { credentialEntries, effectiveEntries, isTemplate, replaceValue, valueAnchor, valueIsVerbatim, type CredentialEntry, type EnvContext } from './support/context';
import { scanInterpolation } from '../../parse/interpolation';
import { emptyButUnused } from './support/disabled';
import { credentialUseReach, ignoredByEveryUse, internalTokenPort } from './support/reach';
import { appKey } from '../../catalogue/app-keys';

const TEMPLATE_NOTE = 'in a template: users who do not change it copy it verbatim';

export const envWeakSecret: Rule<EnvContext> = {
  id: 'env/weak-secret', language: 'env', severity: 'error',
  title: 'Weak, empty, placeholder or default secret',
  docs: {
    why: [
      'A credential-shaped variable (`*_PASSWORD`, `*_SECRET`, `JWT_*`, `*_API_KEY`...) holds a value an attacker can guess: empty, a placeholder (`<secret>`, `your_key_here`), a known default (`changeme`, `minioadmin`, jwt.io\'s `your-256-bit-secret`, a random-looking value a popular template publishes such as Supabase\'s demo keys or Dify\'s `SECRET_KEY` — reported whatever the variable is called), too short for its kind, or guessable by a strength estimator (zxcvbn). The password inside a connection string (`postgres://user:pass@host/db`) is judged the same way, and so is what a `${VAR}` value resolves to when compose reads the file: a weak `${VAR:-default}`, or a non-secret entry of the same file it names.',
      '',
      'Signing and encryption keys need at least 32 bytes (RFC 7518 §3.2; SEEN guide: "JWT secret must be at least 32 bytes"; Fluxbase guide: "min 32 characters"); passwords at least 16 characters (AI Notes guide; SEEN asks 20). Third-party API keys are only checked for empty and placeholder values. In templates (`.env.example`) only known defaults are reported, at info.',
      '',
      'An empty credential is not reported when its integration is off (`ENABLE_SRS=0` beside `SRS_SECRET=`), when it belongs to an optional third-party service (OAuth client secrets, an SMTP relay, API keys), or when the comment above it says the image generates a value; an empty secret of the app\'s own data (JWT, session, encryption keys, datastore passwords) stays an error. A weak datastore password is an error only when compose publishes that datastore (or a pooler in front of it) on a non-loopback address or uses host networking, or when an app whose users define their own connections (n8n, Node-RED) shares its network; otherwise it is defence in depth: info (ARCHITECTURE.md, Precision). A token the project\'s services share on a port that is not published (n8n\'s task runner token) is a warning: only a container of the project can use it. So is a value the image version ignores (Pi-hole v6 and `WEBPASSWORD`, from the catalogue): it is used only if someone pins an older image.',
    ].join('\n'),
    bad: 'JWT_SECRET=changeme',
    good: 'JWT_SECRET=Zq3vN0m8b0kqJ1y5V2xH7cR9tL4wP6sA1dF8gK3jE0u',
    fixSafety: 'The fix writes a strong value from `crypto.randomBytes` (32 bytes base64url for keys, hex when the old value was hex; 32 letters and digits for passwords). A changed database password must also change in the database, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide: "Use a strong, unique password for PostgreSQL"', 'SEEN guide: "Never use default or example secrets"', 'Fluxbase guide: "Strong JWT secret generated (min 32 characters)"', 'RFC 7518 §3.2'],
  },
  fixable: true,
  check(ctx) {
    const template = isTemplate(ctx);
    const judged = new Set<EnvEntry>();
    const credentials = credentialEntries(ctx);
    for (const { entry: e, kind, judgeAs, uses } of credentials) {
      if (urlCredentials(e.value).length) continue;
      if (reportReference(ctx, e, judgeAs, credentials, template)) { judged.add(e); continue; }
      const verdict = judgeSecret(judgeAs, e.value, ctx.config.secrets, { template });
      if (!verdict) continue;
      judged.add(e);
      // ARCHITECTURE.md, Precision: an empty credential of an integration that is off (or optional, or filled in by the image) is not weak.
      if (!template && emptyButUnused(ctx, e)) continue;
      // An empty secret guarding the app's own data stays an error; a weak datastore password follows the datastore's reach.
      const reach = template || e.value.trim() === '' ? undefined : credentialUseReach(ctx, e.key, uses);
      const internal = reach?.reach === 'internal';
      const tokenPort = template || reach || e.value.trim() === '' ? undefined : internalTokenPort(ctx, e.key, uses);
      const ignored = template ? undefined : ignoredByEveryUse(ctx, e.key, uses);
      // A key that guards little (SOGo's URL obfuscation key, from the catalogue) is worth a note, not an alarm.
      const exposes = appKey(judgeAs)?.exposes;
      const ignoredNote = ignored ? `; but \`${ignored.image}\` is ${ignored.row.since}, which ignores ${uses[0].key ?? e.key} and reads ${ignored.row.instead}: the value takes effect only if the image is pinned to an older version` : '';
      const fixes = [];
      if (template) {
        fixes.push({ title: `Clear the default of ${e.key}`, safe: false, edits: [replaceValue(ctx, e, '')] });
      } else if (kind !== 'token') {
        fixes.push({ title: `Replace ${e.key} with a generated ${kind === 'key' ? 'key' : 'password'}`, safe: false, sensitive: true, edits: [replaceValue(ctx, e, generateSecret(judgeAs, e.value))] });
      }
      const usedAs = judgeAs !== e.key ? ` (compose passes it as ${judgeAs})` : '';
      ctx.report({
        span: valueAnchor(e),
        message: template ? `${e.key} ${verdict.reason} (${TEMPLATE_NOTE}).` : `${e.key}${usedAs} ${verdict.reason}${internal ? ` (the datastore is ${DEFENCE_IN_DEPTH})` : ''}${reach?.note ? `: the datastore is not published, but ${reach.note}` : ''}${tokenPort ? `; ${tokenPort}` : ''}${ignoredNote}${exposes ? ` (${exposes})` : ''}.`,
        severity: template || internal || exposes ? 'info' : tokenPort || ignored ? 'warning' : undefined,
        fixes,
        related: uses.slice(0, 10).map((u) => ({ file: u.composePath, span: u.span, message: `used by service \`${u.service}\`${u.key ? ` as ${u.key}` : ''}` })),
      });
    }
    const credential = new Set(credentials.map((c) => c.entry));
    for (const e of effectiveEntries(ctx)) {
      // A secret a public template ships (Dify's PLUGIN_DAEMON_KEY, Supabase's demo ANON_KEY) is known whatever its
      // name; its shape is the app's (a signed JWT...), so no value is generated for it.
      if (!credential.has(e) && isPublishedDefault(e.value)) {
        ctx.report({
          span: valueAnchor(e),
          message: `${e.key} is a default the app publishes in its template${template ? ` (${TEMPLATE_NOTE})` : ''}.`,
          severity: template ? 'info' : undefined,
          fixes: [],
        });
        continue;
      }
      if (judged.has(e) || !valueIsVerbatim(ctx, e)) continue;
      for (const c of urlCredentials(e.value)) {
        // A name that forces the password kind: `DATABASE_URL` itself is not credential-shaped.
        const verdict = judgeSecret(`${e.key}_PASSWORD`, c.password, ctx.config.secrets, { template });
        if (!verdict) continue;
        const span = { start: e.valueSpan.start + c.passwordStart, end: e.valueSpan.start + c.passwordEnd };
        const fixes = template ? [] : [{
          title: `Replace the password in ${e.key} with a generated one`, safe: false, sensitive: true,
          edits: [ctx.replace(span, generateSecret(`${e.key}_PASSWORD`, c.password, { urlSafe: true }))],
        }];
        ctx.report({
          span: span.end > span.start ? span : valueAnchor(e),
          message: `The password in ${e.key} ${verdict.reason}${template ? ` (${TEMPLATE_NOTE})` : ''}.`,
          severity: template ? 'info' : undefined,
          fixes,
        });
      }
    }
  },
};

/**
 * A value that is one `${VAR}` reference: compose interpolates it when it reads `.env`, so what counts
 * is the value it resolves to. A weak `${VAR:-default}` is reported on the default (like
 * compose/weak-secret); `${VAR}` naming a non-secret entry of this file is judged by the value found
 * there (a credential entry is judged on its own line, not twice). Returns whether it reported.
 */
function reportReference(ctx: EnvContext, e: EnvEntry, judgeAs: string, credentials: CredentialEntry[], template: boolean): boolean {
  const value = e.value.trim();
  const refs = scanInterpolation(value);
  const ref = refs.length === 1 && refs[0].span.start === 0 && refs[0].span.end === value.length ? refs[0] : undefined;
  if (!ref) return false;
  if (ref.operator === ':-' || ref.operator === '-') {
    const fallback = ref.arg ?? '';
    if (fallback.includes('$')) return false;
    const verdict = judgeSecret(judgeAs, fallback, ctx.config.secrets, { template });
    if (!verdict || (template && !fallback)) return false;
    const exposes = appKey(judgeAs)?.exposes;
    const offset = e.valueSpan.start + e.value.indexOf(value);
    const span = valueIsVerbatim(ctx, e) && ref.argSpan && ref.argSpan.end > ref.argSpan.start
      ? { start: offset + ref.argSpan.start, end: offset + ref.argSpan.end } : valueAnchor(e);
    ctx.report({
      span,
      message: `The default of \${${ref.name}} for ${e.key} ${verdict.reason}: it is used whenever ${ref.name} is not set${template ? ` (${TEMPLATE_NOTE})` : ''}${exposes ? ` (${exposes})` : ''}.`,
      severity: template || exposes ? 'info' : undefined,
      fixes: template || verdict.kind === 'token' ? [] : [{
        title: `Replace ${e.key} with a generated ${verdict.kind === 'key' ? 'key' : 'password'}`, safe: false, sensitive: true,
        edits: [replaceValue(ctx, e, generateSecret(judgeAs, fallback))],
      }],
    });
    return true;
  }
  if (ref.operator || template) return false;
  const target = effectiveEntries(ctx).find((x) => x.key === ref.name);
  if (!target || target === e || scanInterpolation(target.value).length) return false;
  const own = credentials.find((c) => c.entry === target);
  if (own && judgeSecret(own.judgeAs, target.value, ctx.config.secrets)) return false;
  const verdict = judgeSecret(judgeAs, target.value, ctx.config.secrets);
  if (!verdict) return false;
  ctx.report({
    span: valueAnchor(e),
    message: `${e.key} takes its value from ${ref.name}, which ${verdict.reason}.`,
    related: [{ file: ctx.file.path, span: valueAnchor(target), message: `${ref.name} is set here` }],
  });
  return true;
}
