/**
 * OpenSSL cipher strings (`ssl_ciphers`), evaluated the way OpenSSL builds its list:
 * elements separated by `:`, `,` or spaces; `A+B` selects suites matching every part;
 * a bare element adds suites, `-` removes them (a later element may add them back), `!` removes
 * them for good, `+` only moves them to the end; `@STRENGTH` / `@SECLEVEL=n` are commands.
 * Suites are described by what their names say (key exchange, authentication, cipher, MAC), which
 * is enough to tell the weak families apart (../shared/reference/mozilla-tls.md).
 */

export interface Suite {
  name: string;
  kx: 'RSA' | 'DHE' | 'ECDHE' | 'PSK' | 'RSAPSK' | 'DHEPSK' | 'ECDHEPSK' | 'SRP';
  au: 'RSA' | 'ECDSA' | 'DSS' | 'None' | 'PSK' | 'SRP';
  enc: 'AESGCM' | 'AESCCM' | 'AES' | 'CHACHA20' | 'CAMELLIA' | 'ARIA' | 'SEED' | 'IDEA' | 'RC4' | '3DES' | 'DES' | 'NULL';
  bits: number;
  mac: 'AEAD' | 'SHA1' | 'SHA256' | 'SHA384' | 'MD5';
  export: boolean;
}

