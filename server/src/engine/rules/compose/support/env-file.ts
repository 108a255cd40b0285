/** Edits to the `.env` beside a compose file (the one compose reads for `${VAR}`), kept in its style. */
import type { EditSpec } from '../../../types';
import type { Workspace } from '../../../workspace';
import { eolOf } from '../../../text';
import { envValues, type EnvFile } from '../../../parse/dotenv';
import { parsed } from '../../../languages';

export function envPathFor(composePath: string): string {
  return `${composePath.slice(0, composePath.lastIndexOf('/') + 1)}.env`;
}

/** Writes a value so that both compose (v1 and v2) and dotenv read it back unchanged. */
export function envQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,^~-]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n')}"`;
}

export type EnvAppend = { edit?: EditSpec; status: 'added' | 'present' | 'conflict' };

/** Appends `KEY=value` to the project's .env (creating it), unless it already holds KEY. */
export function appendEnv(ws: Workspace, composePath: string, key: string, value: string): EnvAppend {
  const file = envPathFor(composePath);
  const doc = ws.document(file);
  const line = `${key}=${envQuote(value)}`;
  if (!doc) return { status: 'added', edit: { file, start: 0, end: 0, newText: `${line}\n`, create: true } };
  const text = doc.text;
  // The parse is the document's own, shared with the env rules: fixes for many services ask again and again.
  const values = doc.memo('env:values', () => envValues(parsed<EnvFile>(doc, 'env')));
  const current = values.get(key);
  if (current !== undefined) return { status: current === value ? 'present' : 'conflict' };
  const eol = eolOf(text);
  const lead = text.length && !/\n$/.test(text) ? eol : '';
  return { status: 'added', edit: { file, start: text.length, end: text.length, newText: `${lead}${line}${eol}` } };
}
