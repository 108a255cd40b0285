/**
 * nginx config parser with exact source spans (reference: ../shared/reference/nginx-syntax.md).
 *
 * The tree:
 *   NginxFile      { directives, comments, errors, sections }
 *   NginxDirective { name, nameSpan, args[], span, block?, open?, close?, lua?, parent?, section? }
 *     - `span` covers the whole statement: from the name to its `;`, or to the `}` of its block
 *       (to the last token read when the statement is cut short by an error).
 *     - `block` is the list of children when the directive has `{ ... }` (`open`/`close` are the
 *       brace spans; `close` is undefined when the file ends first). `*_by_lua_block` bodies are
 *       not nginx: they are kept opaque in `lua` and such directives have no `block`.
 *     - `parent` is the enclosing block directive (undefined at the top level of the file).
 *   NginxArg { raw, value, span, quote? }: `raw` is the source text of the token, `value` what nginx
 *     reads (quotes removed, `\"` inside double quotes -> `"`; every other escape kept verbatim).
 *     The parentheses of an `if (...)` condition are stripped from its first and last argument, like
 *     nginx's rewrite module does; `NginxDirective.condition` keeps the span of the whole `( ... )`.
 *   sections: for `nginx -T` dumps, one entry per `# configuration file /path:` part; each part is
 *     parsed on its own (an error in one file does not spill into the next) and its directives carry
 *     `section` = the index. Empty for a normal file.
 *
 * The parser never throws: problems become positioned `errors` (reported by `nginx/syntax`).
 * A file may be a fragment (bare directives or `server { }` blocks): the parser does not care which
 * context the top level is; `engine/nginx/context.ts` guesses it.
 */
import type { ParseError, Span } from '../types';
import { directiveName, looksLikeDirectiveName, PAIR_BLOCKS } from './nginx-directives';

export interface NginxArg {
  raw: string;
  value: string;
  span: Span;
  quote?: '"' | "'";
}

export interface NginxComment { span: Span; text: string }

export interface NginxDirective {
  name: string;
  nameSpan: Span;
  args: NginxArg[];
  span: Span;
  block?: NginxDirective[];
  open?: Span;
  close?: Span;
  /** The opaque body of a `*_by_lua_block`, between its braces. */
  lua?: { span: Span; text: string };
  /** For `if`: the span of `( ... )`. */
  condition?: Span;
  parent?: NginxDirective;
  /** Index into `NginxFile.sections` (nginx -T dumps only). */
  section?: number;
}

export interface NginxSection { path: string; span: Span; directives: NginxDirective[] }

export interface NginxFile {
  directives: NginxDirective[];
  comments: NginxComment[];
  errors: ParseError[];
  sections: NginxSection[];
}

type TokKind = 'word' | '{' | '}' | ';' | 'eof';

/** A placeholder until a directive's arguments are read (never left in the tree). */
const NO_ARGS: NginxArg[] = [];

/** Deepest block nesting read; deeper blocks are reported and skipped (see `parseBlock`). */
const MAX_NESTING = 100;

const DUMP_MARKER = /^# configuration file ([^\r\n]+):[ \t]*\r?$/gm;
const DUMP_MARKER_TEXT = '# configuration file ';

export function parseNginx(text: string): NginxFile {
  const out: NginxFile = { directives: [], comments: [], errors: [], sections: [] };
  try {
    // The marker's fixed text is searched first: a regex scan over every line start of a large file costs more.
    const markers = text.includes(DUMP_MARKER_TEXT) ? [...text.matchAll(DUMP_MARKER)] : [];
    if (markers.length === 0) {
      out.directives = new Parser(text, 0, text.length, out).parseAll();
      return out;
    }
    // Anything before the first marker (nginx -T prints "syntax is ok" lines there) is not config.
    markers.forEach((m, i) => {
      const start = m.index!;
      const end = i + 1 < markers.length ? markers[i + 1].index! : text.length;
      const bodyStart = start + m[0].length;
      const dirs = new Parser(text, bodyStart, end, out).parseAll();
      for (const d of dirs) walkAll(d, (x) => { x.section = i; });
      out.sections.push({ path: m[1].trim(), span: { start, end }, directives: dirs });
      out.directives.push(...dirs);
    });
    if (markers[0].index! > 0) out.comments.unshift({ span: { start: 0, end: markers[0].index! }, text: text.slice(0, markers[0].index!) });
  } catch (e) {
    // A bug here must not take the linter down: keep what was parsed and say where it stopped.
    out.errors.push({ span: { start: 0, end: Math.min(1, text.length) }, message: `internal parser error: ${(e as Error).message}` });
  }
  return out;
}

