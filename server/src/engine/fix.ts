import type { FileEdit, Fix } from './types';

export interface Splice { start: number; end: number; newText: string }

export class OverlappingEditsError extends Error {}

/** Applies splices to a text at offsets of that same text. Overlapping splices are refused. */
export function applySplices(text: string, edits: readonly Splice[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new OverlappingEditsError(`edit ${e.start}-${e.end} overlaps another or lies outside the text`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Picks the fixes whose edits do not collide with fixes picked before them (per file),
 * and returns the new text of every file they touch. Colliding fixes wait for the next pass.
 */
export function applyFixes(readFile: (path: string) => string | undefined, fixes: readonly Fix[]): Map<string, string> {
  const chosen = new Map<string, FileEdit[]>();
  for (const fix of fixes) {
    if (!fix.edits.length) continue;
    const fits = fix.edits.every((e) => !(chosen.get(e.file) ?? []).some((c) => collide(c, e)))
      && !selfOverlap(fix.edits);
    if (!fits) continue;
    for (const e of fix.edits) {
      const list = chosen.get(e.file) ?? [];
      if (!list.some((c) => c.start === e.start && c.end === e.end && c.newText === e.newText)) list.push(e);
      chosen.set(e.file, list);
    }
  }
  const out = new Map<string, string>();
  for (const [file, edits] of chosen) {
    out.set(file, applySplices(readFile(file) ?? '', edits));
  }
  return out;
}

function collide(a: FileEdit, b: FileEdit): boolean {
  if (a.start === b.start && a.end === b.end && a.newText === b.newText) return false;
  // Two insertions at one point, or any intersection, would depend on order: not in the same pass.
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function selfOverlap(edits: readonly FileEdit[]): boolean {
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const list of byFile.values()) {
    const s = [...list].sort((a, b) => a.start - b.start);
    for (let i = 1; i < s.length; i++) if (s[i].start < s[i - 1].end) return true;
  }
  return false;
}
