import type { Rule, FixSpec, EditSpec } from '../../types';
import type { EnvEntry, Service } from '../../parse/compose';
import { innerSpan } from '../../parse/compose-yaml';
import { scanInterpolation } from '../../parse/interpolation';
import { urlPassword } from '../../secrets';
import { literalHost, literalSecretsOf, literalVerdict, type LiteralSecret } from './support/env-secrets';
import { credentialKind, freshSecret, judge } from './support/secrets';
import { isTemplateFile } from '../../files';
import { moveToEnv, replaceValue } from './hardcoded-secret';
import { servicesOf, type ComposeContext } from './support/report';
import { projectLookup } from '../../project/compose-project';
import { ignoredSetting } from '../../catalogue/ignored-settings';
import { appKey } from '../../catalogue/app-keys';
import { appUsersReach, credentialReach, DEFENCE_IN_DEPTH, reachSeverity } from '../../project/reachability';
import { isTemplateBlank } from '../../secrets';
import type { Lookup } from '../../parse/interpolation';
import type { Severity } from '../../types';

export const weakSecret: Rule<ComposeContext> = {
  id: 'compose/weak-secret', language: 'compose', severity: 'error',
  title: 'Weak secret in the compose file',
  docs: {
    why: [
      'A literal credential value, a literal password inside a connection string, or the default of `${VAR:-default}` for a credential is empty, a placeholder, a known default (`changeme`, `postgres`, `minioadmin` ...), too short, or guessable (ARCHITECTURE.md, Secrets: keys need 32 random bytes, passwords 16+ characters and a "strong" zxcvbn score).',
      'Defaults are the trap: `${DB_PASSWORD:-changeme}` silently runs with `changeme` whenever `.env` lacks the variable.',
      'A datastore password (of a datastore service, or an app\'s copy of it) is an `error` only when the datastore is reachable from outside the project: a published non-loopback port (its own or a pooler\'s in front of it), host networking, or an app on its network whose users define their own connections (n8n, Node-RED). Otherwise it is defence in depth (ARCHITECTURE.md, Precision): `info`, or `warning` for a working literal value, which is also committed with the file. A literal reported here is not reported again by compose/hardcoded-secret.',
      'AFFiNE guide: generate the database password with `openssl rand -base64 32`; SEEN guide: JWT secret >= 32 bytes, database password 20+ characters.',
    ].join('\n'),
    bad: 'services:\n  app:\n    environment:\n      JWT_SECRET: ${JWT_SECRET:-changeme}',
    good: 'services:\n  app:\n    environment:\n      JWT_SECRET: ${JWT_SECRET:?JWT_SECRET must be set}',
    fixSafety: 'The fix turns a weak default into `${VAR:?VAR must be set}` so compose refuses to start without a real value, and replaces a weak literal with a generated one. The service must be re-initialised with it, so neither is applied by "Fix all" or `--fix`: lightbulb-only.',
    references: ['AFFiNE guide', 'SEEN guide', 'Fluxbase guide'],
  },
  fixable: true,
  check(ctx) {
    const template = isTemplateFile(ctx.file.path);
    const services = servicesOf(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const s of literalSecretsOf(ctx.doc)) {
      const verdict = literalVerdict(s, ctx.config.secrets, template);
      if (!verdict) continue;
      const what = s.url ? `The password in the connection string \`${s.env.key}\`` : `\`${s.env.key}\``;
      const reach = template ? undefined : credentialReach(ctx.doc, s.svc, s.env.key, lookup, literalHost(s));
      const internal = reachSeverity(reach);
      const users = appUsersReach(ctx.doc, reach);
      // A working value written here is also committed with the file: that alone is hardcoded-secret's warning.
      const working = !isTemplateBlank(s.value);
      // A key the image version no longer reads (Pi-hole v6's WEBPASSWORD) is live only on an older pinned image.
      const ignored = template ? undefined : ignoredSetting(s.svc.image, s.env.key);
      // A key that guards little (SOGo's URL obfuscation key, from the catalogue) is worth a note, not an alarm.
      const exposes = appKey(s.env.key)?.exposes;
      const severity: Severity | undefined = template || exposes ? 'info' : internal ? (working ? 'warning' : 'info') : ignored ? 'warning' : undefined;
      const moved = template ? undefined : moveToEnv(ctx, s, freshSecret(s.url ? `${s.env.key}_PASSWORD` : s.env.key, s.value, !!s.url));
      ctx.report({
        span: s.span,
        severity,
        message: `${what} (service \`${s.svc.name}\`) ${verdict.reason}${working && !template ? ', and it is committed with the file' : ''}${internal ? ` (the datastore is ${DEFENCE_IN_DEPTH})` : ''}${users ? `: the datastore is not published, but ${users}` : ''}${ignored ? `; but \`${s.svc.image?.raw}\` is ${ignored.since}, which ignores ${s.env.key} and reads ${ignored.instead}: it takes effect only on an older pinned image` : ''}${exposes ? ` (${exposes})` : ''}.${template ? ' Templates are copied verbatim by users who do not change them.' : ''}`,
        fixes: [generatedFix(s), ...(moved ? [{ ...moved, title: `${moved.title} (a generated value)`, safe: false }] : [])],
      });
    }
    checkDefaults(ctx, services, template, lookup);
  },
};

function decode(v: string, url: boolean): string {
  if (!url) return v;
  try { return decodeURIComponent(v); } catch { return v; }
}

function generatedFix(s: LiteralSecret): FixSpec {
  const name = s.url ? `${s.env.key}_PASSWORD` : s.env.key;
  const fresh = freshSecret(name, s.value, !!s.url);
  const title = 'Replace with a generated secret';
  const old = s.env.value ?? '';
  if (s.exact && (!s.url || /^[A-Za-z0-9_.~-]+$/.test(fresh))) {
    const edit: EditSpec = s.url ? { ...s.span, newText: fresh } : replaceValue(s.env, fresh);
    return { title, safe: false, edits: [edit] };
  }
  const next = s.url ? old.slice(0, s.url.start) + encodeURIComponent(fresh) + old.slice(s.url.end) : fresh;
  return { title, safe: false, edits: [replaceValue(s.env, next)] };
}

/** `${VAR:-weak}` defaults on credential keys (or credential-named variables, or in a URL's password). */
function checkDefaults(ctx: ComposeContext, services: Service[], template: boolean, lookup: Lookup): void {
  const seen = new Set<string>();
  for (const svc of services) {
    for (const env of svc.environment) {
      if (env.value === undefined || !env.interpolated) continue;
      const url = urlPassword(env.value);
      for (const ref of scanInterpolation(env.value)) {
        if ((ref.operator !== ':-' && ref.operator !== '-') || ref.arg === undefined || ref.arg.includes('$')) continue;
        // `${API_KEY:-}` says "optional, empty when unset": no secret is written here (like `API_KEY: ""`).
        if (ref.arg.trim() === '') continue;
        const inUrl = !!url && ref.span.start >= url.start && ref.span.end <= url.end;
        // A default that is itself a connection string: `${BROKER_URL:-redis://:pass@redis:6379}`.
        const argUrl = urlPassword(ref.arg);
        let value = ref.arg;
        let at = { start: ref.argSpan!.start, end: ref.argSpan!.end };
        let name: string | undefined;
        if (credentialKind(env.key)) name = env.key;
        else if (argUrl) {
          name = `${env.key}_PASSWORD`;
          value = decode(argUrl.password, true);
          at = { start: at.start + argUrl.start, end: at.start + argUrl.end };
        } else if (credentialKind(ref.name)) name = ref.name;
        else if (inUrl) name = `${env.key}_PASSWORD`;
        if (!name) continue;
        const verdict = judge(name, value, ctx.config.secrets, template);
        if (!verdict) continue;
        const shift = env.form === 'list' ? env.key.length + 1 : 0;
        const argAt = innerSpan(ctx.file.text, env.node, at.start + shift, at.end + shift);
        const refAt = innerSpan(ctx.file.text, env.node, ref.span.start + (env.form === 'list' ? env.key.length + 1 : 0), ref.span.end + (env.form === 'list' ? env.key.length + 1 : 0));
        const id = `${argAt.span.start}:${argAt.span.end}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const host = /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*@\[?([^\]:/?#,\s]+)/i.exec(argUrl ? ref.arg : env.value)?.[1];
        const reach = template ? undefined : credentialReach(ctx.doc, svc, env.key, lookup, argUrl || inUrl ? host : undefined);
        const internal = reachSeverity(reach);
        const users = appUsersReach(ctx.doc, reach);
        const exposes = appKey(env.key)?.exposes;
        ctx.report({
          span: argAt.exact ? argAt.span : env.valueSpan,
          severity: template || exposes ? 'info' : internal || undefined,
          message: `The ${argUrl && name !== env.key ? 'password in the default' : 'default'} of \${${ref.name}} for \`${env.key}\` (service \`${svc.name}\`) ${verdict.reason}: it is used whenever .env lacks ${ref.name}${internal ? ` (the datastore is ${DEFENCE_IN_DEPTH})` : ''}${users ? `: the datastore is not published, but ${users}` : ''}${exposes ? ` (${exposes})` : ''}.`,
          fixes: [requireFix(env, ref.name, ref.span, refAt)],
        });
      }
    }
  }
}

export function requireFix(env: EnvEntry, name: string, refInValue: { start: number; end: number }, refAt: { span: { start: number; end: number }; exact: boolean }): FixSpec {
  const required = `\${${name}:?${name} must be set}`;
  const title = `Require ${name} (no default)`;
  if (refAt.exact) return { title, safe: false, edits: [{ ...refAt.span, newText: required }] };
  const v = env.value ?? '';
  return { title, safe: false, edits: [replaceValue(env, v.slice(0, refInValue.start) + required + v.slice(refInValue.end))] };
}
