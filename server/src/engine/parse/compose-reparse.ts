/**
 * Re-parsing a compose file after an edit inside one block of it (a service, a network, a volume):
 * only that block is parsed again, the rest of the previous tree is reused. A keystroke in a large
 * file then costs the parse of one service, not of the file.
 *
 * Unless handed over (below), the previous tree is never changed: the nodes before the block are
 * shared (their ranges still hold), the block comes from its own parse, and the nodes after it are
 * copies with shifted ranges. Anything this cannot prove equivalent to a full parse returns undefined
 * and the caller parses the whole text: a previous tree with errors, an edit on a key line or across
 * blocks, the last block of a mapping, an anchor in the block or on the mapping holding it, tabs or
 * CR in it, a line of the block that would end it in context, a block that ends in an empty value or
 * a comment.
 *
 * A caller that hands the previous tree over (`consume`: it will never read it again, as the editor's
 * previous version is not) has the nodes after the block moved instead of copied: their offsets become
 * the new text's, which spares a copy of half the file per keystroke. The previous tree is then dead:
 * nothing reparses from it again.
 */
import * as yaml from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { forgetEntries, isAlias, isMap, isPair, isScalar, isSeq, keyText, YAML_OPTIONS, type YDoc } from './compose-yaml';

/** Trees no live tree shares nodes with (a full parse, or a tree made by moving): they may be handed over. */
const owned = new WeakSet<YDoc>();
/** Trees whose nodes after an edit were moved into the next version: never read again. */
const consumed = new WeakSet<YDoc>();

/** Notes a tree of a full parse as owning its nodes, so that a reparse may hand it over. */
export function ownTree(doc: YDoc): void { owned.add(doc); }

/** Where the nodes of a handed-over tree moved: offsets at or after `at` moved by `delta`. */
export interface Moved { at: number; delta: number }
const movedByDoc = new WeakMap<YDoc, Moved>();

/** For a tree made by handing over the previous one, where the previous one's nodes moved. */
export function movedIn(doc: YDoc): Moved | undefined { return movedByDoc.get(doc); }

/**
 * The tree of `text`, reusing `before` (the tree of `beforeText`); undefined when a full parse is needed.
 * `consume`: the caller hands `before` over (see above).
 */
