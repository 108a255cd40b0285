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
import { looksLikeDirectiveName, PAIR_BLOCKS } from './nginx-directives';

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
interface Token { kind: TokKind; span: Span; raw: string; value: string; quote?: '"' | "'"; unterminated?: boolean }

/** Deepest block nesting read; deeper blocks are reported and skipped (see `parseBlock`). */
const MAX_NESTING = 100;

const DUMP_MARKER = /^# configuration file ([^\r\n]+):[ \t]*\r?$/gm;

export function parseNginx(text: string): NginxFile {
  const out: NginxFile = { directives: [], comments: [], errors: [], sections: [] };
  try {
    const markers = [...text.matchAll(DUMP_MARKER)];
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
  private peeked: Token | undefined;

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

  private peek(): Token {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private lex(): Token {
    const t = this.text;
    for (;;) {
      while (this.pos < this.end && isSpaceCode(t.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= this.end) return { kind: 'eof', span: { start: this.end, end: this.end }, raw: '', value: '' };
      const s = this.pos;
      if (t[s] === '{' && (t[s + 1] === '%' || t[s + 1] === '#')) {
        // A Jinja/Twig statement or comment in a config template: not nginx, skipped like a comment.
        const close = t.indexOf(t[s + 1] + '}', s + 2);
        this.pos = close < 0 || close >= this.end ? this.end : close + 2;
        this.out.comments.push({ span: { start: s, end: this.pos }, text: t.slice(s, this.pos) });
        continue;
      }
      if (t[s] !== '#') break;
      while (this.pos < this.end && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      this.out.comments.push({ span: { start: s, end: this.pos }, text: t.slice(s, this.pos) });
    }
    const s = this.pos;
    const c = t[s];
    if ((c === '{' && !this.templateExpressionAt(s)) || c === '}' || c === ';') {
      this.pos++;
      return { kind: c, span: { start: s, end: s + 1 }, raw: c, value: c };
    }
    if (c === '"' || c === "'") return this.lexQuoted(c);
    return this.lexWord();
  }

  private lexQuoted(q: '"' | "'"): Token {
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
      return { kind: 'word', span: { start: s, end: eol }, raw: t.slice(s, eol), value: unescapeQuoted(t.slice(s + 1, eol), q), quote: q, unterminated: true };
    }
    this.pos = i + 1;
    const after = t[this.pos];
    if (this.pos < this.end && !isSpace(after) && after !== ';' && after !== '{' && after !== '}' && after !== ')') {
      this.error({ start: this.pos, end: this.pos + 1 }, `unexpected "${after}" after a quoted string (nginx needs a space here)`);
    }
    return { kind: 'word', span: { start: s, end: this.pos }, raw: t.slice(s, this.pos), value, quote: q };
  }

  private lexWord(): Token {
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
    return { kind: 'word', span: { start: s, end: i }, raw, value: raw };
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
      const tok = this.peek();
      if (tok.kind === 'eof' || (tok.kind === '}' && open === 0)) return;
      this.next();
      if (tok.kind === '{') open++;
      else if (tok.kind === '}') open--;
    }
  }

  private parseBlockItems(parent: NginxDirective | undefined): NginxDirective[] {
    const list: NginxDirective[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'eof') {
        if (parent) this.error(parent.open ?? parent.nameSpan, `unexpected end of file, expecting "}" to close "${parent.name}"`);
        return list;
      }
      if (tok.kind === '}') {
        if (parent) return list;
        this.next();
        this.error(tok.span, 'unexpected "}"');
        continue;
      }
      if (tok.kind === ';') {
        this.next();
        this.error(tok.span, 'unexpected ";"');
        continue;
      }
      if (tok.kind === '{') {
        this.next();
        this.error(tok.span, 'unexpected "{" (a block without a directive name)');
        // Read the anonymous block to keep the braces balanced, then drop it.
        const anon: NginxDirective = { name: '', nameSpan: tok.span, args: [], span: tok.span, open: tok.span, parent };
        this.parseBlock(anon);
        if (this.peek().kind === '}') this.next();
        continue;
      }
      if (/^\{\{[^]*\}\}$/.test(tok.raw)) {
        // A template statement in directive position (`{{ end }}`, `{{ custom_config }}`): not nginx.
        this.next();
        this.out.comments.push({ span: tok.span, text: tok.raw });
        continue;
      }
      list.push(this.parseDirective(parent));
    }
  }

  private parseDirective(parent: NginxDirective | undefined): NginxDirective {
    const nameTok = this.next();
    const d: NginxDirective = {
      name: nameTok.value, nameSpan: nameTok.span, args: [],
      span: { start: nameTok.span.start, end: nameTok.span.end }, parent,
    };
    const inPairs = parent !== undefined && PAIR_BLOCKS.has(parent.name);
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'word') {
        if (!inPairs && d.name !== 'if' && tok.quote === undefined && this.startsLine(tok) && looksLikeDirectiveName(tok.value) && d.args.length > 0) {
          this.missingSemicolon(d);
          break;
        }
        this.next();
        d.args.push(toArg(tok));
        d.span.end = tok.span.end;
        // The open quote most likely swallowed the `;`: one error is enough.
        if (tok.unterminated) break;
        continue;
      }
      if (tok.kind === ';') {
        this.next();
        d.span.end = tok.span.end;
        break;
      }
      if (tok.kind === '{') {
        this.next();
        d.open = tok.span;
        if (/_by_lua_block$/.test(d.name)) {
          const { body, close } = this.lexLua();
          d.lua = { span: body, text: this.text.slice(body.start, body.end) };
          if (close) { d.close = close; d.span.end = close.end; } else {
            d.span.end = body.end;
            this.error(tok.span, `unexpected end of file, expecting "}" to close "${d.name}"`);
          }
          break;
        }
        d.block = this.parseBlock(d);
        const close = this.peek();
        if (close.kind === '}') {
          this.next();
          d.close = close.span;
          d.span.end = close.span.end;
        } else {
          d.span.end = lastEnd(d);
        }
        break;
      }
      // `}` or end of file before the `;`.
      this.missingSemicolon(d);
      break;
    }
    if (d.name === 'if') stripCondition(d);
    return d;
  }

  private missingSemicolon(d: NginxDirective): void {
    const at = d.args.length ? d.args[d.args.length - 1].span : d.nameSpan;
    this.error(at, `directive "${d.name}" is not terminated by ";"`);
  }

  /** True when only blanks separate the token from the previous line break. */
  private startsLine(tok: Token): boolean {
    for (let i = tok.span.start - 1; i >= 0; i--) {
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

function toArg(tok: Token): NginxArg {
  const a: NginxArg = { raw: tok.raw, value: tok.value, span: tok.span };
  if (tok.quote) a.quote = tok.quote;
  return a;
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
