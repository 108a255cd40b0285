import type { ParseError, Span } from '../types';

/**
 * The `.env` parser. Values must equal what `dotenv.parse` (the npm package) returns for the same
 * text, so the entry grammar below is dotenv's own line expression (dotenv 16-18, `lib/main.js`
 * LINE), with named groups added to recover source spans (`d` flag). Capture groups do not change
 * what a regular expression matches, so parity holds by construction; the property test in
 * test/engine/parse/dotenv.property.test.ts checks it against the installed package anyway.
 *
 * Like dotenv, the grammar runs on the text with CRLF / CR turned into LF; every span is mapped
 * back to offsets of the original text.
 */

export type EnvQuote = "'" | '"' | '`';

export interface EnvEntry {
  key: string;
  /** Exactly what `dotenv.parse` yields for this line (quotes removed, `\n` expanded in double quotes). */
  value: string;
  keySpan: Span;
  /** `export ` before the key. */
  exportSpan?: Span;
  /** The value as written, quotes included, without surrounding blanks. Empty span right after the separator when there is no value. */
  rawSpan: Span;
  /** The value inside its quotes (equal to rawSpan when unquoted). */
  valueSpan: Span;
  quote?: EnvQuote;
  /** `=` or `:` (dotenv also reads `KEY: value`). */
  separator: '=' | ':';
  /** An inline `# comment` after the value, on the value's last line. */
  commentSpan?: Span;
  /** From `export`/the key to the end of the value (or comment) on its last line. */
  span: Span;
  /** 0-based lines of the key and of the end of the value. */
  line: number;
  endLine: number;
}

export interface EnvFile {
  /** Every entry in file order; a later entry of the same key wins (dotenv semantics). */
  entries: EnvEntry[];
  errors: ParseError[];
}

const LINE = /^(?<lead>\s*)(?:(?<export>export)\s+)?(?<key>[\w.-]+)(?<sep>\s*=\s*?|:\s+?)(?<value>\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?<comment>#.*)?$/dgm;

const QUOTES = new Set(["'", '"', '`']);

/** Never throws. */
export function parseDotenv(text: string): EnvFile {
  const norm = normalizeEol(text);
  const map = norm.toOriginal;
  const src = norm.text;
  const entries: EnvEntry[] = [];
  const lineStarts = lineStartsOf(src);
  const lineOf = (offset: number) => lineAt(lineStarts, offset);
  const covered = new Uint8Array(lineStarts.length);
  const errors: ParseError[] = [];

  const re = new RegExp(LINE.source, LINE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const g = m.indices!.groups!;
    const groups = m.groups!;
    const keyStart = g.key[0];
    const sepEnd = g.sep[1];
    const rawGroup = groups.value ?? '';
    const rawGroupStart = g.value ? g.value[0] : sepEnd;
    const lead = rawGroup.length - rawGroup.trimStart().length;
    const trimmed = rawGroup.trim();
    const rawStart = rawGroupStart + lead;
    const rawEnd = rawStart + trimmed.length;
    const value = dotenvValue(rawGroup);
    const q = trimmed[0];
    const quoted = trimmed.length >= 2 && QUOTES.has(q) && trimmed[trimmed.length - 1] === q;
    const entryStart = g.export ? g.export[0] : keyStart;
    const comment = g.comment && lineOf(g.comment[0]) === lineOf(Math.max(rawEnd, sepEnd)) ? g.comment : undefined;
    const end = comment ? comment[1] : Math.max(rawEnd, sepEnd);
    const line = lineOf(keyStart);
    const endLine = lineOf(end);
    for (let l = line; l <= endLine; l++) covered[l] = 1;
    // A trailing `\s*#...` may run on into later comment lines: they are comments anyway.
    const quoteErr = quoteError(src, groups.key, rawStart, rawEnd, quoted ? q : undefined, lineStarts);
    if (quoteErr) errors.push({ ...quoteErr, span: span(map, quoteErr.span.start, quoteErr.span.end) });
    entries.push({
      key: groups.key,
      value,
      keySpan: span(map, keyStart, g.key[1]),
      ...(g.export ? { exportSpan: span(map, g.export[0], g.export[1]) } : {}),
      rawSpan: span(map, rawStart, rawEnd),
      valueSpan: quoted ? span(map, rawStart + 1, rawEnd - 1) : span(map, rawStart, rawEnd),
      ...(quoted ? { quote: q as EnvQuote } : {}),
      separator: groups.sep.includes('=') ? '=' : ':',
      ...(comment ? { commentSpan: span(map, comment[0], comment[1]) } : {}),
      span: span(map, entryStart, end),
      line, endLine,
    });
  }

  for (let l = 0; l < lineStarts.length; l++) {
    if (covered[l]) continue;
    const err = lineError(src, lineStarts, l);
    if (err) errors.push({ ...err, span: span(map, err.span.start, err.span.end) });
  }
  errors.sort((a, b) => a.span.start - b.span.start);
  return { entries, errors };
}

/** dotenv's value post-processing, step for step. */
function dotenvValue(rawGroup: string): string {
  let v = rawGroup.trim();
  const maybeQuote = v[0];
  v = v.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (maybeQuote === '"') v = v.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return v;
}

/** The last value of every key, as `dotenv.parse` returns them. */
export function envValues(file: EnvFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of file.entries) out.set(e.key, e.value);
  return out;
}

