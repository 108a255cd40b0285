import type { EditSpec } from '../types';
import type { NginxDirective } from '../parse/nginx';
import { eolOf, type LineIndex } from '../text';
import type { ConfNode } from './tree';

/**
 * Text edits on nginx files that respect the file's style: the block's indentation (spaces or
 * tabs, guessed width), its line breaks (CRLF kept), and placement next to siblings of the same kind.
 */
export interface FileText { path: string; text: string; lines: LineIndex }

// Every fix that inserts a line asks for the file's indent step: a scan of all its lines, done once per text.
const unitByLines = new WeakMap<LineIndex, string>();

/** One indentation step of the file: the smallest indent in use (tabs if the file indents with tabs). */
export function indentUnit(doc: FileText): string {
  let unit = unitByLines.get(doc.lines);
  if (unit === undefined) unitByLines.set(doc.lines, unit = scanIndentUnit(doc));
  return unit;
}

function scanIndentUnit(doc: FileText): string {
  let min = Infinity;
  let tabs = 0, spaces = 0;
  const { text, lineStarts } = doc.lines;
  for (let i = 0; i < lineStarts.length; i++) {
    // Character codes, not a line string and a regex per line: a large file is scanned once per keystroke.
    const start = lineStarts[i];
    const end = doc.lines.lineEnd(i);
    let at = start;
    for (let c = text.charCodeAt(at); at < end && (c === 32 || c === 9); c = text.charCodeAt(++at));
    if (at === start || at === end) continue;
    // Only blanks after the indent: what `trim` removes besides spaces and tabs is rare, so it decides only then.
    if (text.charCodeAt(at) <= 32 || text.charCodeAt(at) >= 0x85) {
      if (text.slice(at, end).trim() === '') continue;
    }
    if (text.charCodeAt(start) === 9) tabs++; else { spaces++; min = Math.min(min, at - start); }
  }
  if (tabs > spaces) return '\t';
  return ' '.repeat(Number.isFinite(min) && min <= 8 ? min : 4);
}

function lineIndentAt(doc: FileText, offset: number): string {
  return doc.lines.indentOf(doc.lines.position(offset).line);
}

/** The indentation of the children of a block directive. */
export function childIndent(doc: FileText, block: NginxDirective): string {
  const own = lineIndentAt(doc, block.span.start);
  const openLine = doc.lines.position(block.open?.start ?? block.span.start).line;
  for (const c of block.block ?? []) {
    const line = doc.lines.position(c.span.start).line;
    if (line === openLine) continue;
    const before = doc.text.slice(doc.lines.offset({ line, character: 0 }), c.span.start);
    if (/^[ \t]*$/.test(before)) return before;
  }
  return own + indentUnit(doc);
}

/**
 * Where text inserted after a directive goes: the end of its line when only blanks or a comment
 * follow it there (so a trailing comment stays with its directive), else right after it.
 */
function afterDirective(doc: FileText, d: NginxDirective): number {
  const line = doc.lines.position(d.span.end).line;
  const end = doc.lines.lineEnd(line);
  const rest = doc.text.slice(d.span.end, end);
  return /^[ \t]*(#.*)?$/.test(rest) ? end : d.span.end;
}

export interface InsertOptions {
  /** Insert after the last child for which this holds (siblings of the same kind). */
  after?: (c: NginxDirective) => boolean;
  /** Else insert before the first child for which this holds (e.g. before the locations). */
  before?: (c: NginxDirective) => boolean;
}

/**
 * An edit that inserts `lines` (directives without indentation) into `block` of `doc`, one per line,
 * with the block's child indentation. Children are those of the parsed block in this file.
 */
export function insertInBlock(doc: FileText, block: NginxDirective, lines: string[], opts: InsertOptions = {}): EditSpec {
  const eol = eolOf(doc.text);
  const indent = childIndent(doc, block);
  const kids = block.block ?? [];
  const body = lines.map((l) => eol + indent + l).join('');
  const sameKind = opts.after ? kids.filter(opts.after) : [];
  if (sameKind.length) {
    const at = afterDirective(doc, sameKind[sameKind.length - 1]);
    return { start: at, end: at, newText: body };
  }
  const firstBefore = opts.before ? kids.find(opts.before) : undefined;
  if (firstBefore) {
    const prev = kids[kids.indexOf(firstBefore) - 1];
    if (prev) {
      const at = afterDirective(doc, prev);
      return { start: at, end: at, newText: body };
    }
    return insertAtOpen(doc, block, body, eol);
  }
  const nonBlock = kids.filter((c) => !c.block && !c.lua);
  const last = nonBlock.length ? nonBlock[nonBlock.length - 1] : undefined;
  if (last && kids.indexOf(last) === kids.length - 1) {
    const at = afterDirective(doc, last);
    return { start: at, end: at, newText: body };
  }
  if (kids.length) {
    const at = afterDirective(doc, kids[kids.length - 1]);
    return { start: at, end: at, newText: body };
  }
  return insertAtOpen(doc, block, body, eol);
}

function insertAtOpen(doc: FileText, block: NginxDirective, body: string, eol: string): EditSpec {
  const open = block.open?.end ?? block.span.end;
  const line = doc.lines.position(open).line;
  const restOfLine = doc.text.slice(open, doc.lines.lineEnd(line));
  // `location / {}` or `{ return 200; }` on one line: put the closing part on its own line.
  if (/\S/.test(restOfLine.replace(/#.*$/, ''))) {
    const closeIndent = lineIndentAt(doc, block.span.start);
    const next = open + (/^[ \t]*/.exec(restOfLine)?.[0].length ?? 0);
    return { start: open, end: next, newText: body + eol + closeIndent };
  }
  const at = /^[ \t]*#/.test(restOfLine) ? doc.lines.lineEnd(line) : open;
  return { start: at, end: at, newText: body };
}

/** True for a header-setting directive, or an include that brings header directives in. */
export function isHeaderSibling(view: ConfNode | undefined): (c: NginxDirective) => boolean {
  const kids = view?.children ?? [];
  return (c) => {
    if (c.name === 'add_header' || c.name === 'more_set_headers') return true;
    if (c.name !== 'include') return false;
    return kids.some((k) => k.via?.d === c && (k.name === 'add_header' || k.name === 'more_set_headers'));
  };
}

/** The source text of a directive, verbatim (to repeat it in another block). */
export function directiveText(text: string, d: NginxDirective): string {
  return text.slice(d.span.start, d.span.end);
}
