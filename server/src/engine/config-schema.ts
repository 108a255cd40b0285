/** Checks a parsed `.deploylint.yaml` against schemas/deploylint.schema.json (the one editors get too). */
import type { ErrorObject, ValidateFunction } from 'ajv';

let validate: ValidateFunction | undefined;

/** One message per problem, each naming the key (`secrets.minKeyBytes: must be >= 1`). */
export function configSchemaErrors(data: unknown): string[] {
  if (!validate) {
    // require, not import: the JSON stays out of the TypeScript project and esbuild inlines it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require('../../../schemas/deploylint.schema.json') as Record<string, unknown>;
    // Loaded and compiled on first use only: most runs have no config file and should not pay for ajv.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  }
  if (validate(data)) return [];
  return [...new Set((validate.errors ?? []).filter((e) => !e.propertyName).map(describe))];
}

function describe(e: ErrorObject): string {
  const at = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = (extra?: string) => [...at, ...(extra ? [extra] : [])].join('.') || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(((e.parentSchema as { properties?: object }).properties) ?? {}).filter((k) => k !== '$schema');
      return `unknown key "${key(name)}"${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
    }
    case 'propertyNames':
      return `"${key((e.params as { propertyName: string }).propertyName)}": not a rule id (like compose/exposed-datastore-port)`;
    case 'enum':
      return `"${key()}": must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`;
    default:
      return `"${key()}": ${e.message ?? 'invalid'}`;
  }
}
