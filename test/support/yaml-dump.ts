import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

/** Everything of a yaml tree the engine reads: node kinds, ranges, values, styles, anchors, alias names. */
export function dumpNode(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isPair(node)) return ['pair', dumpNode(node.key), dumpNode(node.value)];
  if (isScalar(node)) return ['scalar', node.range, node.value, node.type, node.anchor ?? null, node.tag ?? null, node.source ?? null];
  if (isAlias(node)) return ['alias', node.range, node.source];
  if (isMap(node) || isSeq(node)) {
    return [isMap(node) ? 'map' : 'seq', node.range, !!node.flow, node.anchor ?? null, node.tag ?? null, (node.items as unknown[]).map(dumpNode)];
  }
  return ['other', String(node)];
}

/** A parsed document as comparable JSON: its range, errors, warnings and tree. */
export function dumpDocument(doc: Document.Parsed): string {
  return JSON.stringify([doc.range, doc.errors.map((e) => e.message), doc.warnings.map((e) => e.message), dumpNode(doc.contents)]);
}
