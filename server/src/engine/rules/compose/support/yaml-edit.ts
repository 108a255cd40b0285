/**
 * Splices that add or remove keys and list items in a compose file without re-serialising it:
 * block or flow collections, the file's indent, comments and line breaks kept.
 */
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { EditSpec, Span } from '../../../types';
import type { SourceDocument } from '../../../workspace-files';
import { pairEnd, spanOf, type Entry } from '../../../parse/compose-yaml';
import type { YamlStyle } from './yaml-style';

/** A value to write: a scalar already formatted, a list of formatted scalars, or ordered pairs. */
export type YValue = string | { list: string[] } | { map: [string, YValue][] };

function renderBlock(key: string, value: YValue, indent: string, style: YamlStyle): string[] {
  if (typeof value === 'string') return [`${indent}${key}: ${value}`];
  if ('list' in value) return [`${indent}${key}:`, ...value.list.map((i) => `${indent}${style.seqIndent}- ${i}`)];
  return [`${indent}${key}:`, ...value.map.flatMap(([k, v]) => renderBlock(k, v, indent + style.unit, style))];
}

export function renderFlow(value: YValue): string {
  if (typeof value === 'string') return value;
  if ('list' in value) return `[${value.list.join(', ')}]`;
  return `{ ${value.map.map(([k, v]) => `${k}: ${renderFlow(v)}`).join(', ')} }`;
}

/** The offset just after the last character of the line holding `offset - 1` (before its line break). */
function endOfLineBefore(doc: SourceDocument, offset: number): number {
  const at = Math.max(0, offset - 1);
  return doc.lines.lineEnd(doc.lines.position(at).line);
}

/** Adds `key: value` as the last key of a mapping. */
export function addPair(doc: SourceDocument, map: YAMLMap, key: string, value: YValue, style: YamlStyle): EditSpec {
  return addPairs(doc, map, [[key, value]], style);
}

/** Adds keys after the last key of a mapping, block or flow, at the indent of its first key. */
export function addPairs(doc: SourceDocument, map: YAMLMap, pairs: [string, YValue][], style: YamlStyle): EditSpec {
  const r = spanOf(map);
  if (map.flow) {
    const close = doc.text.lastIndexOf('}', r.end);
    const inner = doc.text.slice(r.start + 1, close).trim();
    const text = pairs.map(([k, v]) => `${k}: ${renderFlow(v)}`).join(', ');
    const at = map.items.length ? pairEnd(map.items[map.items.length - 1]) : r.start + 1;
    return { start: at, end: at, newText: inner ? `, ${text}` : ` ${text} ` };
  }
  const first = map.items[0] as Pair | undefined;
  const firstKey = first ? spanOf(first.key as Node | null) : r;
  const indent = ' '.repeat(doc.lines.position(firstKey.start).character);
  const at = endOfLineBefore(doc, map.items.length ? pairEnd(map.items[map.items.length - 1]) : r.end);
  const lines = pairs.flatMap(([k, v]) => renderBlock(k, v, indent, style));
  return { start: at, end: at, newText: lines.map((l) => style.eol + l).join('') };
}

/** Appends an item (already formatted) to a sequence. */
export function appendItem(doc: SourceDocument, seq: YAMLSeq, item: string, style: YamlStyle): EditSpec {
  const r = spanOf(seq);
  const items = seq.items as (Node | null)[];
  if (seq.flow) {
    if (!items.length) {
      const open = doc.text.indexOf('[', r.start);
      return { start: open + 1, end: open + 1, newText: item };
    }
    const at = spanOf(items[items.length - 1]).end;
    return { start: at, end: at, newText: `, ${item}` };
  }
  const last = items[items.length - 1];
  const lastSpan = spanOf(last, r.start);
  const line = doc.lines.position(lastSpan.start).line;
  const lineText = doc.lines.lineText(line);
  const dash = /^(\s*)-/.exec(lineText);
  const indent = dash ? dash[1] : ' '.repeat(doc.lines.position(lastSpan.start).character - 2);
  const at = endOfLineBefore(doc, lastSpan.end);
  return { start: at, end: at, newText: `${style.eol}${indent}- ${item}` };
}

/** Whole lines from the start of `span`'s first line through the line break after its last line. */
function wholeLines(doc: SourceDocument, span: Span): Span {
  const first = doc.lines.position(span.start).line;
  const last = doc.lines.position(Math.max(span.start, span.end - 1)).line;
  const start = doc.lines.lineStarts[first];
  const end = last + 1 < doc.lines.lineCount ? doc.lines.lineStarts[last + 1] : doc.text.length;
  return { start, end };
}

function startsLine(doc: SourceDocument, offset: number, allowDash = false): boolean {
  const pos = doc.lines.position(offset);
  const before = doc.text.slice(offset - pos.character, offset);
  return allowDash ? /^\s*-?\s*$/.test(before) : /^\s*$/.test(before);
}

/** Removes item `index` of a sequence; when it is the only item, removes the whole `key: [...]` pair. */
export function removeItem(doc: SourceDocument, seq: YAMLSeq, index: number, owner: Entry | undefined): EditSpec {
  const items = seq.items as (Node | null)[];
  if (items.length === 1 && owner) return removePair(doc, owner);
  const span = spanOf(items[index]);
  if (seq.flow) {
    if (index < items.length - 1) return { start: span.start, end: spanOf(items[index + 1]).start, newText: '' };
    return { start: spanOf(items[index - 1]).end, end: span.end, newText: '' };
  }
  const lines = wholeLines(doc, span);
  if (!startsLine(doc, span.start, true)) return { start: span.start, end: span.end, newText: '' };
  return { start: lines.start, end: lines.end, newText: '' };
}

/** Removes a `key: value` pair (its lines in a block mapping; the pair and a comma in a flow mapping). */
export function removePair(doc: SourceDocument, e: Entry): EditSpec {
  const owner = e.owner;
  if (owner.flow) {
    const pairs = owner.items;
    const i = pairs.indexOf(e.pair);
    if (pairs.length > 1 && i < pairs.length - 1) return { start: e.pairSpan.start, end: spanOf(pairs[i + 1].key as Node | null).start, newText: '' };
    if (pairs.length > 1) return { start: pairEnd(pairs[i - 1]), end: e.pairSpan.end, newText: '' };
    return { start: e.pairSpan.start, end: e.pairSpan.end, newText: '' };
  }
  if (!startsLine(doc, e.pairSpan.start)) return { start: e.pairSpan.start, end: e.pairSpan.end, newText: '' };
  return { ...wholeLines(doc, e.pairSpan), newText: '' };
}
