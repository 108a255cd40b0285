import type { Rule } from '../../types';
import type { EnvEntry } from '../../parse/dotenv';
import { generateSecret, judgeSecret, urlCredentials } from '../../secrets';
import { credentialEntries, effectiveEntries, isTemplate, replaceValue, valueAnchor, valueIsVerbatim, type EnvContext } from './support/context';

const TEMPLATE_NOTE = 'in a template: users who do not change it copy it verbatim';

export const envWeakSecret: Rule<EnvContext> = {
  id: 'env/weak-secret', language: 'env', severity: 'error',
  title: 'Weak, empty, placeholder or default secret',
  description: [
    'A credential-shaped variable (`*_PASSWORD`, `*_SECRET`, `JWT_*`, `*_API_KEY`...) holds a value an attacker can guess: empty, a placeholder (`<secret>`, `your_key_here`), a known default (`changeme`, `minioadmin`, jwt.io\'s `your-256-bit-secret`), too short for its kind, or guessable by a strength estimator (zxcvbn). The password inside a connection string (`postgres://user:pass@host/db`) is judged the same way.',
    '',
    'Signing and encryption keys need at least 32 bytes (RFC 7518 §3.2; SEEN guide: "JWT secret must be at least 32 bytes"; Fluxbase guide: "min 32 characters"); passwords at least 16 characters (AI Notes guide; SEEN asks 20). Third-party API keys are only checked for empty and placeholder values. In templates (`.env.example`) only known defaults are reported, at info.',
    '',
    'The fix writes a strong value from `crypto.randomBytes` (32 bytes base64url for keys, hex when the old value was hex; 32 letters and digits for passwords). It is not applied by "Fix all": a changed database password must also change in the database.',
  ].join('\n'),
  sources: ['AFFiNE guide: "Use a strong, unique password for PostgreSQL"', 'SEEN guide: "Never use default or example secrets"', 'Fluxbase guide: "Strong JWT secret generated (min 32 characters)"', 'RFC 7518 §3.2'],
  fixable: true,
  check(ctx) {
    const template = isTemplate(ctx);
    const judged = new Set<EnvEntry>();
    for (const { entry: e, kind, judgeAs, uses } of credentialEntries(ctx)) {
      if (urlCredentials(e.value).length) continue;
      const verdict = judgeSecret(judgeAs, e.value, ctx.config.secrets, { template });
      if (!verdict) continue;
      judged.add(e);
      const fixes = [];
      if (template) {
        fixes.push({ title: `Clear the default of ${e.key}`, safe: false, edits: [replaceValue(ctx, e, '')] });
      } else if (kind !== 'token') {
        fixes.push({ title: `Replace ${e.key} with a generated ${kind === 'key' ? 'key' : 'password'}`, safe: false, sensitive: true, edits: [replaceValue(ctx, e, generateSecret(judgeAs, e.value))] });
      }
      const usedAs = judgeAs !== e.key ? ` (compose passes it as ${judgeAs})` : '';
      ctx.report({
        span: valueAnchor(e),
        message: template ? `${e.key} ${verdict.reason} (${TEMPLATE_NOTE}).` : `${e.key}${usedAs} ${verdict.reason}.`,
        severity: template ? 'info' : undefined,
        fixes,
        related: uses.slice(0, 10).map((u) => ({ file: u.composePath, span: u.span, message: `used by service \`${u.service}\`${u.key ? ` as ${u.key}` : ''}` })),
      });
    }
    for (const e of effectiveEntries(ctx)) {
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