/** TLS <= 1.2 suites of OpenSSL 3 (`openssl ciphers -v ALL:COMPLEMENTOFALL`, checked by the weak-tls-cipher test) plus the legacy ones older builds still offer. */
const NAMES = `
ECDHE-ECDSA-AES256-GCM-SHA384 ECDHE-RSA-AES256-GCM-SHA384 DHE-DSS-AES256-GCM-SHA384 DHE-RSA-AES256-GCM-SHA384
ECDHE-ECDSA-CHACHA20-POLY1305 ECDHE-RSA-CHACHA20-POLY1305 DHE-RSA-CHACHA20-POLY1305 ECDHE-ECDSA-AES256-CCM8
ECDHE-ECDSA-AES256-CCM DHE-RSA-AES256-CCM8 DHE-RSA-AES256-CCM ECDHE-ECDSA-ARIA256-GCM-SHA384 ECDHE-ARIA256-GCM-SHA384
DHE-DSS-ARIA256-GCM-SHA384 DHE-RSA-ARIA256-GCM-SHA384 ADH-AES256-GCM-SHA384 ECDHE-ECDSA-AES128-GCM-SHA256
ECDHE-RSA-AES128-GCM-SHA256 DHE-DSS-AES128-GCM-SHA256 DHE-RSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES128-CCM8
ECDHE-ECDSA-AES128-CCM DHE-RSA-AES128-CCM8 DHE-RSA-AES128-CCM ECDHE-ECDSA-ARIA128-GCM-SHA256 ECDHE-ARIA128-GCM-SHA256
DHE-DSS-ARIA128-GCM-SHA256 DHE-RSA-ARIA128-GCM-SHA256 ADH-AES128-GCM-SHA256 ECDHE-ECDSA-AES256-SHA384
ECDHE-RSA-AES256-SHA384 DHE-RSA-AES256-SHA256 DHE-DSS-AES256-SHA256 ECDHE-ECDSA-CAMELLIA256-SHA384
ECDHE-RSA-CAMELLIA256-SHA384 DHE-RSA-CAMELLIA256-SHA256 DHE-DSS-CAMELLIA256-SHA256 ADH-AES256-SHA256
ADH-CAMELLIA256-SHA256 ECDHE-ECDSA-AES128-SHA256 ECDHE-RSA-AES128-SHA256 DHE-RSA-AES128-SHA256 DHE-DSS-AES128-SHA256
ECDHE-ECDSA-CAMELLIA128-SHA256 ECDHE-RSA-CAMELLIA128-SHA256 DHE-RSA-CAMELLIA128-SHA256 DHE-DSS-CAMELLIA128-SHA256
ADH-AES128-SHA256 ADH-CAMELLIA128-SHA256 ECDHE-ECDSA-AES256-SHA ECDHE-RSA-AES256-SHA DHE-RSA-AES256-SHA
DHE-DSS-AES256-SHA DHE-RSA-CAMELLIA256-SHA DHE-DSS-CAMELLIA256-SHA AECDH-AES256-SHA ADH-AES256-SHA
ADH-CAMELLIA256-SHA ECDHE-ECDSA-AES128-SHA ECDHE-RSA-AES128-SHA DHE-RSA-AES128-SHA DHE-DSS-AES128-SHA
DHE-RSA-CAMELLIA128-SHA DHE-DSS-CAMELLIA128-SHA AECDH-AES128-SHA ADH-AES128-SHA ADH-CAMELLIA128-SHA
RSA-PSK-AES256-GCM-SHA384 DHE-PSK-AES256-GCM-SHA384 RSA-PSK-CHACHA20-POLY1305 DHE-PSK-CHACHA20-POLY1305
ECDHE-PSK-CHACHA20-POLY1305 DHE-PSK-AES256-CCM8 DHE-PSK-AES256-CCM AES256-GCM-SHA384 AES256-CCM8 AES256-CCM
ARIA256-GCM-SHA384 PSK-AES256-GCM-SHA384 PSK-CHACHA20-POLY1305 PSK-AES256-CCM8 PSK-AES256-CCM
RSA-PSK-AES128-GCM-SHA256 DHE-PSK-AES128-GCM-SHA256 DHE-PSK-AES128-CCM8 DHE-PSK-AES128-CCM AES128-GCM-SHA256
AES128-CCM8 AES128-CCM ARIA128-GCM-SHA256 PSK-AES128-GCM-SHA256 PSK-AES128-CCM8 PSK-AES128-CCM AES256-SHA256
CAMELLIA256-SHA256 AES128-SHA256 CAMELLIA128-SHA256 ECDHE-PSK-AES256-CBC-SHA384 ECDHE-PSK-AES256-CBC-SHA
SRP-DSS-AES-256-CBC-SHA SRP-RSA-AES-256-CBC-SHA SRP-AES-256-CBC-SHA RSA-PSK-AES256-CBC-SHA384 DHE-PSK-AES256-CBC-SHA384
RSA-PSK-AES256-CBC-SHA DHE-PSK-AES256-CBC-SHA AES256-SHA CAMELLIA256-SHA PSK-AES256-CBC-SHA384 PSK-AES256-CBC-SHA
ECDHE-PSK-AES128-CBC-SHA256 ECDHE-PSK-AES128-CBC-SHA SRP-DSS-AES-128-CBC-SHA SRP-RSA-AES-128-CBC-SHA SRP-AES-128-CBC-SHA
RSA-PSK-AES128-CBC-SHA256 DHE-PSK-AES128-CBC-SHA256 RSA-PSK-AES128-CBC-SHA DHE-PSK-AES128-CBC-SHA AES128-SHA
CAMELLIA128-SHA PSK-AES128-CBC-SHA256 PSK-AES128-CBC-SHA ECDHE-ECDSA-NULL-SHA ECDHE-RSA-NULL-SHA AECDH-NULL-SHA
NULL-SHA256 NULL-SHA NULL-MD5 PSK-NULL-SHA
ECDHE-RSA-DES-CBC3-SHA ECDHE-ECDSA-DES-CBC3-SHA EDH-RSA-DES-CBC3-SHA EDH-DSS-DES-CBC3-SHA AECDH-DES-CBC3-SHA
ADH-DES-CBC3-SHA DES-CBC3-SHA PSK-3DES-EDE-CBC-SHA ECDHE-RSA-RC4-SHA ECDHE-ECDSA-RC4-SHA AECDH-RC4-SHA ADH-RC4-MD5
RC4-SHA RC4-MD5 PSK-RC4-SHA EDH-RSA-DES-CBC-SHA EDH-DSS-DES-CBC-SHA ADH-DES-CBC-SHA DES-CBC-SHA
EXP-EDH-RSA-DES-CBC-SHA EXP-EDH-DSS-DES-CBC-SHA EXP-ADH-DES-CBC-SHA EXP-DES-CBC-SHA EXP-RC2-CBC-MD5 EXP-ADH-RC4-MD5
EXP-RC4-MD5 IDEA-CBC-SHA SEED-SHA DHE-RSA-SEED-SHA DHE-DSS-SEED-SHA ADH-SEED-SHA
RSA-PSK-ARIA256-GCM-SHA384 DHE-PSK-ARIA256-GCM-SHA384 PSK-ARIA256-GCM-SHA384 RSA-PSK-ARIA128-GCM-SHA256
DHE-PSK-ARIA128-GCM-SHA256 PSK-ARIA128-GCM-SHA256 ECDHE-PSK-CAMELLIA256-SHA384 RSA-PSK-CAMELLIA256-SHA384
DHE-PSK-CAMELLIA256-SHA384 PSK-CAMELLIA256-SHA384 ECDHE-PSK-CAMELLIA128-SHA256 RSA-PSK-CAMELLIA128-SHA256
DHE-PSK-CAMELLIA128-SHA256 PSK-CAMELLIA128-SHA256 ECDHE-PSK-NULL-SHA384 ECDHE-PSK-NULL-SHA256 ECDHE-PSK-NULL-SHA
RSA-PSK-NULL-SHA384 RSA-PSK-NULL-SHA256 DHE-PSK-NULL-SHA384 DHE-PSK-NULL-SHA256 RSA-PSK-NULL-SHA DHE-PSK-NULL-SHA
PSK-NULL-SHA384 PSK-NULL-SHA256
`;

