import type { Span } from '../types';

/** The operators of compose interpolation (ARCHITECTURE.md, Cross-file model); `:+`/`+` are compose v2's "replacement if set". */
export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

/** One `${VAR...}` or `$VAR` reference. Spans are offsets into the scanned string plus `base`. */
export interface VarRef {
  name: string;
  braced: boolean;
  operator?: InterpolationOperator;
  /** The default (`:-`, `-`), the error message (`:?`, `?`) or the replacement (`:+`, `+`), raw. */
  arg?: string;
  span: Span;
  nameSpan: Span;
  argSpan?: Span;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS: InterpolationOperator[] = [':-', ':?', ':+', '-', '?', '+'];

/**
 * Finds every interpolation reference in a compose value, the way compose reads it: `$$` is a literal
 * dollar, `${A:-${B}}` nests, and an unterminated `${` is not a reference (compose rejects it; the
 * syntax is not ours to report twice).
 */
export function scanInterpolation(text: string, base = 0): VarRef[] {
  const out: VarRef[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '$') { i++; continue; }
    const next = text[i + 1];
    if (next === '$') { i += 2; continue; }
    if (next === '{') {
      const ref = readBraced(text, i, base);
      if (ref) { out.push(ref.ref); i = ref.end; continue; }
      i += 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      out.push({ name: text.slice(i + 1, j), braced: false, span: { start: base + i, end: base + j }, nameSpan: { start: base + i + 1, end: base + j } });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

function readBraced(text: string, at: number, base: number): { ref: VarRef; end: number } | undefined {
  let j = at + 2;
  if (j >= text.length || !NAME_START.test(text[j])) return undefined;
  while (j < text.length && NAME_CHAR.test(text[j])) j++;
  const nameSpan = { start: base + at + 2, end: base + j };
  const name = text.slice(at + 2, j);
  if (text[j] === '}') return { ref: { name, braced: true, span: { start: base + at, end: base + j + 1 }, nameSpan }, end: j + 1 };
  const operator = OPERATORS.find((op) => text.startsWith(op, j));
  if (!operator) return undefined;
  const argStart = j + operator.length;
  let depth = 1;
  let k = argStart;
  while (k < text.length) {
    if (text[k] === '$' && text[k + 1] === '$') { k += 2; continue; }
    if (text[k] === '$' && text[k + 1] === '{') { depth++; k += 2; continue; }
    if (text[k] === '}' && --depth === 0) break;
    k++;
  }
  if (k >= text.length) return undefined;
  return {
    ref: {
      name, braced: true, operator, arg: text.slice(argStart, k),
      span: { start: base + at, end: base + k + 1 }, nameSpan, argSpan: { start: base + argStart, end: base + k },
    },
    end: k + 1,
  };
}

/** True when the value reads anything from the environment (not counting `$$` escapes). */
export function hasInterpolation(text: string): boolean { return scanInterpolation(text).length > 0; }

/**
 * The value compose would see when every variable is unset: defaults used, `$$` unescaped.
 * `undefined` when a reference has no default (its value cannot be known from this file).
 */
export function withDefaults(text: string): string | undefined {
  const refs = scanInterpolation(text);
  let out = '';
  let pos = 0;
  for (const r of refs) {
    out += text.slice(pos, r.span.start).replace(/\$\$/g, '$');
    if (r.operator === ':-' || r.operator === '-') {
      const inner = withDefaults(r.arg ?? '');
      if (inner === undefined) return undefined;
      out += inner;
    } else if (r.operator === ':+' || r.operator === '+') {
      out += '';
    } else {
      return undefined;
    }
    pos = r.span.end;
  }
  return out + text.slice(pos).replace(/\$\$/g, '$');
}

/** Where a variable's value comes from (the project's `.env`); undefined = unset. */
export type Lookup = (name: string) => string | undefined;

/** `text` with every reference replaced; undefined when a value cannot be known (unset, no default, or `:?`). */
export function interpolate(text: string, lookup: Lookup, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  let out = '';
  let pos = 0;
  for (const r of scanInterpolation(text)) {
    out += text.slice(pos, r.span.start).replace(/\$\$/g, '$');
    const value = lookup(r.name);
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    let part: string | undefined;
    switch (r.operator) {
      case undefined: part = value; break;
      case ':-': part = nonEmpty ? value : interpolate(r.arg ?? '', lookup, depth + 1); break;
      case '-': part = set ? value : interpolate(r.arg ?? '', lookup, depth + 1); break;
      case ':?': part = nonEmpty ? value : undefined; break;
      case '?': part = set ? value : undefined; break;
      case ':+': part = nonEmpty ? interpolate(r.arg ?? '', lookup, depth + 1) : ''; break;
      case '+': part = set ? interpolate(r.arg ?? '', lookup, depth + 1) : ''; break;
    }
    if (part === undefined) return undefined;
    out += part;
    pos = r.span.end;
  }
  return out + text.slice(pos).replace(/\$\$/g, '$');
}
