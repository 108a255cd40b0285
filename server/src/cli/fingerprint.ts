import type { Finding } from '../engine/types';

/**
 * A finding's identity within its file that survives edits elsewhere: its rule and the content of
 * its first line (whitespace-insensitive), numbered when the same line repeats. The file is not
 * part of it (SARIF and baselines pair it with the path themselves), so the fingerprint does not
 * depend on the folder the CLI runs from. Used by SARIF `partialFingerprints`, GitLab reports and
 * baselines. The line's text is hashed, never stored, so no report holds a secret value.
 */
export function fingerprints(findings: Finding[], text: (file: string) => string | undefined): string[] {
  const seen = new Map<string, number>();
  const lines = new Map<string, string[]>();
  return findings.map((f) => {
    let fileLines = lines.get(f.file);
    if (!fileLines) lines.set(f.file, fileLines = (text(f.file) ?? '').split(/\r?\n/));
    const content = (fileLines[f.range.start.line] ?? '').trim().replace(/\s+/g, ' ');
    const key = `${f.rule}\0${content}`;
    const n = seen.get(`${f.file}\0${key}`) ?? 0;
    seen.set(`${f.file}\0${key}`, n + 1);
    return sha256(`${key}\0${n}`);
  });
}

/** node:crypto is required on first use: loading it costs a fresh process more than a small file's lint. */
function sha256(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A fingerprint unique across the report (GitLab requires it; code scanning keys alerts by it). */
export function withFile(file: string, fingerprint: string): string {
  return sha256(`${file}\0${fingerprint}`);
}