function describe(name: string): Suite {
  let rest = name;
  const exp = rest.startsWith('EXP-');
  if (exp) rest = rest.slice(4);
  let kx: Suite['kx'] = 'RSA';
  let au: Suite['au'] = 'RSA';
  const take = (prefix: string) => { if (rest.startsWith(prefix)) { rest = rest.slice(prefix.length); return true; } return false; };
  if (take('ECDHE-PSK-')) { kx = 'ECDHEPSK'; au = 'PSK'; }
  else if (take('DHE-PSK-')) { kx = 'DHEPSK'; au = 'PSK'; }
  else if (take('RSA-PSK-')) { kx = 'RSAPSK'; au = 'RSA'; }
  else if (take('PSK-')) { kx = 'PSK'; au = 'PSK'; }
  else if (take('SRP-DSS-')) { kx = 'SRP'; au = 'DSS'; }
  else if (take('SRP-RSA-')) { kx = 'SRP'; au = 'RSA'; }
  else if (take('SRP-')) { kx = 'SRP'; au = 'SRP'; }
  else if (take('ECDHE-ECDSA-')) { kx = 'ECDHE'; au = 'ECDSA'; }
  else if (take('ECDHE-RSA-') || take('ECDHE-')) { kx = 'ECDHE'; au = 'RSA'; }
  else if (take('AECDH-')) { kx = 'ECDHE'; au = 'None'; }
  else if (take('DHE-DSS-') || take('EDH-DSS-')) { kx = 'DHE'; au = 'DSS'; }
  else if (take('DHE-RSA-') || take('EDH-RSA-')) { kx = 'DHE'; au = 'RSA'; }
  else if (take('ADH-')) { kx = 'DHE'; au = 'None'; }
  let enc: Suite['enc'] = 'AES';
  if (/^AES(-?\d+)?-(GCM|.*GCM)/.test(rest) || /GCM/.test(rest) && /^AES/.test(rest)) enc = 'AESGCM';
  else if (/^AES.*CCM/.test(rest)) enc = 'AESCCM';
  else if (/^AES/.test(rest)) enc = 'AES';
  else if (/^CHACHA20/.test(rest)) enc = 'CHACHA20';
  else if (/^CAMELLIA/.test(rest)) enc = 'CAMELLIA';
  else if (/^ARIA/.test(rest)) enc = 'ARIA';
  else if (/^SEED/.test(rest)) enc = 'SEED';
  else if (/^IDEA/.test(rest)) enc = 'IDEA';
  else if (/^RC4|^RC2/.test(rest)) enc = 'RC4';
  else if (/^DES-CBC3|^3DES/.test(rest)) enc = '3DES';
  else if (/^DES/.test(rest)) enc = 'DES';
  else if (/^NULL/.test(rest)) enc = 'NULL';
  const size = /^(?:AES|CAMELLIA|ARIA)-?(\d+)/.exec(rest);
  const bits = enc === 'NULL' ? 0 : enc === 'DES' ? 56 : enc === '3DES' ? 112 : enc === 'CHACHA20' ? 256 : size ? Number(size[1]) : 128;
  const mac: Suite['mac'] = /GCM|CCM|POLY1305/.test(rest) ? 'AEAD' : /MD5$/.test(rest) ? 'MD5' : /SHA384$/.test(rest) ? 'SHA384' : /SHA256$/.test(rest) ? 'SHA256' : 'SHA1';
  return { name, kx, au, enc, bits, mac, export: exp };
}