/** The entry that wins for a key (the last one). */
export function lastEntry(file: EnvFile, key: string): EnvEntry | undefined {
  for (let i = file.entries.length - 1; i >= 0; i--) if (file.entries[i].key === key) return file.entries[i];
  return undefined;
}

const BARE_NAME = /^(?:export\s+)?[A-Za-z_][\w.-]*$/;

function lineError(src: string, starts: number[], l: number): ParseError | undefined {
  const start = starts[l];
  const end = l + 1 < starts.length ? starts[l + 1] - 1 : src.length;
  const text = src.slice(start, end);
  const body = text.trim();
  if (!body || body.startsWith('#')) return undefined;
  const from = start + (text.length - text.trimStart().length);
  const to = from + body.length;
  if (BARE_NAME.test(body)) {
    return {
      span: { start: from, end: to }, severity: 'warning',
      message: "This line has no '=': dotenv ignores it (docker compose reads a bare name as a variable inherited from the shell).",
    };
  }
  const eq = body.search(/[=:]/);
  if (eq > 0) {
    const key = body.slice(0, eq).replace(/^export\s+/, '').trimEnd();
    const keyFrom = from + body.indexOf(key, body.startsWith('export') ? 6 : 0);
    if (key && /[^\w.-]/.test(key)) {
      return {
        span: { start: keyFrom, end: keyFrom + key.length },
        message: 'Invalid key: dotenv only accepts letters, digits, `_`, `.` and `-` in a name, and ignores this line.',
      };
    }
  }
  return { span: { start: from, end: to }, message: 'Expected KEY=VALUE, a comment or a blank line: dotenv ignores this line.' };
}

const ENTRY_LIKE = /^\s*(?:export\s+)?[A-Z][A-Z0-9_]*=(?!=*\s*$)/;

/**
 * An opening quote that dotenv does not see closed (it then keeps the quote in the value), or a
 * quoted value running over lines that look like entries of their own (a closing quote is missing).
 * Offsets are in the normalised text.
 */
function quoteError(src: string, key: string, rawStart: number, rawEnd: number, quote: string | undefined, starts: number[]): ParseError | undefined {
  const raw = src.slice(rawStart, rawEnd);
  if (quote === undefined) {
    const q = raw[0];
    if (!QUOTES.has(q)) return undefined;
    const lineEnd = src.indexOf('\n', rawStart);
    const restOfLine = src.slice(rawStart + 1, lineEnd === -1 ? src.length : lineEnd);
    // Closed later on the line but followed by text: env/truncated-value explains that case.
    if (restOfLine.includes(q)) return undefined;
    return {
      span: { start: rawStart, end: rawStart + 1 },
      message: `Unterminated ${quoteName(q)} quote: dotenv keeps the quote character as part of the value of ${key}.`,
    };
  }
  const startLine = lineAt(starts, rawStart);
  const endLine = lineAt(starts, rawEnd);
  if (endLine === startLine) return undefined;
  const swallowed = raw.split('\n').slice(1).filter((t) => ENTRY_LIKE.test(t)).map((t) => /[A-Z][A-Z0-9_]*/.exec(t)![0]);
  if (!swallowed.length) return undefined;
  const names = swallowed.slice(0, 3).join(', ') + (swallowed.length > 3 ? ', ...' : '');
  return {
    span: { start: rawStart, end: rawStart + 1 }, severity: 'warning',
    message: `The ${quoteName(quote)} quote of ${key} only closes on line ${endLine + 1}: dotenv reads ${names} as part of its value. Is a closing quote missing?`,
  };
}

function quoteName(q: string): string {
  return q === '"' ? 'double' : q === "'" ? 'single' : 'backtick';
}

function span(map: (o: number) => number, start: number, end: number): Span {
  return { start: map(start), end: map(end) };
}

function lineStartsOf(s: string): number[] {
  const out = [0];
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** dotenv turns `\r\n` and lone `\r` into `\n`; keep a map back to the original offsets. */
function normalizeEol(text: string): { text: string; toOriginal: (o: number) => number } {
  if (!text.includes('\r')) return { text, toOriginal: (o) => o };
  const collapsed: number[] = []; // normalised offsets of `\n` that stand for `\r\n`
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 13) continue;
    out += text.slice(last, i) + '\n';
    if (text.charCodeAt(i + 1) === 10) { collapsed.push(out.length - 1); i++; }
    last = i + 1;
  }
  out += text.slice(last);
  return {
    text: out,
    toOriginal: (o) => {
      let lo = 0, hi = collapsed.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (collapsed[mid] < o) lo = mid + 1; else hi = mid; }
      return o + lo;
    },
  };
}
