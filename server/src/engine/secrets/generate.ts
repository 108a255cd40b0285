import type { SecretKind } from './index';
import { algorithmKeyBytes } from './key-size';

/**
 * node:crypto is required on first use: loading it costs a fresh CLI process more than linting a small
 * file, and most runs generate no secret.
 */
function randomBytes(size: number): Buffer {
  // Fixes carry generated values and are rebuilt on every lint, several per file: small requests are
  // served from a pool filled by one call (each byte handed out once), not one call each.
  if (size > POOL_BYTES / 4) return cryptoRandomBytes(size);
  if (!pool || poolAt + size > pool.length) { pool = cryptoRandomBytes(POOL_BYTES); poolAt = 0; }
  poolAt += size;
  return pool.subarray(poolAt - size, poolAt);
}

const POOL_BYTES = 4096;
let pool: Buffer | undefined;
let poolAt = 0;

function cryptoRandomBytes(size: number): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:crypto') as typeof import('node:crypto')).randomBytes(size);
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of [A-Za-z0-9], unbiased (bytes >= 248 are drawn again). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b >= 248) continue;
      out += ALNUM[b % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * The shape of a replacement: keys are 32 random bytes (hex when the name says HEX or the old
 * value was hex, base64url otherwise; Laravel's `base64:` prefix is kept), passwords and tokens
 * 32 characters of [A-Za-z0-9], which need no quoting in shells, URLs or YAML.
 */
export function generateFor(kind: SecretKind, name: string, oldValue: string): string {
  if (kind !== 'key') return randomAlphanumeric(32);
  // A key of a fixed size (AES-128: 16 bytes) is as many random characters, each one byte.
  const fixed = algorithmKeyBytes(name);
  if (fixed !== undefined) return randomAlphanumeric(fixed);
  const bytes = randomBytes(32);
  if (/HEX/i.test(name) || isHex(oldValue)) return bytes.toString('hex');
  if (/^base64:/.test(oldValue)) return 'base64:' + bytes.toString('base64');
  return bytes.toString('base64url');
}

function isHex(v: string): boolean {
  return v.length >= 16 && v.length % 2 === 0 && /^[0-9a-f]+$/i.test(v);
}