// Built on first use: most nginx files set no ssl_ciphers, and a fresh CLI process should not pay for the table.
let suites: readonly Suite[] | undefined;
let byName: Map<string, Suite> | undefined;
function allSuites(): readonly Suite[] { return (suites ??= NAMES.split(/\s+/).filter(Boolean).map(describe)); }
function suiteNamed(name: string): Suite | undefined { return (byName ??= new Map(allSuites().map((s) => [s.name, s]))).get(name); }

type Strength = 'HIGH' | 'MEDIUM' | 'LOW' | 'EXPORT' | 'NONE';

export function strengthOf(s: Suite): Strength {
  if (s.export) return 'EXPORT';
  if (s.enc === 'NULL') return 'NONE';
  if (s.enc === 'DES') return 'LOW';
  if (s.enc === 'RC4' || s.enc === 'SEED' || s.enc === 'IDEA' || s.enc === '3DES') return 'MEDIUM';
  return 'HIGH';
}

const ANON = (s: Suite) => s.au === 'None';
const ALIASES: Record<string, (s: Suite) => boolean> = {
  ALL: (s) => s.enc !== 'NULL',
  COMPLEMENTOFALL: (s) => s.enc === 'NULL',
  DEFAULT: (s) => s.enc !== 'NULL' && !ANON(s),
  COMPLEMENTOFDEFAULT: (s) => ANON(s),
  HIGH: (s) => strengthOf(s) === 'HIGH',
  MEDIUM: (s) => strengthOf(s) === 'MEDIUM',
  LOW: (s) => strengthOf(s) === 'LOW',
  EXPORT: (s) => s.export, EXP: (s) => s.export,
  EXPORT40: (s) => s.export, EXPORT56: (s) => s.export,
  ENULL: (s) => s.enc === 'NULL', NULL: (s) => s.enc === 'NULL',
  ANULL: ANON,
  KRSA: (s) => s.kx === 'RSA', RSA: (s) => s.kx === 'RSA', ARSA: (s) => s.au === 'RSA',
  ADSS: (s) => s.au === 'DSS', DSS: (s) => s.au === 'DSS',
  AECDSA: (s) => s.au === 'ECDSA', ECDSA: (s) => s.au === 'ECDSA',
  KEDH: (s) => s.kx === 'DHE', KDHE: (s) => s.kx === 'DHE',
  EDH: (s) => s.kx === 'DHE' && !ANON(s), DHE: (s) => s.kx === 'DHE' && !ANON(s),
  ADH: (s) => s.kx === 'DHE' && ANON(s),
  KEECDH: (s) => s.kx === 'ECDHE', KECDHE: (s) => s.kx === 'ECDHE',
  EECDH: (s) => s.kx === 'ECDHE' && !ANON(s), ECDHE: (s) => s.kx === 'ECDHE' && !ANON(s),
  AECDH: (s) => s.kx === 'ECDHE' && ANON(s),
  ECDH: (s) => s.kx === 'ECDHE', DH: (s) => s.kx === 'DHE',
  PSK: (s) => s.kx.includes('PSK'), KPSK: (s) => s.kx === 'PSK', APSK: (s) => s.au === 'PSK',
  KRSAPSK: (s) => s.kx === 'RSAPSK', KDHEPSK: (s) => s.kx === 'DHEPSK', KECDHEPSK: (s) => s.kx === 'ECDHEPSK',
  SRP: (s) => s.kx === 'SRP', KSRP: (s) => s.kx === 'SRP', ASRP: (s) => s.au === 'SRP',
  AES: (s) => s.enc.startsWith('AES'), AES128: (s) => s.enc.startsWith('AES') && s.bits === 128,
  AES256: (s) => s.enc.startsWith('AES') && s.bits === 256,
  AESGCM: (s) => s.enc === 'AESGCM', AESCCM: (s) => s.enc === 'AESCCM', AESCCM8: (s) => s.enc === 'AESCCM' && s.name.endsWith('CCM8'),
  CHACHA20: (s) => s.enc === 'CHACHA20',
  CAMELLIA: (s) => s.enc === 'CAMELLIA', CAMELLIA128: (s) => s.enc === 'CAMELLIA' && s.bits === 128, CAMELLIA256: (s) => s.enc === 'CAMELLIA' && s.bits === 256,
  ARIA: (s) => s.enc === 'ARIA', ARIA128: (s) => s.enc === 'ARIA' && s.bits === 128, ARIA256: (s) => s.enc === 'ARIA' && s.bits === 256,
  ARIAGCM: (s) => s.enc === 'ARIA',
  '3DES': (s) => s.enc === '3DES', DES: (s) => s.enc === 'DES', RC4: (s) => s.enc === 'RC4', RC2: (s) => s.name.includes('RC2'),
  IDEA: (s) => s.enc === 'IDEA', SEED: (s) => s.enc === 'SEED',
  MD5: (s) => s.mac === 'MD5', SHA1: (s) => s.mac === 'SHA1', SHA: (s) => s.mac === 'SHA1',
  SHA256: (s) => s.mac === 'SHA256', SHA384: (s) => s.mac === 'SHA384',
  'TLSV1.2': (s) => s.mac !== 'SHA1' && s.mac !== 'MD5', TLSV1: (s) => s.mac === 'SHA1' || s.mac === 'MD5',
  'TLSV1.0': (s) => s.mac === 'SHA1' || s.mac === 'MD5', SSLV3: (s) => s.mac === 'SHA1' || s.mac === 'MD5',
  SUITEB128: (s) => s.au === 'ECDSA' && s.enc === 'AESGCM', SUITEB128ONLY: (s) => s.au === 'ECDSA' && s.enc === 'AESGCM',
  SUITEB192: (s) => s.au === 'ECDSA' && s.enc === 'AESGCM' && s.bits === 256, SUITEB128C2: (s) => s.au === 'ECDSA' && s.enc === 'AESGCM' && s.bits === 256,
};

