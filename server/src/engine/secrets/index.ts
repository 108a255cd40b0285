/**
 * The secrets module (ARCHITECTURE.md, Secrets), shared by the env and compose rules: which names hold secrets,
 * whether a value is weak (reasons never contain the value), and strong replacements.
 */
import type { EngineConfig } from '../config';
import { memoByKey } from '../bounded-map';
import { classifyName } from './classify';
import { generateFor } from './generate';
import { algorithmKeyBytes } from './key-size';
export { randomAlphanumeric } from './generate';
import { isKnownDefault, isPlaceholder, isPublishedDefault, isTemplateBlank } from './placeholders';
import { isRepetitive, looksRandom, strengthOf } from './strength';

export { isKnownDefault, isPlaceholder, isPublishedDefault, isTemplateBlank } from './placeholders';
export { urlCredentials, urlPassword, isLocalHost, type UrlCredential, type UrlPassword } from './connection-string';
export { nameWords } from './classify';
export { leakedCredentialFormat } from './credential-formats';

/** signing/encryption key, password, third-party token. */
export type SecretKind = 'key' | 'password' | 'token';

/** Classifies a variable name as credential-shaped (ARCHITECTURE.md, Secrets), or undefined when it is not a secret. */
export function classifyKey(name: string): SecretKind | undefined {
  return kindByName(name);
}

// Every rule asks about every variable of every service, on every lint: names are classified once.
const kindByName = memoByKey(10_000, classifyName);

export interface SecretVerdict {
  /** Why it is weak, without the value: "is empty", "is a known default", "is 8 bytes; a signing key needs at least 32". */
  reason: string;
  kind: SecretKind;
}

/** `${VAR}`, `$VAR`, `$(command)`, `{{ template }}`: resolved elsewhere (compose interpolation, a shell), not judged here. */
export function isReference(value: string): boolean {
  const v = value.trim();
  // Also `{{ .Secret }}` / `{{ secret }}`: a file rendered by a template engine before use.
  return /^\$(\{[^}]*\}|\([^)]*\)|[A-Za-z_]\w*)$/.test(v) || /^\{\{.*\}\}$/.test(v);
}

/**
 * Values that are not a secret whatever the name says: a switch (`FUNCTIONS_VERIFY_JWT=false`) or a file
 * holding the secret (`JWT_PRIVATE_KEY=/run/secrets/jwt.pem`). A base64 key may start with `/` but has
 * no `.`, so a file needs an extension or the secrets folder.
 */
export function isNotASecretValue(value: string): boolean {
  const v = value.trim();
  if (/^(true|false)$/i.test(v)) return true;
  return /^\/run\/secrets\/\S+$/.test(v) || /^(\/|\.{1,2}\/|~\/)[\w./@-]*\.(pem|key|crt|cer|p8|p12|pfx|der|jks|json|txt|asc|gpg|secret)$/i.test(v);
}

/**
 * Judges a secret value for a key. Returns undefined when the value is acceptable.
 * A name that is not credential-shaped is judged as a password (the caller decided it is a secret,
 * e.g. the password inside `DATABASE_URL`). In a template (ARCHITECTURE.md, File kinds) only known defaults count.
 */
export function judgeSecret(name: string, value: string, config: EngineConfig['secrets'], opts: { template?: boolean } = {}): SecretVerdict | undefined {
  const kind = classifyKey(name) ?? 'password';
  const v = value.trim();
  if (isReference(v) || isNotASecretValue(v)) return undefined;
  if (isPublishedDefault(v)) return { kind, reason: 'is a default the app publishes in its template' };
  if (opts.template) {
    if (isTemplateBlank(v)) return undefined;
    if (isKnownDefault(v)) return { kind, reason: 'is a known default' };
    // Beyond the list, only what zxcvbn rates as trivially guessable (`123`, a common word): a
    // template value is mostly a hint, and a hint that works as a password is the problem.
    if (kind === 'token' || v.length > 64 || looksRandom(v)) return undefined;
    const s = strengthOf(v);
    return s.score <= 1 ? { kind, reason: `is guessable (strength ${s.score} of 4)` } : undefined;
  }
  if (!v) return { kind, reason: 'is empty' };
  if (isKnownDefault(v)) return { kind, reason: 'is a known default' };
  if (isPlaceholder(v)) return { kind, reason: 'is a placeholder' };
  // Provider-issued tokens have the provider's shape and length: not ours to judge.
  if (kind === 'token') return undefined;
  if (kind === 'key') {
    const bytes = Buffer.byteLength(v, 'utf8');
    const fixed = algorithmKeyBytes(name);
    if (fixed !== undefined) {
      if (bytes !== fixed) return { kind, reason: `is ${bytes} bytes; this key must be exactly ${fixed} (its algorithm's key size)` };
    } else if (bytes < config.minKeyBytes) return { kind, reason: `is ${bytes} bytes; a signing key needs at least ${config.minKeyBytes}` };
    if (isRepetitive(v)) return { kind, reason: 'is low-entropy (a repeated pattern)' };
    if (isPemOrBlob(v) || looksRandom(v) || v.length > 100) return undefined;
    const s = strengthOf(v);
    if (s.wordCoverage >= 0.6) return { kind, reason: 'is low-entropy (made of dictionary words)' };
    // A sequence or keyboard walk (`0123456789...`, `abcdef...123456`): a random key of 32 characters or more scores 10^26 and up.
    if (s.guessesLog10 < 16) return { kind, reason: 'is low-entropy (a predictable pattern)' };
    return undefined;
  }
  if (v.length < config.minPasswordLength) return { kind, reason: `is ${v.length} characters; a password needs at least ${config.minPasswordLength}` };
  if (isRepetitive(v)) return { kind, reason: 'is guessable (a repeated pattern)' };
  if (looksRandom(v) || v.length > 64) return undefined;
  const s = strengthOf(v);
  if (s.score < 4) return { kind, reason: `is guessable (strength ${s.score} of 4)` };
  if (s.wordCoverage >= 0.75 && s.guessesLog10 < 20) return { kind, reason: 'is guessable (made of dictionary words)' };
  return undefined;
}

function isPemOrBlob(v: string): boolean {
  return v.includes('-----BEGIN') || /^[A-Za-z0-9+/=\s]{100,}$/.test(v);
}

/** A strong replacement from crypto.randomBytes, shaped for the key and the old value (hex stays hex; URL-safe inside URLs). */
export function generateSecret(name: string, oldValue = '', opts: { urlSafe?: boolean } = {}): string {
  const kind = opts.urlSafe ? 'password' : (classifyKey(name) ?? 'password');
  return generateFor(kind, name, oldValue.trim());
}
