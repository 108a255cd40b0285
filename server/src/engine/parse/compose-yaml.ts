/** Reading a `yaml` v2 AST the way compose does (aliases and `<<` merges resolved) while keeping source spans. */
import * as yaml from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../types';

export type YDoc = Document.Parsed;

/** How compose files are parsed (`<<` merges as compose reads them; duplicate keys are errors). */
export const YAML_OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false } as const;
export type { Node as YNode, Pair as YPair, YAMLMap as YMap, YAMLSeq as YSeq };

// `yaml`'s guards and Scalar, bound once. In the bundles `yaml` is a CommonJS module that esbuild
// puts behind getters, so a named import costs a getter call at every use, and these run per node.
export const isAlias: typeof yaml.isAlias = yaml.isAlias;
export const isMap: typeof yaml.isMap = yaml.isMap;
export const isPair: typeof yaml.isPair = yaml.isPair;
export const isScalar: typeof yaml.isScalar = yaml.isScalar;
export const isSeq: typeof yaml.isSeq = yaml.isSeq;
export const YScalar = yaml.Scalar;
export type YScalar = yaml.Scalar;
const Scalar = YScalar;

/** One key of a mapping as compose sees it: its own pair or one merged in through `<<`. */
export interface Entry {
  key: string;
  pair: Pair;
  keyNode: Node | null;
  /** The value after following aliases; null for `key:` with nothing after it. */
  value: Node | null;
  keySpan: Span;
  /** The value as written (an alias `*x` stays the alias). */
  valueSpan: Span;
  /** `key: value` as written. */
  pairSpan: Span;
  /** The mapping that holds the pair (an anchored block when inherited). */
  owner: YAMLMap;
  /** Came from a `<<:` merge source, not written in the mapping itself. */
  inherited: boolean;
}

/** An empty value (`key:` with nothing after it); yaml places its zero-width range after the comments that follow. */
export function isEmptyNode(node: unknown): boolean {
  return isScalar(node) && node.value === null && !node.source;
}

export function spanOf(node: Node | null | undefined, fallback = 0): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: fallback, end: fallback };
}

/** Follows aliases (bounded, so a self-referencing anchor cannot loop). */
export function deref(doc: YDoc, node: unknown): Node | null {
  let n = node as Node | null | undefined;
  // Most nodes are not aliases: answered after one test, not two.
  if (!n) return null;
  if (!isAlias(n)) return n;
  for (let i = 0; i < 32 && n && isAlias(n); i++) n = aliasTargets(doc).get(n);
  if (!n || isAlias(n)) return null;
  return n;
}

const targetsByDoc = new WeakMap<YDoc, Map<Alias, Node | undefined>>();

/**
 * What every alias of the document points to: the last node anchored with its name before it, as
 * `Alias.resolve` finds it. `resolve` walks the whole document for each alias, which is quadratic
 * in a file where every service says `logging: *default-logging`; this is one walk per document.
 */
function aliasTargets(doc: YDoc): Map<Alias, Node | undefined> {
  let targets = targetsByDoc.get(doc);
  if (!targets) {
    const map = new Map<Alias, Node | undefined>();
    const anchors = new Map<string, Node>();
    const named = new Map<string, Node | null>();
    const anchor = (name: string, node: Node) => { anchors.set(name, node); named.set(name, named.has(name) ? null : node); };
    // `yaml`'s visit order (a node before its items, a pair's key before its value), without its per-node bookkeeping.
    const walk = (node: unknown): void => {
      // Scalars first: most nodes are.
      if (isScalar(node)) { if (node.anchor) anchor(node.anchor, node); return; }
      if (isMap(node)) {
        if (node.anchor) anchor(node.anchor, node);
        for (const pair of node.items) { walk(pair.key); walk(pair.value); }
        return;
      }
      if (isSeq(node)) {
        if (node.anchor) anchor(node.anchor, node);
        for (const it of node.items) walk(it);
        return;
      }
      if (isAlias(node)) map.set(node, anchors.get(node.source));
      else if (isPair(node)) { walk(node.key); walk(node.value); } // `[a: b]` puts pairs in a sequence
    };
    walk(doc.contents);
    targetsByDoc.set(doc, targets = map);
    anchorsByDoc.set(doc, named);
  }
  return targets;
}

const anchorsByDoc = new WeakMap<YDoc, Map<string, Node | null>>();

/** The node anchored with each name of the document; null for a name anchored more than once. */
export function anchoredNodes(doc: YDoc): Map<string, Node | null> {
  aliasTargets(doc);
  return anchorsByDoc.get(doc)!;
}

