/** Unknown keys of a compose file, found by validating it against the compose-spec schema with ajv. */
import Ajv, { type ValidateFunction } from 'ajv';
import { SCHEMA_ADDITIONS } from './additions';

export interface UnknownKey {
  /** Keys from the root to the mapping holding the unknown key (JSON pointer segments, unescaped). */
  path: string[];
  key: string;
  /** The keys the schema allows in that mapping, for "did you mean". */
  allowed: string[];
}

type SchemaObject = Record<string, unknown>;

let compiled: { validate: ValidateFunction; schema: SchemaObject } | undefined;

/** Loads and compiles once, on first use (the schema costs a few ms to compile). */
function load(): { validate: ValidateFunction; schema: SchemaObject } {
  if (compiled) return compiled;
  // require, not import: the JSON stays out of the TypeScript project and esbuild inlines it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./compose-spec.json') as SchemaObject;
  const schema = stripIds(structuredClone(raw)) as SchemaObject;
  delete schema.$schema;
  for (const [pointer, keys] of Object.entries(SCHEMA_ADDITIONS)) {
    const node = at(schema, pointer);
    if (!node) continue;
    const props = (node.properties ??= {}) as SchemaObject;
    for (const k of keys) props[k] ??= {};
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, verbose: true });
  compiled = { validate: ajv.compile(schema), schema };
  return compiled;
}

/** Draft-04 style `id` members confuse ajv 8's reference resolution; the schema needs none of them. */
function stripIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripIds);
  if (node && typeof node === 'object') {
    const out: SchemaObject = {};
    for (const [k, v] of Object.entries(node as SchemaObject)) if (k !== 'id') out[k] = stripIds(v);
    return out;
  }
  return node;
}

function unescape(seg: string): string { return seg.replace(/~1/g, '/').replace(/~0/g, '~'); }

function at(schema: SchemaObject, pointer: string): SchemaObject | undefined {
  let node: unknown = schema;
  for (const seg of pointer.split('/').slice(1).map(unescape)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as SchemaObject)[seg];
  }
  return node && typeof node === 'object' ? (node as SchemaObject) : undefined;
}

export function findUnknownKeys(data: unknown): UnknownKey[] {
  const { validate } = load();
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: UnknownKey[] = [];
  for (const err of validate.errors ?? []) {
    if (err.keyword !== 'additionalProperties') continue;
    const key = String((err.params as { additionalProperty?: unknown }).additionalProperty ?? '');
    const path = err.instancePath ? err.instancePath.split('/').slice(1).map(unescape) : [];
    const id = JSON.stringify([...path, key]);
    if (seen.has(id)) continue;
    seen.add(id);
    // schemaPath is relative to the $ref'd definition; `verbose` hands over the schema object itself.
    const parent = err.parentSchema as SchemaObject | undefined;
    out.push({ path, key, allowed: Object.keys((parent?.properties as SchemaObject | undefined) ?? {}) });
  }
  return out;
}
