import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types';

/**
 * A finding's identity that survives edits elsewhere in the file: its rule, its file and the
 * content of its first line (whitespace-insensitive), numbered when the same line repeats. Used
 * by SARIF `partialFingerprints` and by baselines. The line's text is hashed, never stored, so a
 * baseline or a SARIF log holds no secret value.
 */
export function fingerprints(findings: Finding[], rel: (file: string) => string, text: (file: string) => string | undefined): string[] {
  const seen = new Map<string, number>();
  const lines = new Map<string, string[]>();
  return findings.map((f) => {
    let fileLines = lines.get(f.file);
    if (!fileLines) lines.set(f.file, fileLines = (text(f.file) ?? '').split(/\r?\n/));
    const content = (fileLines[f.range.start.line] ?? '').trim().replace(/\s+/g, ' ');
    const key = `${f.rule}\0${rel(f.file)}\0${content}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}