export function asMap(doc: YDoc, node: unknown): YAMLMap | undefined {
  const n = deref(doc, node);
  return n && isMap(n) ? n : undefined;
}

export function asSeq(doc: YDoc, node: unknown): YAMLSeq | undefined {
  const n = deref(doc, node);
  return n && isSeq(n) ? n : undefined;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  return (typeof v === 'symbol' && v.description === '<<') || (v === '<<' && (!key.type || key.type === Scalar.PLAIN));
}

/** The key's text: strings as they are, numbers and booleans as compose would read them. */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) {
    const v = key.value;
    if (v === null || v === undefined) return '';
    if (typeof v === 'symbol') return undefined;
    return String(v);
  }
  return undefined;
}

/** A scalar's value as a string (numbers/booleans as written); undefined for null, maps, sequences. */
export function scalarText(doc: YDoc, node: unknown): string | undefined {
  const n = deref(doc, node);
  if (!n || !isScalar(n)) return undefined;
  const v = n.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return typeof n.source === 'string' && n.type === Scalar.PLAIN ? n.source : String(v);
  if (typeof v === 'boolean') return typeof n.source === 'string' && n.source ? n.source : String(v);
  return String(v);
}

/** Own pairs override merged ones; among merge sources the earlier wins (YAML merge semantics). */
export function entriesOf(doc: YDoc, map: YAMLMap | undefined): Map<string, Entry> {
  if (!map) return new Map();
  // Rules ask for the same mappings again and again (`entryAt` per service and key): read once.
  // The result is shared: callers read it, never change it.
  let out = entriesByMap.get(map);
  if (!out) {
    out = new Map<string, Entry>();
    collect(doc, map, out, false);
    entriesByMap.set(map, out);
  }
  return out;
}

const entriesByMap = new WeakMap<YAMLMap, Map<string, Entry>>();

/** Drops what was read from a mapping whose offsets moved (compose-reparse.ts): it is read again when asked. */
export function forgetEntries(map: YAMLMap): void {
  entriesByMap.delete(map);
}

function collect(doc: YDoc, map: YAMLMap, out: Map<string, Entry>, inherited: boolean, seen?: Set<YAMLMap>): void {
  let merges: unknown[] | undefined;
  for (const item of map.items) {
    const pair = item;
    if (isMergeKey(pair.key)) { (merges ??= []).push(pair.value); continue; }
    const key = keyText(pair.key);
    if (key === undefined || out.has(key)) continue;
    out.set(key, makeEntry(doc, map, pair, key, inherited));
  }
  if (!merges) return;
  // Only merges can lead back to a mapping already read (`<<: *self`).
  seen ??= new Set([map]);
  for (const m of merges) {
    const src = deref(doc, m);
    const sources = src && isSeq(src) ? src.items : [m];
    for (const s of sources) {
      const sm = asMap(doc, s);
      if (sm && !seen.has(sm)) { seen.add(sm); collect(doc, sm, out, true, seen); }
    }
  }
}

function makeEntry(doc: YDoc, owner: YAMLMap, pair: Pair, key: string, inherited: boolean): Entry {
  const keyNode = (pair.key ?? null) as Node | null;
  const keySpan = spanOf(keyNode);
  const raw = (pair.value ?? null) as Node | null;
  const rawStart = raw?.range && !isEmptyNode(raw) ? raw.range[0] : undefined;
  let valueSpan = rawStart !== undefined ? { start: rawStart, end: contentEnd(raw) ?? rawStart } : { start: keySpan.end, end: keySpan.end };
  if (valueSpan.end < valueSpan.start) valueSpan = { start: valueSpan.start, end: valueSpan.start };
  const end = Math.max(keySpan.end, valueSpan.end);
  return { key, pair, keyNode, value: deref(doc, raw), keySpan, valueSpan, pairSpan: { start: keySpan.start, end }, owner, inherited };
}

/** Items of a sequence with their resolved nodes (an aliased item resolves; its span stays the alias). */
export function seqItems(doc: YDoc, seq: YAMLSeq | undefined): { node: Node | null; raw: Node | null; span: Span; index: number }[] {
  if (!seq) return [];
  return seq.items.map((it, index) => {
    const raw = (it ?? null) as Node | null;
    const span = spanOf(raw);
    return { node: deref(doc, raw), raw, span: { start: span.start, end: contentEnd(raw) ?? span.end }, index };
  });
}

/**
 * The source span of characters [from, to) of a scalar's value, when the source writes them verbatim
 * (plain, or quoted with no escapes before them); otherwise the whole scalar.
 */
