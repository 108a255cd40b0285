import { fixAll, LineIndex, Workspace, type EngineConfig, type FileEdit, type FileHost, type Finding, type Language } from '../engine';
import type { Logger } from './log';

/** Reads through to the server's workspace (open documents included) without ever changing it. */
class ReadThroughHost implements FileHost {
  constructor(private readonly ws: Workspace) {}
  readFile(p: string) { return this.ws.readFile(p); }
  stat(p: string) { return this.ws.stat(p); }
  readDir(p: string) { return this.ws.readDir(p); }
}

/**
 * Every safe fix of a file, applied by the engine's `fixAll` in a scratch copy of the workspace,
 * returned as one minimal edit per changed file (so the editor keeps cursor and undo history).
 * Fixes that would create a file are left out when the client cannot create files.
 */
export function fixAllEdits(ws: Workspace, path: string, config: EngineConfig, language: Language, canCreate: boolean, log?: Logger): FileEdit[] {
  const scratch = new Workspace(new ReadThroughHost(ws));
  const creates = (f: Finding) => f.fixes.find((x) => x.safe && x.edits.length > 0)?.edits.some((e) => e.create) ?? false;
  const result = fixAll(scratch, [path], config, {
    language,
    filter: canCreate ? undefined : (f) => !creates(f),
    onRuleError: (rule, _file, e) => log?.error(`rule ${rule} failed during fix-all`, e),
  });
  const edits: FileEdit[] = [];
  for (const [file, text] of result.changed) {
    const before = ws.readFile(file);
    edits.push(minimalEdit(file, before ?? '', text, before === undefined));
  }
  return edits;
}

/** The single splice that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(file: string, before: string, after: string, create = false): FileEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never cut a CRLF pair or a surrogate pair: positions inside them do not exist for an editor.
  while (start > 0 && splitsPair(before, start)) start--;
  let end = before.length - tail;
  while (end < before.length && splitsPair(before, end)) { end++; tail--; }
  const edit: FileEdit = {
    file, start, end,
    newText: after.slice(start, after.length - tail),
    range: new LineIndex(before).range({ start, end }),
  };
  if (create) edit.create = true;
  return edit;
}

function splitsPair(text: string, i: number): boolean {
  const a = text.charCodeAt(i - 1), b = text.charCodeAt(i);
  return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
}
