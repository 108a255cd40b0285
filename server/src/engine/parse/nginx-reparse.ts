/**
 * Re-parsing an nginx file after an edit inside one block (a server, a location): only that block's
 * body is read again, the rest of the previous tree is reused. A keystroke in a large config then
 * costs the parse of one block, and the tree's objects (already old in the heap) are not made anew.
 *
 * Unlike the compose reparse, the previous tree is taken over, not copied: a copy of the directives
 * after the edit is a copy of every block above them too (their `parent` links), which costs what a
 * full parse does. The caller hands in the tree of a text the editor has replaced and reads it no
 * more; it is marked used up, so a second reparse from it parses in full.
 *
 * Why the result equals a full parse: the text up to the block's `{` and one character past it is
 * unchanged, so the tokens up to that `{` are (a `{` after a blank is read on its own, with no
 * look-ahead into the block). From there the block's body is read by the same parser, from the same
 * offset, at the same depth, as a full parse would. When it stops at the `}` that closed the block
 * before (moved by the edit's length) and found no error, the text after it is the old text moved,
 * read in the same state: the rest of the tree is the old one, its offsets moved. Anything else (a
 * previous tree with errors, an `nginx -T` dump, template tags, which look ahead across lines) parses
 * in full.
 */
import type { Span } from '../types';
import { ownCopy } from '../text';
import { directiveName } from './nginx-directives';
import { NginxParser } from './nginx-parser';
import type { NginxComment, NginxDirective, NginxFile } from './nginx-tree';

/** The text each reusable tree was read from. */
const sources = new WeakMap<NginxFile, string>();

export function noteSource(tree: NginxFile, text: string): void {
  sources.set(tree, text);
}

/** The tree of `text`, made from `before` (which is used up); undefined when a full parse is needed. */
export function reparseEdit(before: NginxFile, text: string, dumpMarker: string): NginxFile | undefined {
  const beforeText = sources.get(before);
  if (beforeText === undefined || before.errors.length || before.sections.length) return undefined;
  if (hasTemplateTags(beforeText) || hasTemplateTags(text) || text.includes(dumpMarker)) return undefined;
  const { prefix, editEnd } = changedPart(beforeText, text);
  const delta = text.length - beforeText.length;

  const path: NginxDirective[] = [];
  for (let list = before.directives, d = enclosing(list, prefix, editEnd); d; list = d.block!, d = enclosing(list, prefix, editEnd)) path.push(d);
  let k = path.length - 1;
  while (k >= 0 && !opensAlone(beforeText, path[k])) k--;
  if (k < 0) return undefined;
  const block = path[k];
  const open = block.open!;
  const oldClose = block.close!;

  const out: NginxFile = { directives: [], comments: [], errors: [], sections: [] };
  const body = new NginxParser(text, open.end, text.length, out).parseBody(block, k + 1);
  if (out.errors.length || !body.close || body.close.start !== oldClose.start + delta) return undefined;

  ownStrings(body.block);
  for (const c of out.comments) c.text = ownCopy(c.text);
  // Used up: and its own origin is of no use now, which keeps a long session from holding a chain of trees.
  sources.delete(before);
  origins.delete(before);
  block.block = body.block;
  block.close = body.close;
  block.span.end = body.close.end;
  if (delta !== 0) {
    for (let i = k; i >= 0; i--) {
      const list = i === 0 ? before.directives : path[i - 1].block!;
      for (let j = list.indexOf(path[i]) + 1; j < list.length; j++) shiftDirective(list[j], delta);
      if (i < k) {
        path[i].span.end += delta;
        shiftSpan(path[i].close!, delta);
      }
    }
  }
  const comments = spliceComments(before.comments, open.end, oldClose.start, out.comments, delta);
  const tree: NginxFile = { directives: before.directives, comments, errors: [], sections: [] };
  sources.set(tree, text);
  origins.set(tree, { before, path: path.slice(0, k + 1) });
  return tree;
}

