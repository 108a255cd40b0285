/**
 * The compose rules' one door to the secrets module (SPEC §4): classification, judgement and generation
 * go through here so the module can change without touching the rules.
 */
import { randomBytes } from 'node:crypto';
import type { EngineConfig } from '../../../config';
import { classifyKey, generateSecret, judgeSecret, type SecretKind, type SecretVerdict } from '../../../secrets';

export function credentialKind(name: string): SecretKind | undefined { return classifyKey(name); }

export function judge(name: string, value: string, config: EngineConfig['secrets'], template: boolean): SecretVerdict | undefined {
  return judgeSecret(name, value, config, { template });
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A strong value for `name`; falls back to 32 alphanumerics when the module gives nothing. */
export function freshSecret(name: string, oldValue = '', urlSafe = false): string {
  const s = generateSecret(name, oldValue, { urlSafe });
  if (s) return s;
  let out = '';
  while (out.length < 32) for (const b of randomBytes(64)) if (b < 248 && out.length < 32) out += ALNUM[b % 62];
  return out;
}

/** Template files (`docker-compose.example.yml`) hold placeholders on purpose (SPEC §2). */
export function isTemplatePath(path: string): boolean {
  return /example|sample|template/i.test(path.slice(path.lastIndexOf('/') + 1));
}
