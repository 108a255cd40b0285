import type { Severity } from '../engine/types';
import type { CliFinding } from './format';
import { withFile } from './fingerprint';

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

/**
 * GitLab Code Quality report (a JSON array; `fingerprint` lets GitLab track an issue across
 * commits, and must be unique in the report, so it includes the path).
 */
export function formatGitlab(findings: CliFinding[], fps: string[]): string {
  return JSON.stringify(findings.map((f, i) => ({
    description: `${f.message} [${f.rule}]`,
    check_name: f.rule,
    fingerprint: withFile(f.file, fps[i]),
    severity: GITLAB_SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
  })), null, 2) + '\n';
}

/** JUnit XML: a test suite per linted file, a failing test case per finding, one passing case for a clean file. */
export function formatJunit(findings: CliFinding[], files: string[]): string {
  const byFile = new Map<string, CliFinding[]>(files.map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const suites = [...byFile].map(([file, list]) => {
    const cases = list.length
      ? list.map((f) => `    <testcase classname="${xml(file)}" name="${xml(`${f.rule} (${f.line}:${f.column})`)}">
      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${f.severity} [${f.rule}] ${f.file}:${f.line}:${f.column}: ${f.message}`)}</failure>
    </testcase>`)
      : [`    <testcase classname="${xml(file)}" name="deploylint"/>`];
    return `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${list.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="deploylint" tests="${suites.length && [...byFile.values()].reduce((n, l) => n + Math.max(l.length, 1), 0)}" failures="${findings.length}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Control characters are not allowed in XML 1.0 at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
