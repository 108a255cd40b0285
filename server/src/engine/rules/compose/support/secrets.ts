/**
 * The compose rules' one door to the secrets module (ARCHITECTURE.md, Secrets): classification, judgement and generation
 * go through here so the module can change without touching the rules.
 */
import type { EngineConfig } from '../../../config';
import { classifyKey, generateSecret, judgeSecret, randomAlphanumeric, type SecretKind, type SecretVerdict } from '../../../secrets';

export function credentialKind(name: string): SecretKind | undefined { return classifyKey(name); }

export function judge(name: string, value: string, config: EngineConfig['secrets'], template: boolean): SecretVerdict | undefined {
  return judgeSecret(name, value, config, { template });
}

/** A strong value for `name`; falls back to 32 alphanumerics when the module gives nothing. */
export function freshSecret(name: string, oldValue = '', urlSafe = false): string {
  const s = generateSecret(name, oldValue, { urlSafe });
  return s || randomAlphanumeric(32);
}
