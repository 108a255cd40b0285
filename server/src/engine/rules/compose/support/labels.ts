/** A service's `labels`, map form (`key: value`) or list form (`- key=value`), with the span of each. */
import type { Span } from '../../../types';
import type { Service } from '../../../parse/compose';
import { asMap, asSeq, entriesOf, scalarText, seqItems, type YDoc } from '../../../parse/compose-yaml';

export interface Label { key: string; value: string; span: Span }

export function labelsOf(doc: YDoc | undefined, svc: Service): Label[] {
  const e = svc.fields.get('labels');
  if (!doc || !e) return [];
  const map = asMap(doc, e.value);
  if (map) {
    return [...entriesOf(doc, map).values()].map((x) => ({ key: x.key, value: scalarText(doc, x.value) ?? '', span: x.pairSpan }));
  }
  const out: Label[] = [];
  for (const item of seqItems(doc, asSeq(doc, e.value))) {
    const text = scalarText(doc, item.node);
    if (text === undefined) continue;
    const eq = text.indexOf('=');
    out.push({ key: (eq < 0 ? text : text.slice(0, eq)).trim(), value: eq < 0 ? '' : text.slice(eq + 1).trim(), span: item.span });
  }
  return out;
}