export function reparseEdit(beforeText: string, before: YDoc, text: string, opts: { consume?: boolean } = {}): YDoc | undefined {
  if (consumed.has(before) || before.errors.length || before.warnings.length) return undefined;
  const root = before.contents;
  if (!isMap(root) || root.flow) return undefined;
  const { prefix, suffix } = commonEnds(beforeText, text);
  if (prefix === text.length && prefix === beforeText.length) return undefined;
  const delta = text.length - beforeText.length;

  // The top-level pair whose block mapping holds the edit, then the pair of that mapping whose key
  // line is the last one before the edit. An edit has several equal readings ("\n  a" typed before
  // a newline is also "  a\n" typed after it): the common prefix and suffix are both taken whole.
  const top = lastPair(root, (keyStart) => keyStart <= prefix);
  if (top === undefined) return undefined;
  const outer = root.items[top];
  const inner = outer.value;
  // An alias of an anchored mapping that holds the edit (`x-base: &base`) reads the edit too, and the
  // nodes that hold such aliases are kept or moved as they were: that edit is parsed in full.
  if (!isMap(inner) || inner.flow || inner.anchor || root.anchor) return undefined;
  const block = lastPair(inner, (keyStart) => {
    const eol = beforeText.indexOf('\n', keyStart);
    return eol >= 0 && eol < prefix;
  });
  // The last pair of a mapping ends where the next top-level key starts, or at the end: not reused.
  if (block === undefined || block === inner.items.length - 1) return undefined;
  const pair = inner.items[block];
  const keyStart = (pair.key as Node).range![0];
  const nextKeyStart = (inner.items[block + 1].key as Node).range![0];
  // The block runs to the next key itself: nodes that end a block end where the next token starts,
  // after that key's indentation.
  const chunkStart = lineStart(beforeText, keyStart);
  const chunkEnd = nextKeyStart;
  const indent = keyStart - chunkStart;
  // Everything from the next key on is unchanged, and the key line itself is (it ends before `prefix`).
  if (beforeText.length - chunkEnd > suffix || chunkEnd + delta <= beforeText.indexOf('\n', keyStart)) return undefined;
  if (beforeText.slice(chunkStart, keyStart).trim() !== '') return undefined;

  const oldChunk = beforeText.slice(chunkStart, chunkEnd);
  const chunk = text.slice(chunkStart, chunkEnd + delta);
  if (!isSelfContained(oldChunk, indent) || !isSelfContained(chunk, indent)) return undefined;

  const part = yaml.parseDocument(chunk, YAML_OPTIONS);
  if (part.errors.length || part.warnings.length) return undefined;
  const partRoot = part.contents;
  if (!isMap(partRoot) || partRoot.flow || partRoot.items.length !== 1) return undefined;
  const fresh = partRoot.items[0];
  if (keyText(fresh.key) !== keyText(pair.key)) return undefined;
  // Where a node's trailing comments end (range[2]) depends on what follows the block: an empty
  // value or a comment last in the block ends differently alone than before the next key.
  if (endsInEmptyValue(fresh) || endsInComment(chunk)) return undefined;
  shift(fresh, chunkStart);

  // Only a tree that shares its nodes with no live tree may have them moved.
  const handOver = !!opts.consume && owned.has(before);
  // A tree that shares nodes with a copy made from it is no longer its nodes' only owner.
  if (!handOver) owned.delete(before);
  const after = <T extends Shiftable>(n: T): T => {
    if (!handOver) return shifted(n, delta);
    moveInPlace(n, delta);
    return n;
  };
  const innerItems = inner.items.slice();
  innerItems[block] = fresh;
  for (let i = block + 1; i < innerItems.length; i++) innerItems[i] = after(innerItems[i]);
  const innerCopy = withItems(inner, innerItems, delta);
  const outerCopy = copyNode(outer);
  outerCopy.value = innerCopy as YDoc['contents'];
  const rootItems = root.items.slice();
  rootItems[top] = outerCopy;
  for (let i = top + 1; i < rootItems.length; i++) rootItems[i] = after(rootItems[i]);

  const doc = copyOf(before);
  doc.contents = withItems(root, rootItems, delta) as YDoc['contents'];
  doc.errors = [];
  doc.warnings = [];
  if (before.range) doc.range = endsMoved(before.range, delta);
  if (handOver) {
    consumed.add(before);
    owned.add(doc);
    movedByDoc.set(doc, { at: chunkEnd, delta });
  }
  return doc;
}

/** The lengths of the longest common prefix and the longest common suffix of two texts (they may overlap). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const min = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < min && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < min && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** The last pair of a block mapping whose key start passes `test`; undefined when a key is not a plain scalar. */
function lastPair(map: YAMLMap, test: (keyStart: number) => boolean): number | undefined {
  const items = map.items;
  let found: number | undefined;
  for (let i = 0; i < items.length; i++) {
    const key = items[i].key;
    if (!isScalar(key) || !key.range) return undefined;
    if (test(key.range[0])) found = i; else break;
  }
  return found;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The block parses the same alone as in its file: every line after the key line is blank, a
 * comment, or indented deeper than the key (so the block does not end early), no anchor in it can
 * be the target of an alias elsewhere, and it has none of the characters this check does not model.
 */
function isSelfContained(chunk: string, indent: number): boolean {
  // An alias in the block is resolved against the whole new tree; an anchor could retarget aliases elsewhere.
  if (/[&\t\r\0]|^(---|\.\.\.)/m.test(chunk)) return false;
  // It ends with the indentation of the next key, after a newline.
  const last = chunk.lastIndexOf('\n');
  if (last < 0 || chunk.length - last - 1 !== indent || chunk.slice(last + 1).trim() !== '') return false;
  let i = chunk.indexOf('\n') + 1;
  while (i <= last) {
    const end = chunk.indexOf('\n', i);
    let j = i;
    while (j < end && chunk.charCodeAt(j) === 32) j++;
    if (j < end && chunk.charCodeAt(j) !== 35 /* # */ && j - i <= indent) return false;
    i = end + 1;
  }
  return true;
}

function endsInEmptyValue(pair: Pair): boolean {
  let n: unknown = pair.value;
  for (;;) {
    if (isPair(n)) { n = n.value; continue; }
    if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length) { n = n.items[n.items.length - 1]; continue; }
    return n === null || n === undefined || (isScalar(n) && n.value === null && !n.source);
  }
}

