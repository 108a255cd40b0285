/**
 * Keys whose length the algorithm fixes (ARCHITECTURE.md, Precision: "Length rules follow the algorithm"): an AES-128
 * key is 16 bytes, and asking for 32 would break the app that needs exactly 16.
 */
import { nameWords } from './classify';
import { appKey } from '../catalogue/app-keys';

/** The key size in bytes the name says (`*_AES128_KEY`, `AES_256_KEY`), or undefined when it says none. */
export function algorithmKeyBytes(name: string): number | undefined {
  // Keys of known apps whose algorithm is fixed: SOGo's URL encryption passphrase is an AES-128 key of exactly 16 characters.
  const known = appKey(name)?.bytes;
  if (known) return known;
  const words = nameWords(name).join('_');
  const m = /(^|_)AES_?(128|192|256)(_|$)/.exec(words);
  return m ? Number(m[2]) / 8 : undefined;
}
