/**
 * Just enough of PCRE to answer what the injection rules ask about a regex: which capturing
 * groups it has (numbered and named) and whether a group can match a given character
 * (a newline for response splitting, a dot for a host name). The answer over-approximates:
 * a group can contain a character when any of its atoms can match it.
 */

export interface Capture {
  index: number; name?: string; body: string;
  /** Offsets of the group's `(` and of its `)` (the pattern's length when it is never closed). */
  open: number; close: number;
}

/** Capturing groups of a pattern, in PCRE numbering. */
export function capturesOf(pattern: string): Capture[] {
  const out: Capture[] = [];
  const open: { start: number; capture?: Capture }[] = [];
  let n = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') { i = classEnd(pattern, i); continue; }
    if (c === '(') {
      const rest = pattern.slice(i + 1);
      const named = /^\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
      if (named) {
        const cap: Capture = { index: ++n, name: named[1] ?? named[2], body: '', open: i, close: pattern.length };
        out.push(cap);
        open.push({ start: i + 1 + named[0].length, capture: cap });
        i += named[0].length;
      } else if (rest.startsWith('?')) open.push({ start: i + 1 });
      else {
        const cap: Capture = { index: ++n, body: '', open: i, close: pattern.length };
        out.push(cap);
        open.push({ start: i + 1, capture: cap });
      }
      continue;
    }
    if (c === ')') {
      const g = open.pop();
      if (g?.capture) { g.capture.body = pattern.slice(g.start, i); g.capture.close = i; }
    }
  }
  for (const g of open) if (g.capture) g.capture.body = pattern.slice(g.start);
  return out;
}

/** Index of the `]` closing the class that opens at `i` (a `]` right after `[` or `[^` is literal). */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') { j++; continue; }
    if (p[j] === ']') return j;
  }
  return p.length - 1;
}

const WORD = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const SPACE = /[ \t\n\r\f\v]/;

function escapeMatches(e: string, ch: string): boolean {
  switch (e) {
    case 'w': return WORD.test(ch);
    case 'W': return !WORD.test(ch);
    case 'd': return DIGIT.test(ch);
    case 'D': return !DIGIT.test(ch);
    case 's': return SPACE.test(ch);
    case 'S': return !SPACE.test(ch);
    case 'h': return ch === ' ' || ch === '\t';
    case 'H': return ch !== ' ' && ch !== '\t';
    case 'v': case 'R': return ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
    case 'V': case 'N': return ch !== '\n' && ch !== '\r';
    case 'n': return ch === '\n';
    case 'r': return ch === '\r';
    case 't': return ch === '\t';
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': return false;
    default: return e === ch;
  }
}

function classMatches(body: string, ch: string): boolean {
  let negate = false;
  let i = 0;
  if (body[0] === '^') { negate = true; i = 1; }
  let hit = false;
  const items: { lo: string; hi: string; esc?: string }[] = [];
  for (; i < body.length; i++) {
    let lo = body[i];
    let esc: string | undefined;
    if (lo === '[' && body[i + 1] === ':') {
      const end = body.indexOf(':]', i + 2);
      if (end > 0) {
        const cls = body.slice(i + 2, end).replace(/^\^/, '');
        const neg = body[i + 2] === '^';
        const m = posixClass(cls, ch);
        if (m !== neg) hit = true;
        i = end + 1;
        continue;
      }
    }
    if (lo === '\\') { esc = body[i + 1]; lo = esc; i++; }
    if (!esc && body[i + 1] === '-' && i + 2 < body.length) {
      let hi = body[i + 2];
      if (hi === '\\') { hi = body[i + 3]; i++; }
      items.push({ lo, hi });
      i += 2;
      continue;
    }
    items.push(esc ? { lo, hi: lo, esc } : { lo, hi: lo });
  }
  for (const it of items) {
    if (it.esc ? escapeMatches(it.esc, ch) : ch >= it.lo && ch <= it.hi) hit = true;
  }
  return negate ? !hit : hit;
}

function posixClass(name: string, ch: string): boolean {
  switch (name) {
    case 'alpha': return /[A-Za-z]/.test(ch);
    case 'digit': return DIGIT.test(ch);
    case 'alnum': return /[A-Za-z0-9]/.test(ch);
    case 'space': return SPACE.test(ch);
    case 'word': return WORD.test(ch);
    case 'punct': return /[!-/:-@[-`{-~]/.test(ch);
    case 'print': case 'graph': return /[ -~]/.test(ch);
    default: return true;
  }
}

/** Whether some string the pattern (a group's body) matches can contain `ch`. */
export function canContain(pattern: string, ch: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      i++;
      if (e === 'Q') {
        const end = pattern.indexOf('\\E', i);
        const lit = pattern.slice(i + 1, end < 0 ? undefined : end);
        if (lit.includes(ch)) return true;
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (/[pPx0-9]/.test(e)) { if (/[pP]/.test(e) && pattern[i + 1] === '{') i = pattern.indexOf('}', i); continue; }
      if (escapeMatches(e, ch)) return true;
      continue;
    }
    if (c === '[') {
      const end = classEnd(pattern, i);
      if (classMatches(pattern.slice(i + 1, end), ch)) return true;
      i = end;
      continue;
    }
    if (c === '(') {
      // Lookarounds and comments consume nothing; their content is skipped.
      const m = /^\(\?(?:[=!]|<[=!]|#)/.exec(pattern.slice(i));
      if (m) { i = groupEnd(pattern, i); continue; }
      const opt = /^\(\?(?:P?<\w+>|'\w+'|[:>|]|[a-zA-Z-]*:?)/.exec(pattern.slice(i));
      if (opt) i += opt[0].length - 1;
      continue;
    }
    if (c === '{') {
      const q = /^\{\d*(,\d*)?\}/.exec(pattern.slice(i));
      if (q) { i += q[0].length - 1; continue; }
    }
    if (c === '.') { if (ch !== '\n') return true; continue; }
    if ('^$|)*+?'.includes(c)) continue;
    if (c === ch) return true;
  }
  return false;
}

function groupEnd(p: string, i: number): number {
  let depth = 0;
  for (let j = i; j < p.length; j++) {
    if (p[j] === '\\') { j++; continue; }
    if (p[j] === '[') { j = classEnd(p, j); continue; }
    if (p[j] === '(') depth++;
    if (p[j] === ')' && --depth === 0) return j;
  }
  return p.length;
}

/** Whether every match of the pattern starts with `ch` (a `/` makes a URI path). */
export function startsWith(pattern: string, ch: string): boolean {
  const p = pattern.replace(/^\^/, '');
  if (p.startsWith('\\')) return p[1] === ch && !/[A-Za-z0-9]/.test(ch);
  return p[0] === ch && !/[*?{]/.test(p[1] ?? '');
}
