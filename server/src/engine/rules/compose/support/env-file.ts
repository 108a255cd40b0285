/** Edits to the `.env` beside a compose file (the one compose reads for `${VAR}`), kept in its style. */
import type { EditSpec } from '../../../types';
import type { Workspace } from '../../../workspace';
import { eolOf } from '../../../text';

export function envPathFor(composePath: string): string {
  return `${composePath.slice(0, composePath.lastIndexOf('/') + 1)}.env`;
}

/** The value of KEY in a .env text (last definition wins), without dotenv's finer quoting rules. */
export function envValue(text: string, key: string): string | undefined {
  let found: string | undefined;
  const re = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*=[ \\t]*(.*)$`, 'gm');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let v = m[1].replace(/\r$/, '');
    const q = /^(['"])(.*)\1\s*(?:#.*)?$/.exec(v);
    v = q ? q[2] : v.replace(/\s+#.*$/, '').trim();
    found = v;
  }
  return found;
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
  const text = ws.readFile(file);
  const line = `${key}=${envQuote(value)}`;
  if (text === undefined) return { status: 'added', edit: { file, start: 0, end: 0, newText: `${line}\n`, create: true } };
  const current = envValue(text, key);
  if (current !== undefined) return { status: current === value ? 'present' : 'conflict' };
  const eol = eolOf(text);
  const lead = text.length && !/\n$/.test(text) ? eol : '';
  return { status: 'added', edit: { file, start: text.length, end: text.length, newText: `${lead}${line}${eol}` } };
}