/** Suites one element part names (`HIGH`, `kEECDH`, `AES128-SHA`...); unknown words match nothing, like OpenSSL. */
function matching(word: string): (s: Suite) => boolean {
  const exact = suiteNamed(word.toUpperCase());
  if (exact) return (s) => s === exact;
  const alias = ALIASES[word.toUpperCase()];
  return alias ?? (() => false);
}

/** A catch-all element that takes whatever the library has. */
export const CATCH_ALL = /^(ALL|DEFAULT|COMPLEMENTOFALL|COMPLEMENTOFDEFAULT)$/i;

export interface CipherElement { op: '' | '-' | '!' | '+'; text: string; parts: string[]; offset: number }

/** The elements of a cipher string, with their offsets in it. */
export function cipherElements(value: string): CipherElement[] {
  const out: CipherElement[] = [];
  const re = /[^:,\s]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const raw = m[0];
    if (raw.startsWith('@')) continue;
    const op = (/^[-!+]/.exec(raw)?.[0] ?? '') as CipherElement['op'];
    const text = raw.slice(op.length);
    out.push({ op, text, parts: text.split('+').filter(Boolean), offset: m.index });
  }
  return out;
}

export interface CipherList {
  /** Enabled suites, each with the last element that selected it. */
  enabled: Map<Suite, CipherElement>;
  elements: CipherElement[];
}

