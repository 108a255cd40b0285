import type { Rule } from '../../types';
import type { Node } from 'yaml';
import { deref, entriesOf, type YDoc, isMap, isSeq } from '../../parse/compose-yaml';
import { unknownKeysOf } from './support/unknown-keys';
import type { Span } from '../../types';
import type { ComposeContext } from './support/report';
import { editDistance } from '../../text';

export const unknownKey: Rule<ComposeContext> = {
  id: 'compose/unknown-key', language: 'compose', severity: 'warning',
  title: 'Key not defined by the compose specification',
  docs: {
    why: 'A key that the Compose Specification does not define (validated against its official JSON schema). Compose versions differ in whether they warn or ignore it, and a typo such as `securty_opt` or `read-only` silently drops the hardening it was meant to add. Extension keys (`x-...`) are allowed everywhere.',
  },
  fixable: false,
  check(ctx) {
    const doc = ctx.doc.doc;
    const root = ctx.doc.root;
    if (!doc || !root || ctx.doc.errors.length) return;
    // A v1 file (services at the top level, no `services:` key) is a different format altogether.
    if (!ctx.doc.top.has('services') && [...ctx.doc.top.values()].some((e) => isMap(e.value))) return;
    for (const u of unknownKeysOf(ctx.doc)) {
      const span = keySpanAt(doc, root, u.path, u.key);
      if (!span) continue;
      const guess = closest(u.key, u.allowed);
      ctx.report({ span, message: `\`${u.key}\` is not a compose key${u.path.length ? ` here (${u.path.join('.')})` : ''}${guess ? `; did you mean \`${guess}\`?` : '.'}` });
    }
  },
};

/** Follows the JSON path through the YAML (aliases and merges resolved) to the unknown key's own span. */
function keySpanAt(doc: YDoc, root: Node, path: string[], key: string): Span | undefined {
  let node: Node | null = root;
  for (const seg of path) {
    node = deref(doc, node);
    if (node && isMap(node)) node = entriesOf(doc, node).get(seg)?.value ?? null;
    else if (node && isSeq(node)) node = deref(doc, node.items[Number(seg)]);
    else return undefined;
  }
  node = deref(doc, node);
  if (!node || !isMap(node)) return undefined;
  return entriesOf(doc, node).get(key)?.keySpan;
}

/** The allowed key within edit distance 2 (3 for long keys), or the one `-`/`_` away. */
export function closest(key: string, allowed: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const exact = allowed.find((a) => norm(a) === norm(key));
  if (exact) return exact;
  let best: string | undefined;
  let bestD = key.length > 8 ? 3 : 2;
  for (const a of allowed) {
    const d = editDistance(norm(key), norm(a));
    if (d <= bestD && (d < bestD || !best)) { best = a; bestD = d; }
  }
  return best;
}
