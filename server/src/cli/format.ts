import type { Finding, Severity } from '../engine/types';
import { docsUrl } from '../engine/rules';

export interface CliFinding {
  file: string; rule: string; severity: Severity; message: string;
  line: number; column: number; endLine: number; endColumn: number; fixable: boolean;
}

/** The JSON shape of ARCHITECTURE.md, CLI: 1-based positions, paths relative to the current directory. */
export function toCliFinding(f: Finding, rel: (p: string) => string): CliFinding {
  return {
    file: rel(f.file), rule: f.rule, severity: f.severity, message: f.message,
    line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    fixable: f.fixes.some((x) => x.edits.length > 0),
  };
}

/** A file the CLI looked at: its kind and role (ARCHITECTURE.md, File kinds, §10); `skipped` says why it was not linted. */
export interface CliFile { path: string; kind: string; role: string; skipped?: string }

export function formatJson(version: string, files: CliFile[], findings: CliFinding[]): string {
  return JSON.stringify({ version: 2, tool: { name: 'deploylint', version }, files, findings }, null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

/** One line per finding, like Ruff and gcc: `path:line:col: severity [rule] message`, then a summary. */
export function formatText(findings: CliFinding[], files: CliFile[], color: boolean, unreadable = 0): string {
  const skipped = files.filter((f) => f.skipped).length;
  const fileCount = files.length - skipped;
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines = findings.map((f) =>
    `${paint('1', `${f.file}:${f.line}:${f.column}`)}: ${paint(COLORS[f.severity], f.severity)} ${paint('2', `[${f.rule}]`)} ${f.message}`);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const fixable = findings.filter((f) => f.fixable).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (unreadable) {
    // Files went unchecked: never a clean bill of health.
    lines.push(`${findings.length ? '\n' : ''}${plural(unreadable, 'file')} could not be read (see above); ${plural(findings.length, 'problem')} in the other ${plural(fileCount - unreadable, 'file')}.`);
  } else if (!findings.length) {
    lines.push(`No problems found in ${fileCount} file${fileCount === 1 ? '' : 's'}.`);
  } else {
    const parts = (['error', 'warning', 'info', 'hint'] as Severity[]).map((s) => [s, count(s)] as const).filter(([, n]) => n).map(([s, n]) => `${n} ${s}${n === 1 || s === 'info' ? '' : 's'}`);
    lines.push('', `${findings.length} problem${findings.length === 1 ? '' : 's'} (${parts.join(', ')}) in ${fileCount} file${fileCount === 1 ? '' : 's'}.`
      + (fixable ? ` ${fixable} ha${fixable === 1 ? 's' : 've'} a fix: safe ones apply with --fix, all show in the editor.` : ''));
  }
  if (skipped) lines.push(`Skipped ${skipped} test file${skipped === 1 ? '' : 's'} (turn on with lintTestFiles: true in .deploylint.yaml).`);
  return lines.join('\n') + '\n';
}

export { docsUrl };
