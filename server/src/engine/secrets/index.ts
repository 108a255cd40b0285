/**
 * The secrets module (SPEC §4), shared by the env and compose rules.
 * STUB: the env-rules work owns this folder and replaces the bodies; keep the signatures.
 */
import type { EngineConfig } from '../config';

/** signing/encryption key, password, third-party token. */
export type SecretKind = 'key' | 'password' | 'token';

/** Classifies a variable name as credential-shaped (SPEC §4), or undefined when it is not a secret. */
export function classifyKey(name: string): SecretKind | undefined {
  void name;
  return undefined;
}

export interface SecretVerdict {
  /** Why it is weak, without the value: "is empty", "is a known default", "is 8 bytes; a signing key needs at least 32". */
  reason: string;
  kind: SecretKind;
}

/** Judges a secret value for a key. Returns undefined when the value is acceptable. */
export function judgeSecret(name: string, value: string, config: EngineConfig['secrets'], opts: { template?: boolean } = {}): SecretVerdict | undefined {
  void name; void value; void config; void opts;
  return undefined;
}

/** A strong replacement from crypto.randomBytes, shaped for the key and the old value (hex stays hex; URL-safe inside URLs). */
export function generateSecret(name: string, oldValue = '', opts: { urlSafe?: boolean } = {}): string {
  void name; void oldValue; void opts;
  return '';
}
