import type { Node } from 'yaml';
import type { Span } from '../types';
import { entriesOf, innerSpan, scalarText, seqItems, type Entry, type YDoc, isMap, isScalar, isSeq } from './compose-yaml';
import { hasInterpolation } from './interpolation';

/** One variable of a service's `environment`, map form (`KEY: value`) or list form (`- KEY=value`). */
export interface EnvEntry {
  key: string;
  /** undefined for `KEY:` (null) or `- KEY` (taken from the shell running compose). */
  value?: string;
  form: 'map' | 'list';
  keySpan: Span;
  /** The value's characters in the source; the whole scalar when they cannot be pinned exactly. */
  valueSpan: Span;
  /** `valueSpan` covers exactly the value's characters (no escapes, quotes or folding in between). */
  valueExact: boolean;
  /** `KEY: value` pair or the `- KEY=value` list item. */
  itemSpan: Span;
  /** The scalar holding the value (map form: the value; list form: the whole item). */
  node: Node | null;
  /** Scalar style of `node`: PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_*. */
  style?: string;
  /** The value reads a variable (`${VAR}`, `$VAR`). */
  interpolated: boolean;
  /** Written in a flow collection (`{A: 1}` or `[A=1]`), where `{}` and `,` need quoting. */
  flow: boolean;
  /** Map form: the entry (possibly inherited through `<<`). */
  entry?: Entry;
  /** List form: the item's index in its sequence. */
  index?: number;
}

export function readEnvironment(doc: YDoc, text: string, node: Node | null | undefined): EnvEntry[] {
  if (!node) return [];
  if (isMap(node)) {
    const out: EnvEntry[] = [];
    for (const e of entriesOf(doc, node).values()) {
      // `KEY: !reset null` removes an inherited value (compose merge): there is no value, and no secret.
      const value = (e.value as { tag?: string } | null)?.tag === '!reset' ? undefined : scalarText(doc, e.value);
      const v = e.value && isScalar(e.value) ? e.value : null;
      const exact = value !== undefined ? innerSpan(text, v, 0, value.length) : { span: e.valueSpan, exact: false };
      out.push({
        key: e.key, value, form: 'map', keySpan: e.keySpan,
        valueSpan: value === undefined ? e.valueSpan : exact.span, valueExact: value !== undefined && exact.exact,
        itemSpan: e.pairSpan, node: v, style: v?.type, entry: e,
        interpolated: value !== undefined && hasInterpolation(value), flow: !!e.owner.flow,
      });
    }
    return out;
  }
  if (isSeq(node)) {
    const out: EnvEntry[] = [];
    for (const it of seqItems(doc, node)) {
      const s = scalarText(doc, it.node);
      if (s === undefined || !isScalar(it.node)) continue;
      const eq = s.indexOf('=');
      const key = eq >= 0 ? s.slice(0, eq) : s;
      const value = eq >= 0 ? s.slice(eq + 1) : undefined;
      const keyPos = innerSpan(text, it.node, 0, key.length);
      const valPos = value === undefined ? keyPos : innerSpan(text, it.node, eq + 1, s.length);
      out.push({
        key: key.trim(), value, form: 'list', keySpan: keyPos.span,
        valueSpan: valPos.span, valueExact: value !== undefined && valPos.exact,
        itemSpan: it.span, node: it.node, style: (it.node).type,
        interpolated: value !== undefined && hasInterpolation(value), flow: !!node.flow, index: it.index,
      });
    }
    return out;
  }
  return [];
}