export function evaluateCiphers(value: string): CipherList {
  const elements = cipherElements(value);
  const enabled = new Map<Suite, CipherElement>();
  const killed = new Set<Suite>();
  for (const el of elements) {
    const preds = el.parts.map(matching);
    const hits = allSuites().filter((s) => preds.length > 0 && preds.every((p) => p(s)));
    for (const s of hits) {
      if (el.op === '!') { killed.add(s); enabled.delete(s); }
      else if (el.op === '-') enabled.delete(s);
      else if (el.op === '' && !killed.has(s)) enabled.set(s, el);
    }
  }
  return { enabled, elements };
}

/**
 * The weak families a cipher string enables. CAMELLIA and PSK suites sit inside `HIGH` (nginx's own
 * default `HIGH:!aNULL:!MD5` is acceptable), so they only count when an element names them.
 */
export function weakFamilies(value: string): { families: string[]; elements: CipherElement[] } {
  const { enabled, elements } = evaluateCiphers(value);
  const fams = new Set<string>();
  const culprits = new Set<CipherElement>();
  for (const [s, el] of enabled) {
    const named = (re: RegExp) => el.parts.some((p) => re.test(p));
    const found: string[] = [];
    if (s.export) found.push('EXPORT');
    if (s.enc === 'NULL') found.push('NULL');
    if (s.enc === 'RC4') found.push('RC4');
    if (s.enc === 'DES') found.push('DES');
    if (s.enc === '3DES') found.push('3DES');
    if (s.enc === 'IDEA') found.push('IDEA');
    if (s.enc === 'SEED') found.push('SEED');
    if (s.mac === 'MD5') found.push('MD5');
    if (s.au === 'None') found.push('aNULL (anonymous)');
    if (s.enc === 'CAMELLIA' && named(/CAMELLIA/i)) found.push('CAMELLIA');
    if (s.kx.includes('PSK') && named(/PSK/i)) found.push('PSK');
    for (const f of found) fams.add(f);
    if (found.length) culprits.add(el);
  }
  for (const el of elements) {
    if (el.op === '' && el.parts.length === 1 && CATCH_ALL.test(el.text)) { fams.add(el.text.toUpperCase()); culprits.add(el); }
  }
  return { families: [...fams], elements: elements.filter((e) => culprits.has(e)) };
}

/**
 * Suites Mozilla's intermediate profile allows: 6.0 (ECDHE with AES-GCM or ChaCha20) and 5.7, which
 * also listed the DHE-RSA ones and is still an accepted profile (../shared/reference/mozilla-tls.md).
 */
const MOZILLA_INTERMEDIATE = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384', 'DHE-RSA-CHACHA20-POLY1305',
]);

/** RSA key exchange has no forward secrecy: a stolen server key decrypts every recorded session. */
function withoutForwardSecrecy(s: Suite): boolean {
  return s.kx === 'RSA';
}

/** PSK and SRP suites need credentials nginx never configures: listed or not, no handshake can pick them. */
function needsCredentials(s: Suite): boolean {
  return s.kx.includes('PSK') || s.kx === 'SRP';
}

/** CBC-mode ciphers with a separate MAC (Lucky13, padding oracles); RC4/NULL are weak families of their own. */
function isCbc(s: Suite): boolean {
  return s.mac !== 'AEAD' && s.enc !== 'RC4' && s.enc !== 'NULL';
}

/**
 * Suites the cipher string enables that Mozilla's intermediate list would not: those without forward
 * secrecy and those in CBC mode (each in OpenSSL's order of the string).
 */
export function legacySuites(value: string): { noForwardSecrecy: Suite[]; cbc: Suite[] } {
  const { enabled } = evaluateCiphers(value);
  const noForwardSecrecy: Suite[] = [], cbc: Suite[] = [];
  for (const s of enabled.keys()) {
    if (MOZILLA_INTERMEDIATE.has(s.name) || needsCredentials(s)) continue;
    if (withoutForwardSecrecy(s)) noForwardSecrecy.push(s);
    if (isCbc(s)) cbc.push(s);
  }
  return { noForwardSecrecy, cbc };
}
