/**
 * The nginx tokenizer: words (quoted or not), `{`, `}`, `;` with exact source spans, plus the raw
 * read of a Lua block body. Comments and lexical errors go straight into the `NginxFile` being built.
 */
import type { Span } from '../types';
import type { NginxFile } from './nginx-tree';

export type TokKind = 'word' | '{' | '}' | ';' | 'eof';

function isSpace(c: string): boolean { return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v'; }

/** `isSpace` on a char code (the lexer's hot loops compare codes, not one-character strings). */
function isSpaceCode(c: number): boolean { return c === 32 || (c >= 9 && c <= 13); }

/**
 * Reads tokens between `start` and `end` of `text`. The parser extends this class rather than holding
 * one: the token fields are then read on the parser itself, with no extra hop per token.
 */
export class NginxLexer {
  private pos: number;
  // The one token looked ahead at lives in these fields, not in an object per token: a large file
  // has tens of thousands of tokens, and only the spans kept in the tree need objects of their own.
  private peeked = false;
  private kind: TokKind = 'eof';
  protected tokStart = 0;
  protected tokEnd = 0;
  protected raw = '';
  protected value = '';
  protected quote: '"' | "'" | undefined = undefined;
  protected unterminated = false;

  constructor(protected readonly text: string, start: number, protected readonly end: number, protected readonly out: NginxFile) {
    this.pos = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  }

  protected error(span: Span, message: string): void {
    this.out.errors.push({ span, message });
  }

  /** The kind of the next token (read on first ask; its text and span are in the token fields). */
  protected peek(): TokKind {
    if (!this.peeked) { this.lex(); this.peeked = true; }
    return this.kind;
  }

  /** Consumes the token `peek` saw; its fields stay readable until the next `peek`. */
  protected next(): void {
    this.peek();
    this.peeked = false;
  }

  /** `next` after a `peek` that has read the token. */
  protected consumePeeked(): void {
    this.peeked = false;
  }

  protected tokSpan(): Span {
    return { start: this.tokStart, end: this.tokEnd };
  }

  private setToken(kind: TokKind, start: number, end: number, raw: string, value: string, quote: '"' | "'" | undefined, unterminated: boolean): void {
    this.kind = kind;
    this.tokStart = start;
    this.tokEnd = end;
    this.raw = raw;
    this.value = value;
    this.quote = quote;
    this.unterminated = unterminated;
  }

  private lex(): void {
    const t = this.text;
    const end = this.end;
    let pos = this.pos;
    // Character codes, not one-character strings, in this loop: it runs before every token.
    for (;;) {
      while (pos < end && isSpaceCode(t.charCodeAt(pos))) pos++;
      if (pos >= end) { this.pos = pos; this.setToken('eof', end, end, '', '', undefined, false); return; }
      const s = pos;
      const c = t.charCodeAt(s);
      if (c === 123 /* { */ && (t.charCodeAt(s + 1) === 37 /* % */ || t.charCodeAt(s + 1) === 35 /* # */)) {
        // A Jinja/Twig statement or comment in a config template: not nginx, skipped like a comment.
        const close = t.indexOf(t[s + 1] + '}', s + 2);
        pos = close < 0 || close >= end ? end : close + 2;
        this.out.comments.push({ span: { start: s, end: pos }, text: t.slice(s, pos) });
        continue;
      }
      if (c !== 35 /* # */) break;
      while (pos < end) {
        const e = t.charCodeAt(pos);
        if (e === 10 || e === 13) break;
        pos++;
      }
      this.out.comments.push({ span: { start: s, end: pos }, text: t.slice(s, pos) });
    }
    this.pos = pos;
    const s = pos;
    const c = t[s];
    if ((c === '{' && !this.templateExpressionAt(s)) || c === '}' || c === ';') {
      this.pos++;
      this.setToken(c, s, s + 1, c, c, undefined, false);
      return;
    }
    if (c === '"' || c === "'") this.lexQuoted(c);
    else this.lexWord();
  }

  private lexQuoted(q: '"' | "'"): void {
    const t = this.text;
    const s = this.pos;
    let i = s + 1;
    let value = '';
    const close = t.indexOf(q, i);
    const body = close !== -1 && close < this.end ? t.slice(i, close) : undefined;
    if (body !== undefined && !body.includes('\\')) {
      // No escape inside: the value is a slice of the source (no string built a character at a time).
      value = body;
      i = close;
    }
    while (i < this.end && t[i] !== q) {
      if (t[i] === '\\' && i + 1 < this.end) {
        value += t[i + 1] === q ? q : t[i] + t[i + 1];
        i += 2;
      } else value += t[i++];
    }
    if (i >= this.end) {
      // Recover at the end of the line: the rest of the file is more likely config than string.
      let eol = s;
      while (eol < this.end && t[eol] !== '\n' && t[eol] !== '\r') eol++;
      this.error({ start: s, end: s + 1 }, `unterminated ${q === '"' ? 'double' : 'single'}-quoted string`);
      this.pos = eol;
      this.setToken('word', s, eol, t.slice(s, eol), unescapeQuoted(t.slice(s + 1, eol), q), q, true);
      return;
    }
    this.pos = i + 1;
    const after = t[this.pos];
    if (this.pos < this.end && !isSpace(after) && after !== ';' && after !== '{' && after !== '}' && after !== ')') {
      this.error({ start: this.pos, end: this.pos + 1 }, `unexpected "${after}" after a quoted string (nginx needs a space here)`);
    }
    this.setToken('word', s, this.pos, t.slice(s, this.pos), value, q, false);
  }

  private lexWord(): void {
    const t = this.text;
    const s = this.pos;
    let i = s;
    while (i < this.end) {
      const code = t.charCodeAt(i);
      // Letters, digits and most punctuation end nothing: the common case, decided on the code alone.
      if (code > 125 || (code > 36 && code !== 59 && code !== 92 && code !== 123 && code !== 125)) { i++; continue; }
      const c = t[i];
      if (c === '\\') { i = Math.min(i + 2, this.end); continue; }
      if (isSpace(c) || c === ';' || c === '}') break;
      if (c === '$' && t[i + 1] === '{') {
        // ${var} is one token although it holds braces.
        let j = i + 2;
        while (j < this.end && t[j] !== '}' && !isSpace(t[j])) j++;
        i = j < this.end && t[j] === '}' ? j + 1 : j;
        continue;
      }
      if (c === '{' && this.templateExpressionAt(i)) {
        // A `{{ template expression }}` (Jinja, Go templates) stands for a value: keep it in the token.
        i = this.text.indexOf('}}', i + 2) + 2;
        continue;
      }
      if (c === '{') {
        // A regex quantifier like `(a|b){1,3}` left unquoted: nginx would open a block here.
        const q = /^\{\d+(,\d*)?\}/.exec(t.slice(i, Math.min(i + 24, this.end)));
        if (q && i > s) {
          this.error({ start: i, end: i + q[0].length }, 'unquoted "{" in a regular expression: nginx reads it as the start of a block; put the argument in quotes');
          i += q[0].length;
          continue;
        }
        break;
      }
      i++;
    }
    if (i === s) i = s + 1; // never an empty token (the lexer must always advance)
    this.pos = i;
    const raw = t.slice(s, i);
    this.setToken('word', s, i, raw, raw, undefined, false);
  }

  /** `{{ ... }}` closed on the same line. */
  private templateExpressionAt(i: number): boolean {
    if (this.text[i + 1] !== '{') return false;
    const close = this.text.indexOf('}}', i + 2);
    return close >= 0 && close + 2 <= this.end && !/[\r\n]/.test(this.text.slice(i, close));
  }

  /** Reads a Lua body after its `{` up to the matching `}`; returns the body span and the close brace. */
  protected lexLua(): { body: Span; close?: Span } {
    const t = this.text;
    const start = this.pos;
    let depth = 1;
    let i = start;
    while (i < this.end) {
      const c = t[i];
      if (c === '-' && t[i + 1] === '-') {
        const long = /^\[(=*)\[/.exec(t.slice(i + 2, i + 40));
        if (long) i = skipLongBracket(t, i + 2 + long[0].length, long[1], this.end);
        else { while (i < this.end && t[i] !== '\n') i++; }
        continue;
      }
      if (c === '[') {
        const long = /^\[(=*)\[/.exec(t.slice(i, i + 40));
        if (long) { i = skipLongBracket(t, i + long[0].length, long[1], this.end); continue; }
      }
      if (c === '"' || c === "'") {
        i++;
        while (i < this.end && t[i] !== c && t[i] !== '\n') i += t[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos = i + 1;
        return { body: { start, end: i }, close: { start: i, end: i + 1 } };
      }
      i++;
    }
    this.pos = this.end;
    return { body: { start, end: this.end } };
  }

  /** True when only blanks separate the offset from the previous line break. */
  protected startsLine(start: number): boolean {
    for (let i = start - 1; i >= 0; i--) {
      const c = this.text[i];
      if (c === '\n' || c === '\r') return true;
      if (c !== ' ' && c !== '\t') return false;
    }
    return true;
  }
}

function skipLongBracket(t: string, from: number, eq: string, end: number): number {
  const close = `]${eq}]`;
  const j = t.indexOf(close, from);
  return j < 0 || j >= end ? end : j + close.length;
}

function unescapeQuoted(body: string, q: string): string {
  return body.replace(/\\(.)/gs, (m, c: string) => (c === q ? q : m));
}
