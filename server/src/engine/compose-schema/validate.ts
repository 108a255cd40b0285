/**
 * Unknown keys of a compose file, found by validating it against the compose-spec schema. The
 * validator is ajv standalone code generated at build time (scripts/gen-compose-validator.ts), so no
 * run compiles the schema, and it is loaded on the first compose file that needs it.
 */
import type * as Generated from './validate-compose.generated';

export interface UnknownKey {
  /** Keys from the root to the mapping holding the unknown key (JSON pointer segments, unescaped). */
  path: string[];
  key: string;
  /** The keys the schema allows in that mapping, for "did you mean". */
  allowed: string[];
}

let generated: typeof Generated | undefined;

function load(): typeof Generated {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (generated ??= require('./validate-compose.generated') as typeof Generated);
}

/** The pattern a key of `services` must match to be validated as a service (other keys are unknown). */
export function isServiceName(name: string): boolean {
  return load().SERVICE_NAME.test(name);
}

/** Unknown keys of a whole compose file (plain data, aliases and merges resolved). */
export function findUnknownKeys(data: unknown): UnknownKey[] {
  return unknownKeys(load().validateCompose, data, []);
}

/** Unknown keys of one service's definition, with paths from the file's root (`services.<name>...`). */
export function findUnknownServiceKeys(name: string, data: unknown): UnknownKey[] {
  return unknownKeys(load().validateService, data, ['services', name]);
}

function unknownKeys(validate: Generated.Validator, data: unknown, prefix: string[]): UnknownKey[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: UnknownKey[] = [];
  for (const err of validate.errors ?? []) {
    if (err.keyword !== 'additionalProperties') continue;
    const key = String(err.params.additionalProperty ?? '');
    const path = [...prefix, ...(err.instancePath ? err.instancePath.split('/').slice(1).map(unescape) : [])];
    const id = JSON.stringify([...path, key]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path, key, allowed: Object.keys((err.parentSchema?.properties as Record<string, unknown> | undefined) ?? {}) });
  }
  return out;
}

function unescape(seg: string): string { return seg.replace(/~1/g, '/').replace(/~0/g, '~'); }
