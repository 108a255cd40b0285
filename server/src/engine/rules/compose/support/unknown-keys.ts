/**
 * The unknown keys of a compose file, validated one service at a time: the file without its services'
 * bodies, then each service on its own, with the result of a service kept for as long as its text
 * reads the same. A keystroke in a large file then validates the service it touched, not the file.
 * The result equals validating the whole file (test/engine/rules/compose/unknown-keys.test.ts).
 */
import type { ComposeFile } from '../../../parse/compose';
import { anchoredNodes, entriesOf, isMap, keyText, MAX_PLAIN_VALUES, plainReader, toPlain, type YDoc, type YPair } from '../../../parse/compose-yaml';
import { findUnknownKeys, findUnknownServiceKeys, isServiceName, type UnknownKey } from '../../../compose-schema/validate';
import { offsetsOf, ownCopy, someWithin } from '../../../text';
import { BoundedMap } from '../../../bounded-map';

interface ServiceResult { keys: UnknownKey[]; size: number }

/** By the service's text (name, indentation, body, and what its aliases point to): entries of earlier versions of open files. */
const cache = new BoundedMap<string, ServiceResult>(1000);

/**
 * By the service's pair, for a service without aliases: a reparse shares the pairs before the edit and
 * moves those after it, whose text is unchanged (compose-reparse.ts).
 */
const byPair = new WeakMap<YPair, ServiceResult>();

/** Unknown keys of a parsed compose file without errors; [] when it is too large once aliases expand. */
export function unknownKeysOf(file: ComposeFile): UnknownKey[] {
  const doc = file.doc!;
  const root = file.root!;
  const services = file.servicesEntry;
  const map = services?.value;
  // The service bodies must be the text under `services:` itself (no alias, no merge) to be read alone.
  if (!services || services.inherited || !isMap(map) || map.items.some((p) => keyText(p.key) === '<<')) {
    const data = toPlain(doc);
    return data === undefined ? [] : findUnknownKeys(data);
  }
  // A `%YAML 1.1` or `%TAG` directive changes how the same text reads: nothing is cached then.
  const cacheable = !/^%/m.test(file.text.slice(0, doc.contents?.range?.[0] ?? 0));
  const read = plainReader(doc);
  const top: Record<string, unknown> = {};
  let size = 1;
  const found: UnknownKey[][] = [];
  for (const e of entriesOf(doc, root).values()) {
    const k = e.key;
    if (k !== 'services') {
      const r = read(e.value);
      top[k] = r.value;
      size += r.size;
      if (size > MAX_PLAIN_VALUES) return [];
      continue;
    }
    const stub: Record<string, unknown> = {};
    let stars: number[] | undefined;
    top[k] = stub;
    size += 1;
    for (const s of entriesOf(doc, map).values()) {
      const name = s.key;
      // A name the schema rejects is reported at `services` and its body is not validated.
      stub[name] = {};
      // A pair a reparse kept (before the edit) or moved (after it) reads as it did, unless an alias in
      // it names an anchored block the edit changed: alias-free ones need no key built.
      const byNode = cacheable && !someWithin(stars ??= offsetsOf(file.text, '*'), s.keySpan.start, s.pairSpan.end);
      let hit = byNode ? byPair.get(s.pair) : undefined;
      const key = hit || !cacheable ? undefined : serviceKey(doc, file.text, s.keySpan.start, s.pairSpan.end);
      hit ??= key === undefined ? undefined : cache.get(key);
      const r = hit ? undefined : read(s.value);
      size += hit ? hit.size : r!.size;
      if (size > MAX_PLAIN_VALUES) return [];
      if (hit) { found.push(hit.keys); if (byNode) byPair.set(s.pair, hit); continue; }
      if (!isServiceName(name)) continue;
      const keys = findUnknownServiceKeys(name, r!.value);
      if (key !== undefined) remember(key, { keys, size: r!.size });
      if (byNode) byPair.set(s.pair, { keys, size: r!.size });
      found.push(keys);
    }
  }
  return [...findUnknownKeys(top), ...found.flat()];
}

/**
 * The service's lines as written, followed by the lines of every node its aliases (and theirs) point
 * to: together they decide its data. Undefined when an alias name is anchored more than once.
 */
function serviceKey(doc: YDoc, text: string, keyStart: number, end: number): string | undefined {
  let key = lines(text, keyStart, end);
  if (!key.includes('*')) return key;
  const anchors = anchoredNodes(doc);
  const seen = new Set<string>();
  const pending = [key];
  for (let t = pending.pop(); t !== undefined; t = pending.pop()) {
    // Over-matching (a `*` inside a quoted string) only lengthens the key.
    for (const m of t.matchAll(/\*([^\s,[\]{}]+)/g)) {
      const name = m[1];
      if (seen.has(name) || !anchors.has(name)) continue;
      seen.add(name);
      const range = anchors.get(name)?.range;
      if (!range) return undefined;
      const target = lines(text, range[0], range[1]);
      key += `\0${name}\0${target}`;
      pending.push(target);
    }
  }
  return key;
}

function lines(text: string, start: number, end: number): string {
  return text.slice(text.lastIndexOf('\n', start - 1) + 1, end);
}

function remember(key: string, result: ServiceResult): void {
  // The key is a slice of the document's text: the cache keeps a copy, not that whole version.
  cache.set(ownCopy(key), result);
}
