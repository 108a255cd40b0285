import type { Finding } from '../engine/types';

/** `--write-baseline` output: accepted findings by rule, file and content fingerprint (no line numbers). */
export interface Baseline {
  version: 1;
  findings: { rule: string; file: string; fingerprint: string }[];
}

export function makeBaseline(findings: Finding[], fps: string[], rel: (file: string) => string): string {
  const entries = findings.map((f, i) => ({ rule: f.rule, file: rel(f.file), fingerprint: fps[i] }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  const b: Baseline = { version: 1, findings: entries };
  return JSON.stringify(b, null, 2) + '\n';
}

export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) { throw new Error(`not JSON: ${(e as Error).message}`); }
  const b = data as Partial<Baseline>;
  if (b?.version !== 1 || !Array.isArray(b.findings) || !b.findings.every((f) => typeof f?.rule === 'string' && typeof f.file === 'string' && typeof f.fingerprint === 'string')) {
    throw new Error('not a deploylint baseline (write one with --write-baseline FILE)');
  }
  return b as Baseline;
}

/** Splits findings into new ones and those the baseline accepted; each entry accepts one finding. */
export function applyBaseline(baseline: Baseline, findings: Finding[], fps: string[], rel: (file: string) => string): { kept: number[]; suppressed: number[] } {
  const left = new Map<string, number>();
  for (const e of baseline.findings) {
    const k = `${e.rule}\0${e.file}\0${e.fingerprint}`;
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  const kept: number[] = [], suppressed: number[] = [];
  findings.forEach((f, i) => {
    const k = `${f.rule}\0${rel(f.file)}\0${fps[i]}`;
    const n = left.get(k) ?? 0;
    if (n > 0) { left.set(k, n - 1); suppressed.push(i); } else kept.push(i);
  });
  return { kept, suppressed };
}