function endsInComment(chunk: string): boolean {
  const lines = chunk.split('\n');
  for (let i = lines.length - 1; i > 0; i--) {
    const t = lines[i].trim();
    if (t) return t.startsWith('#');
  }
  return false;
}

/** A Node, a Pair, or anything else the YAML tree holds (left alone). */
type Shiftable = unknown;

/** Adds `delta` to every range in a subtree this module owns (the block's own parse). */
function shift(n: Shiftable, delta: number): void {
  if (!n || delta === 0) return;
  if (isPair(n)) { shift(n.key, delta); shift(n.value, delta); return; }
  const node = n as Node;
  if (node.range) node.range = moved(node.range, delta);
  if (isMap(node) || isSeq(node)) for (const it of node.items as unknown[]) shift(it, delta);
}

/**
 * Moves a subtree of a handed-over tree by `delta`, and forgets the entries read from its mappings
 * (their offsets are the old ones). The range arrays are changed, not replaced: a tree's nodes each
 * have their own (yaml makes one per node; every tree this module makes from an owned one does too),
 * and new arrays on long-lived nodes would be garbage the collector copies on every keystroke.
 */
function moveInPlace(n: Shiftable, delta: number): void {
  if (!n || delta === 0) return;
  if (isPair(n)) { moveInPlace(n.key, delta); moveInPlace(n.value, delta); return; }
  const node = n as Node;
  const r = node.range;
  if (r) { r[0] += delta; r[1] += delta; r[2] += delta; }
  if (isMap(node)) forgetEntries(node);
  if (isMap(node) || isSeq(node)) for (const it of node.items as unknown[]) moveInPlace(it, delta);
}

/** A copy of a reused subtree with its ranges shifted by `delta` (the reused one is left as it is). */
function shifted<T extends Shiftable>(n: T, delta: number): T {
  if (delta === 0 || !n) return n;
  const copy = copyNode(n);
  if (isPair(copy)) {
    copy.key = shifted(copy.key, delta);
    copy.value = shifted(copy.value, delta);
    return copy;
  }
  const node = copy as unknown as Node;
  if (node.range) node.range = moved(node.range, delta);
  if (isMap(node) || isSeq(node)) {
    const items = node.items as unknown[];
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = shifted(items[i], delta);
    (node as { items: unknown[] }).items = out;
  }
  return node as T;
}

function withItems(map: YAMLMap, items: unknown[], delta: number): YAMLMap {
  const copy = copyNode(map);
  copy.items = items as YAMLMap['items'];
  if (map.range) copy.range = endsMoved(map.range, delta);
  return copy;
}

type Range = [number, number, number];

function moved(r: Range, delta: number): Range { return [r[0] + delta, r[1] + delta, r[2] + delta]; }

/** A node that holds the edit: it starts where it did and ends `delta` later. */
function endsMoved(r: Range, delta: number): Range { return [r[0], r[1] + delta, r[2] + delta]; }

/**
 * A shallow copy made by the node's own constructor, so it carries the node type `yaml`'s guards
 * read and the shape of a parsed node (a copy through property descriptors is several times slower
 * to make and to read).
 */
function copyNode<T>(n: T): T {
  if (isScalar(n)) return Object.assign(new yaml.Scalar(n.value), n);
  if (isPair(n)) return Object.assign(new yaml.Pair(n.key, n.value), n);
  if (isMap(n)) return Object.assign(new yaml.YAMLMap(n.schema), n);
  if (isSeq(n)) return Object.assign(new yaml.YAMLSeq(n.schema), n);
  if (isAlias(n)) return Object.assign(new yaml.Alias(n.source), n);
  return n;
}

/** A shallow copy of the document (once per reparse) keeping its prototype and non-enumerable fields. */
function copyOf<T extends object>(o: T): T {
  return Object.create(Object.getPrototypeOf(o) as object | null, Object.getOwnPropertyDescriptors(o)) as T;
}