/** A tree made by `reparseEdit`: the tree it took over, and the blocks from the top level down to the one read again. */
export interface ReparseOrigin { before: NginxFile; path: readonly NginxDirective[] }

const origins = new WeakMap<NginxFile, ReparseOrigin>();

/** How `tree` was made from the previous one, when only one block of it was read again. */
export function reparseOrigin(tree: NginxFile): ReparseOrigin | undefined {
  return origins.get(tree);
}

/**
 * The strings of a tree are slices of its text, which they keep alive. The blocks not read again hold
 * the text of their last parse: were the new block's strings slices of this text too, a session that
 * edits many blocks would keep a whole text per block edited. They get copies of their own instead.
 */
function ownStrings(dirs: readonly NginxDirective[]): void {
  for (const d of dirs) {
    // A name the engine knows stays its literal (see `directiveName`).
    d.name = directiveName(ownCopy(d.name));
    for (const a of d.args) {
      const raw = ownCopy(a.raw);
      a.value = a.value === a.raw ? raw : ownCopy(a.value);
      a.raw = raw;
    }
    if (d.lua) d.lua.text = ownCopy(d.lua.text);
    if (d.block) ownStrings(d.block);
  }
}

/** `{%`, `{#` and `{{` are read up to their closing tag, wherever that is. */
function hasTemplateTags(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

const CHUNK = 512;

/** The common prefix of the two texts, and where the replaced part of `a` ends (the rest of `a` ends `b` too). */
function changedPart(a: string, b: string): { prefix: number; editEnd: number } {
  const min = Math.min(a.length, b.length);
  // Whole chunks first: comparing two slices is one native compare, a character loop over a large file is not.
  let prefix = 0;
  while (prefix + CHUNK <= min && a.slice(prefix, prefix + CHUNK) === b.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < min && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + CHUNK <= min - prefix && a.slice(a.length - suffix - CHUNK, a.length - suffix) === b.slice(b.length - suffix - CHUNK, b.length - suffix)) suffix += CHUNK;
  while (suffix < min - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, editEnd: a.length - suffix };
}

/** The block directive of `list` whose body holds the replaced part, with the character after its `{` unchanged. */
function enclosing(list: readonly NginxDirective[], prefix: number, editEnd: number): NginxDirective | undefined {
  for (const d of list) {
    if (d.span.start >= prefix) return undefined;
    if (d.block && d.open && d.close && d.open.end < prefix && d.close.start >= editEnd) return d;
  }
  return undefined;
}

/** A `{` after a blank is its own token: the word before it ended at the blank, without looking at the block. */
function opensAlone(text: string, d: NginxDirective): boolean {
  const c = text.charCodeAt(d.open!.start - 1);
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function shiftSpan(s: Span, delta: number): void {
  s.start += delta;
  s.end += delta;
}

function shiftDirective(d: NginxDirective, delta: number): void {
  shiftSpan(d.nameSpan, delta);
  shiftSpan(d.span, delta);
  for (const a of d.args) shiftSpan(a.span, delta);
  if (d.open) shiftSpan(d.open, delta);
  if (d.close) shiftSpan(d.close, delta);
  if (d.condition) shiftSpan(d.condition, delta);
  if (d.lua) shiftSpan(d.lua.span, delta);
  if (d.block) for (const c of d.block) shiftDirective(c, delta);
}

/** The comments with those of the old body (`from`..`to`) replaced by `fresh`, the later ones moved. */
function spliceComments(comments: NginxComment[], from: number, to: number, fresh: NginxComment[], delta: number): NginxComment[] {
  let i = 0;
  while (i < comments.length && comments[i].span.start < from) i++;
  let j = i;
  while (j < comments.length && comments[j].span.start < to) j++;
  if (delta !== 0) for (let m = j; m < comments.length; m++) shiftSpan(comments[m].span, delta);
  if (i === j && !fresh.length) return comments;
  return comments.slice(0, i).concat(fresh, comments.slice(j));
}
