import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { BoundedMap } from '../bounded-map';

/**
 * Strength estimate with zxcvbn-ts and its common + English dictionaries. The dictionaries are
 * large: they are loaded on first use, once. zxcvbn costs tens of ms on long random strings, so
 * callers only ask about human-looking values (`looksRandom` says which are not) and results are
 * cached per value.
 */

export interface Strength {
  /** 0..4; 4 is zxcvbn's "very unguessable". */
  score: number;
  guessesLog10: number;
  /** Share of the letters that zxcvbn matched as dictionary words (l33t and reversed included). */
  wordCoverage: number;
}

const MAX_CACHE = 2000;
const cache = new BoundedMap<string, Strength>(MAX_CACHE);
let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  if (!factory) {
    // Required here, not imported at the top: the dictionaries weigh megabytes and most lints never need them.
    // A separate file in the bundles (dist/zxcvbn-dictionaries.js, see scripts/build.mjs), with zxcvbn itself.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dicts = require('./dictionaries') as typeof import('./dictionaries');
    factory = new dicts.ZxcvbnFactory({
      dictionary: dicts.dictionary,
      graphs: dicts.adjacencyGraphs,
      translations: dicts.translations,
      // The default explores every l33t combination: hundreds of ms on a 40-character string.
      l33tMaxSubstitutions: 3,
      maxLength: 128,
    });
  }
  return factory;
}

export function strengthOf(value: string): Strength {
  const hit = cache.get(value);
  if (hit) return hit;
  const r = zxcvbn().check(value);
  let letters = 0;
  for (const ch of value) if (/[A-Za-z]/.test(ch)) letters++;
  let covered = 0;
  for (const m of r.sequence) {
    if (m.pattern !== 'dictionary') continue;
    covered += (m.token.match(/[A-Za-z]/g) ?? []).length;
  }
  const sequenceCoverage = letters ? covered / letters : 0;
  const s: Strength = { score: r.score, guessesLog10: r.guessesLog10, wordCoverage: Math.max(sequenceCoverage, partsCoverage(value)) };
  cache.set(value, s);
  return s;
}

/**
 * zxcvbn's cheapest decomposition of `this_is_a_long_key` prices some words as brute force; judged
 * part by part (split on separators, digits at the ends dropped), each part is a dictionary word or it is not.
 */
function partsCoverage(value: string): number {
  // Also CamelCase words: `ThisIsMyJwtSecretForTheApp`.
  const parts = value.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  if (parts.length < 2) return 0;
  let letters = 0, covered = 0;
  for (const p of parts) {
    const core = p.replace(/^\d+|\d+$/g, '');
    // One- and two-letter parts ("a", "is") say nothing either way.
    if (core.length <= 2 && !/\d/.test(core)) continue;
    letters += core.length;
    if (/^[A-Za-z]+$/.test(core) && isWord(core)) covered += core.length;
  }
  return letters ? covered / letters : 0;
}

const words = new BoundedMap<string, boolean>(MAX_CACHE);

function isWord(part: string): boolean {
  let w = words.get(part);
  if (w === undefined) {
    const r = zxcvbn().check(part);
    w = r.sequence.length === 1 && r.sequence[0].pattern === 'dictionary';
    words.set(part, w);
  }
  return w;
}

/**
 * Machine-made: long hex, or letters and digits switching class as often as random text does
 * (`aB3dE5...`, about 60% of neighbours switch). Human choices (`MySuperSecurePassword123!`: 35%) switch less.
 */
export function looksRandom(value: string): boolean {
  if (value.length >= 16 && /^[0-9a-f]+$/i.test(value) && /\d/.test(value) && /[a-f]/i.test(value)) return true;
  if (value.length < 16) return false;
  let pairs = 0, switches = 0;
  for (let i = 1; i < value.length; i++) {
    const a = classOf(value[i - 1]), b = classOf(value[i]);
    if (!a || !b) continue;
    pairs++;
    if (a !== b) switches++;
  }
  return pairs >= 12 && switches / pairs >= 0.45 && !isCamelPhrase(value);
}

/**
 * CamelCase words switch case at every word (`ThisIsMyVeryLongJwtSecret2024`: 54% of neighbours), but
 * most of their letters sit in `[A-Z]?[a-z]+` runs of three or more; random text's runs are about two
 * letters long (fewer than 1% of random base62/base64 strings pass, and they are then judged by zxcvbn).
 */
function isCamelPhrase(value: string): boolean {
  const long = (value.match(/[A-Z]?[a-z]+/g) ?? []).filter((r) => r.length >= 3);
  const letters = (value.match(/[A-Za-z]/g) ?? []).length;
  return long.length >= 3 && long.reduce((n, r) => n + r.length, 0) >= 0.75 * letters;
}

function classOf(c: string): 'l' | 'u' | 'd' | undefined {
  if (c >= 'a' && c <= 'z') return 'l';
  if (c >= 'A' && c <= 'Z') return 'u';
  if (c >= '0' && c <= '9') return 'd';
  return undefined;
}

/** One character or a short unit repeated (`aaaa...`, `abcabc...`, `0000...`), or very few distinct characters. */
export function isRepetitive(value: string): boolean {
  if (/^(.{1,8})\1+$/s.test(value)) return true;
  // Few distinct characters for the length, unless the length makes up for it: 128 hex digits use only
  // 16 characters but carry 512 bits (`openssl rand -hex 64`).
  const distinct = new Set(value).size;
  return distinct <= Math.max(3, Math.floor(value.length / 8)) && value.length * Math.log2(Math.max(distinct, 2)) < 128;
}
