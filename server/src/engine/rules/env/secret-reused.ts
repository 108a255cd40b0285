import type { Rule } from '../../types';
import { generateSecret, isKnownDefault, judgeSecret, nameWords } from '../../secrets';
import { credentialEntries, holdsSecret, isTemplate, replaceValue, type CredentialEntry, type EnvContext } from './support/context';

/** Names of one account under two spellings (`POSTGRES_PASSWORD` for the database, `DB_PASSWORD` for the app). */
const SAME_SERVICE = [
  ['DB', 'DATABASE', 'POSTGRES', 'POSTGRESQL', 'PG', 'PSQL', 'MYSQL', 'MARIADB', 'MONGO', 'MONGODB', 'SQL'],
  ['REDIS', 'CACHE', 'VALKEY', 'DRAGONFLY', 'KEYDB'],
  ['MINIO', 'S3', 'STORAGE', 'AWS', 'BUCKET'],
  ['SMTP', 'MAIL', 'EMAIL', 'MAILER'],
  ['RABBITMQ', 'AMQP', 'MQ'],
];
const CREDENTIAL_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PWD', 'SECRET', 'KEY', 'TOKEN', 'ROOT', 'ADMIN', 'USER', 'INITDB', 'APP']);

/** Two passwords of the same account (same service words) are one secret under two names, not a reuse. */
function sameAccount(a: CredentialEntry, b: CredentialEntry): boolean {
  if (a.kind !== 'password' || b.kind !== 'password') return false;
  const wa = nameWords(a.entry.key).filter((w) => !CREDENTIAL_WORDS.has(w));
  const wb = nameWords(b.entry.key).filter((w) => !CREDENTIAL_WORDS.has(w));
  if (wa.some((w) => wb.includes(w))) return true;
  return SAME_SERVICE.some((g) => wa.some((w) => g.includes(w)) && wb.some((w) => g.includes(w)));
}

export const envSecretReused: Rule<EnvContext> = {
  id: 'env/secret-reused', language: 'env', severity: 'warning',
  title: 'One secret used for two credentials',
  docs: {
    why: 'The same value is used for two different credentials (a JWT signing key that is also the database password, one password for Redis and Postgres). One leak then opens both, and rotating one breaks the other. Two names for the same account (`POSTGRES_PASSWORD` for the database container and `DB_PASSWORD` for the app) are not reported; third-party API keys are not either, nor values env/weak-secret already reports (a default used twice), nor templates, whose values are stand-ins. AFFiNE guide: "Use a strong, unique password".',
    fixSafety: 'The fix regenerates the second value. The service that uses it must be updated too, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide: Strong Database Password'],
  },
  fixable: true,
  check(ctx) {
    // A template's values are stand-ins (ARCHITECTURE.md, File kinds): Dify's gives one demo password to a dozen services.
    if (isTemplate(ctx)) return;
    const seen = new Map<string, CredentialEntry>();
    for (const c of credentialEntries(ctx)) {
      // Weak values are env/weak-secret's: `changeme` (or `dify`) twice is not a reuse worth a second finding,
      // and the generated replacement ends the reuse too.
      if (c.kind === 'token' || !holdsSecret(c.entry.value) || isKnownDefault(c.entry.value)) continue;
      if (judgeSecret(c.judgeAs, c.entry.value, ctx.config.secrets)) continue;
      const first = seen.get(c.entry.value);
      if (!first) { seen.set(c.entry.value, c); continue; }
      if (sameAccount(first, c)) continue;
      const e = c.entry;
      ctx.report({
        span: e.valueSpan,
        message: `${e.key} reuses the value of ${first.entry.key} (line ${first.entry.line + 1}): one leak exposes both.`,
        related: [{ file: ctx.file.path, span: first.entry.keySpan, message: `${first.entry.key} holds the same value` }],
        fixes: [{ title: `Regenerate ${e.key}`, safe: false, sensitive: true, edits: [replaceValue(ctx, e, generateSecret(e.key, e.value))] }],
      });
    }
  },
};
