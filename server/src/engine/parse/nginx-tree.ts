/**
 * The nginx parse tree (built by `nginx-parser.ts`, entry point `parseNginx` in `nginx.ts`).
 *
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
 */
import type { ParseError, Span } from '../types';

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

/** Calls `fn` on `d` and every directive nested in its block, depth first. */
export function walkAll(d: NginxDirective, fn: (d: NginxDirective) => void): void {
  fn(d);
  for (const c of d.block ?? []) walkAll(c, fn);
}
