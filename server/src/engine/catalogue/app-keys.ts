/**
 * Secrets of known apps whose algorithm or purpose the name alone does not say, one row each, with
 * where it is documented: the exact key size their algorithm needs, and what a guessed value gives away
 * when that is less than the app's data (ARCHITECTURE.md, Precision: severity follows what an attacker can do with it).
 */
import type { Severity } from '../types';

export interface AppKey {
  app: string;
  /** The environment key, upper case. */
  key: string;
  /** The key size in bytes the algorithm needs exactly. */
  bytes?: number;
  /** What a guessed value exposes, when it is little: said in the message, and the severity is capped at `severity`. */
  exposes?: string;
  severity?: Severity;
  source: string;
}

export const APP_KEYS: AppKey[] = [
  {
    app: 'SOGo (mailcow)', key: 'SOGO_URL_ENCRYPTION_KEY', bytes: 16, severity: 'info',
    exposes: 'SOGo uses it (SOGoURLEncryptionPassphrase, AES-128) only to obfuscate user names in its URLs',
    source: 'https://www.sogo.nu/files/docs/SOGoInstallationGuide.html (SOGoURLEncryptionPassphrase)',
  },
];

const BY_KEY = new Map(APP_KEYS.map((k) => [k.key, k]));

/** The catalogue row of an app's secret, by its environment key. */
export function appKey(name: string): AppKey | undefined {
  return BY_KEY.get(name.toUpperCase());
}
