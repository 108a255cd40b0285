/**
 * Tokens -> directive/block tree (`nginx-tree.ts`). Never throws on bad input: problems become
 * positioned `errors` and reading resumes at the next statement.
 */
import { directiveName, looksLikeDirectiveName, PAIR_BLOCKS } from './nginx-directives';
import { NginxLexer } from './nginx-lexer';
import type { Span } from '../types';
import type { NginxArg, NginxDirective } from './nginx-tree';

/** A placeholder until a directive's arguments are read (never left in the tree). */
const NO_ARGS: NginxArg[] = [];

/** Deepest block nesting read; deeper blocks are reported and skipped (see `parseBlock`). */
const MAX_NESTING = 100;

export class NginxParser extends NginxLexer {
  private readonly argBuffer: NginxArg[] = [];
  private depth = 0;

  parseAll(): NginxDirective[] {
    return this.parseBlock(undefined);
  }

  /**
   * Reads the body of `parent` from just after its `{` (where this parser starts) as a full parse
   * would, `nesting` blocks deep, and its closing `}`. Undefined close: the file ended first.
   */
  parseBody(parent: NginxDirective, nesting: number): { block: NginxDirective[]; close: Span | undefined } {
    this.depth = nesting;
    const block = this.parseBlock(parent);
    if (this.peek() !== '}') return { block, close: undefined };
    this.next();
    return { block, close: this.tokSpan() };
  }

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
    // A name alone on a line may start the next directive (a missing `;`), except in these.
    const mayCut = !inPairs && d.name !== 'if';
    let lastEnd = -1;
    while (this.peek() === 'word') {
      // Cheapest tests first: most arguments stop at `count > 0` or because they do not start a line.
      if (mayCut && count > 0 && this.quote === undefined && this.startsLine(this.tokStart) && looksLikeDirectiveName(this.value)) {
        cut = 'semicolon';
        break;
      }
      // `peek` has read this token: consuming it needs no second call (this loop runs once per argument).
      this.consumePeeked();
      const span = { start: this.tokStart, end: lastEnd = this.tokEnd };
      buf[count++] = this.quote ? { raw: this.raw, value: this.value, span, quote: this.quote } : { raw: this.raw, value: this.value, span };
      // The open quote most likely swallowed the `;`: one error is enough.
      if (this.unterminated) { cut = 'quote'; break; }
    }
    if (lastEnd >= 0) d.span.end = lastEnd;
    d.args = count ? buf.slice(0, count) : [];
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
}

function lastEnd(d: NginxDirective): number {
  const last = d.block?.[d.block.length - 1];
  return Math.max(d.open?.end ?? d.nameSpan.end, last?.span.end ?? 0);
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