export function innerSpan(text: string, node: Node | null, from: number, to: number): { span: Span; exact: boolean } {
  const whole = spanOf(node);
  if (!node || !isScalar(node) || typeof node.value !== 'string') return { span: whole, exact: false };
  const value = node.value;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const plainish = node.type === Scalar.PLAIN || quoted;
  if (!plainish) return { span: whole, exact: false };
  const body = quoted ? text.slice(whole.start + 1, whole.end - 1) : text.slice(whole.start, whole.end);
  if (body !== value) return { span: whole, exact: false };
  const base = whole.start + (quoted ? 1 : 0);
  return { span: { start: base + from, end: base + to }, exact: true };
}

/** Compose reads these strings as true for boolean fields (compose-go's toBoolean). */
export function isTruthy(s: string | undefined): boolean {
  return s !== undefined && /^(true|yes|y|on)$/i.test(s.trim());
}

export function pairEnd(pair: Pair): number {
  const k = endOf(pair.key as Node | null);
  return Math.max(k, contentEnd(pair.value as Node | null) ?? k);
}

/** `spanOf(node).end` without building the span: contentEnd runs for every entry read. */
function endOf(node: Node | null | undefined): number {
  const r = node?.range;
  return r ? r[1] : 0;
}

/**
 * Where a value's own text ends. Block collections end with their last item, never with the
 * comments and blank lines yaml may fold into a trailing empty value's range.
 */
export function contentEnd(node: Node | null): number | undefined {
  if (!node || isEmptyNode(node)) return undefined;
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1];
    return isPair(last) ? pairEnd(last) : contentEnd(last as Node | null) ?? endOf(node);
  }
  return endOf(node);
}

/** Above this many values once aliases are expanded, a document is not turned into plain data (alias bombs). */
export const MAX_PLAIN_VALUES = 200_000;

/**
 * The document as plain data, the way compose reads it (aliases followed, `<<` merges resolved), for
 * schema validation. `doc.toJS()` does the same but re-walks the whole document for every alias it
 * meets; this reuses the alias map and the merged entries the rules already read. An aliased node
 * becomes one shared object. Returns undefined when the expanded data would exceed `MAX_PLAIN_VALUES`
 * values or an alias refers to its own ancestor.
 */
export function toPlain(doc: YDoc): unknown {
  const { value, size } = plainReader(doc)(doc.contents);
  return size > MAX_PLAIN_VALUES ? undefined : value;
}

/**
 * Reads nodes of `doc` as plain data (see `toPlain`), with the expanded size of each (Infinity when
 * it holds an alias to its own ancestor). Nodes read through one reader are built once. The size of
 * a mapping is one plus the sizes of its values, so a document's size adds up from its parts.
 */
export function plainReader(doc: YDoc): (node: unknown) => { value: unknown; size: number } {
  // One pass builds each mapping and sequence once and adds up the expanded size of its subtree (what
  // a validator walking the shared result pays).
  const memo = new Map<Node, unknown>();
  const sizes = new Map<Node, number>();
  let size = 0; // the expanded size of what `plain` returned last
  const plain = (node: unknown): unknown => {
    const n = deref(doc, node);
    if (!n || isScalar(n)) { size = 1; return n ? n.value ?? null : null; }
    const hit = memo.get(n);
    if (hit !== undefined) { size = sizes.get(n)!; return hit; }
    let total = 1;
    if (isSeq(n)) {
      const arr: unknown[] = [];
      memo.set(n, arr);
      sizes.set(n, Infinity); // in progress: reaching it again is a cycle
      for (const it of n.items) { arr.push(plain(it)); total += size; }
      sizes.set(n, size = total);
      return arr;
    }
    const obj: Record<string, unknown> = {};
    memo.set(n, obj);
    sizes.set(n, Infinity);
    if (isMap(n)) {
      if (entriesByMap.has(n) || n.items.some((p) => isMergeKey(p.key))) {
        // `values()`, not `[k, e]`: destructuring each entry costs more than the read in code not yet optimised.
        for (const e of entriesOf(doc, n).values()) { obj[e.key] = plain(e.value); total += size; }
      } else {
        // Without merges the entries are the pairs in order, the first of a key winning: read them
        // directly rather than building the spans of an entry for every pair of the document.
        let proto = false;
        for (const pair of n.items) {
          const k = keyText(pair.key);
          if (k === undefined || (k === '__proto__' ? proto : Object.hasOwn(obj, k))) continue;
          if (k === '__proto__') proto = true;
          obj[k] = plain(pair.value);
          total += size;
        }
      }
    }
    sizes.set(n, size = total);
    return obj;
  };
  return (node) => {
    const value = plain(node);
    return { value, size };
  };
}