function walkAll(d: NginxDirective, fn: (d: NginxDirective) => void): void {
  fn(d);
  for (const c of d.block ?? []) walkAll(c, fn);
}

function isSpace(c: string): boolean { return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v'; }

/** `isSpace` on a char code (the lexer's hot loops compare codes, not one-character strings). */
function isSpaceCode(c: number): boolean { return c === 32 || (c >= 9 && c <= 13); }

class Parser {
  private pos: number;
  // The one token looked ahead at lives in these fields, not in an object per token: a large file
  // has tens of thousands of tokens, and only the spans kept in the tree need objects of their own.
  private peeked = false;
  private kind: TokKind = 'eof';
  private tokStart = 0;
  private tokEnd = 0;
  private raw = '';
  private value = '';
  private quote: '"' | "'" | undefined = undefined;
  private unterminated = false;
  private readonly argBuffer: NginxArg[] = [];

  constructor(private readonly text: string, start: number, private readonly end: number, private readonly out: NginxFile) {
    this.pos = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  }

  parseAll(): NginxDirective[] {
    return this.parseBlock(undefined);
  }

  private error(span: Span, message: string, severity?: ParseError['severity']): void {
    this.out.errors.push(severity ? { span, message, severity } : { span, message });
  }

  // ---- lexer ----

  /** The kind of the next token (read on first ask; its text and span are in the token fields). */
  private peek(): TokKind {
    if (!this.peeked) { this.lex(); this.peeked = true; }
    return this.kind;
  }

  /** Consumes the token `peek` saw; its fields stay readable until the next `peek`. */
  private next(): void {
    this.peek();
    this.peeked = false;
  }

  private tokSpan(): Span {
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
  private lexLua(): { body: Span; close?: Span } {
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

  // ---- parser ----

  private depth = 0;

  private parseBlock(parent: NginxDirective | undefined): NginxDirective[] {
    if (parent && this.depth >= MAX_NESTING) {
      // Real configs nest a handful of levels; thousands would overflow the stack here and in every walk of the tree.
      this.error(parent.open ?? parent.nameSpan, `blocks nested more than ${MAX_NESTING} levels deep: the inside of this block is not read`);
      this.skipBlockBody();
      return [];
    }
    this.depth++;
    try {
      return this.parseBlockItems(parent);
    } finally {
      this.depth--;
    }
  }

  /** Consumes tokens up to (not including) the `}` that closes the current block, or to the end. */
  private skipBlockBody(): void {
    let open = 0;
    for (;;) {
      const kind = this.peek();
      if (kind === 'eof' || (kind === '}' && open === 0)) return;
      this.next();
      if (kind === '{') open++;
      else if (kind === '}') open--;
    }
  }

  private parseBlockItems(parent: NginxDirective | undefined): NginxDirective[] {
    const list: NginxDirective[] = [];
    const inPairs = parent !== undefined && PAIR_BLOCKS.has(parent.name);
    for (;;) {
      const kind = this.peek();
      if (kind === 'eof') {
        if (parent) this.error(parent.open ?? parent.nameSpan, `unexpected end of file, expecting "}" to close "${parent.name}"`);
        return list;
      }
      if (kind === '}') {
        if (parent) return list;
        this.next();
        this.error(this.tokSpan(), 'unexpected "}"');
        continue;
      }
      if (kind === ';') {
        this.next();
        this.error(this.tokSpan(), 'unexpected ";"');
        continue;
      }
      if (kind === '{') {
        this.next();
        const span = this.tokSpan();
        this.error(span, 'unexpected "{" (a block without a directive name)');
        // Read the anonymous block to keep the braces balanced, then drop it.
        const anon: NginxDirective = { name: '', nameSpan: span, args: [], span, open: span, parent };
        this.parseBlock(anon);
        if (this.peek() === '}') this.next();
        continue;
      }
      const raw = this.raw;
      if (raw.length >= 4 && raw.startsWith('{{') && raw.endsWith('}}')) {
        // A template statement in directive position (`{{ end }}`, `{{ custom_config }}`): not nginx.
        this.next();
        this.out.comments.push({ span: this.tokSpan(), text: raw });
        continue;
      }
      list.push(this.parseDirective(parent, inPairs));
    }
  }

  /** Reads the directive whose name is the current (word) token. `inPairs`: the parent is a `map`-like block. */
  private parseDirective(parent: NginxDirective | undefined, inPairs: boolean): NginxDirective {
    this.next();
    const d: NginxDirective = {
      name: directiveName(this.value), nameSpan: this.tokSpan(), args: NO_ARGS,
      span: { start: this.tokStart, end: this.tokEnd }, parent,
    };
    // The arguments are gathered in a buffer and copied to an array of their exact size: an array grown
    // by `push` from empty keeps room for 16, and the tree holds one argument list per directive.
    const buf = this.argBuffer;
    let count = 0;
    let cut: 'semicolon' | 'quote' | undefined;
    while (this.peek() === 'word') {
      // Cheapest tests first: most arguments stop at `count > 0` or because they do not start a line.
      if (!inPairs && count > 0 && this.quote === undefined && d.name !== 'if' && this.startsLine(this.tokStart) && looksLikeDirectiveName(this.value)) {
        cut = 'semicolon';
        break;
      }
      this.next();
      const span = { start: this.tokStart, end: this.tokEnd };
      buf[count++] = this.quote ? { raw: this.raw, value: this.value, span, quote: this.quote } : { raw: this.raw, value: this.value, span };
      d.span.end = this.tokEnd;
      // The open quote most likely swallowed the `;`: one error is enough.
      if (this.unterminated) { cut = 'quote'; break; }
    }
    d.args = buf.slice(0, count);
    if (cut === 'semicolon') this.missingSemicolon(d);
    else if (cut === undefined) this.directiveEnd(d);
    if (d.name === 'if') stripCondition(d);
    return d;
  }

  /** After the arguments: the `;`, or the block (a Lua body is read raw), or the error of a missing `;`. */
  private directiveEnd(d: NginxDirective): void {
    const kind = this.peek();
    if (kind === ';') {
      this.next();
      d.span.end = this.tokEnd;
      return;
    }
    if (kind === '{') {
      this.next();
      const open = this.tokSpan();
      d.open = open;
      if (d.name.endsWith('_by_lua_block')) {
        const { body, close } = this.lexLua();
        d.lua = { span: body, text: this.text.slice(body.start, body.end) };
        if (close) { d.close = close; d.span.end = close.end; } else {
          d.span.end = body.end;
          this.error(open, `unexpected end of file, expecting "}" to close "${d.name}"`);
        }
        return;
      }
      d.block = this.parseBlock(d);
      if (this.peek() === '}') {
        this.next();
        d.close = this.tokSpan();
        d.span.end = this.tokEnd;
      } else {
        d.span.end = lastEnd(d);
      }
      return;
    }
    // `}` or end of file before the `;`.
    this.missingSemicolon(d);
  }

  private missingSemicolon(d: NginxDirective): void {
    const at = d.args.length ? d.args[d.args.length - 1].span : d.nameSpan;
    this.error(at, `directive "${d.name}" is not terminated by ";"`);
  }

  /** True when only blanks separate the offset from the previous line break. */
  private startsLine(start: number): boolean {
    for (let i = start - 1; i >= 0; i--) {
      const c = this.text[i];
      if (c === '\n' || c === '\r') return true;
      if (c !== ' ' && c !== '\t') return false;
    }
    return true;
  }
}

function lastEnd(d: NginxDirective): number {
  const last = d.block?.[d.block.length - 1];
  return Math.max(d.open?.end ?? d.nameSpan.end, last?.span.end ?? 0);
}

function skipLongBracket(t: string, from: number, eq: string, end: number): number {
  const close = `]${eq}]`;
  const j = t.indexOf(close, from);
  return j < 0 || j >= end ? end : j + close.length;
}

function unescapeQuoted(body: string, q: string): string {
  return body.replace(/\\(.)/gs, (m, c: string) => (c === q ? q : m));
}

/** `if ($a ~ b)` -> args `$a`, `~`, `b`; the parentheses become `condition`. */
function stripCondition(d: NginxDirective): void {
  const args = d.args;
  if (!args.length || args[0].quote || !args[0].raw.startsWith('(')) return;
  const open = args[0].span.start;
  let close = args[args.length - 1].span.end;
  const first = args[0];
  if (first.raw === '(') args.shift();
  else args[0] = { raw: first.raw.slice(1), value: first.value.slice(1), span: { start: first.span.start + 1, end: first.span.end } };
  const last = args[args.length - 1];
  if (last && !last.quote && last.raw.endsWith(')')) {
    if (last.raw === ')') args.pop();
    else args[args.length - 1] = { raw: last.raw.slice(0, -1), value: last.value.slice(0, -1), span: { start: last.span.start, end: last.span.end - 1 } };
  } else close = last?.span.end ?? close;
  d.condition = { start: open, end: close };
}
