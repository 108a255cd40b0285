import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { docsUrl, type Finding, type Fix, type Severity } from '../engine';

export const SOURCE = 'deploylint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * One finding as an LSP diagnostic. `data` carries the fixes so a code action needs no re-lint;
 * related entries point at other files by URI.
 */
export function toDiagnostic(f: Finding, uriOf: (path: string) => string, relatedSupport = true): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    message: f.message,
    data: f.fixes,
  };
  if (f.related?.length) {
    if (relatedSupport) {
      d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
        location: { uri: uriOf(r.file), range: r.range },
        message: r.message,
      }));
    } else {
      d.message = f.message + f.related.map((r) => `\n${r.message}`).join('');
    }
  }
  return d;
}

/** The fixes a diagnostic carries, if it is one of ours and `data` looks like what we sent. */
export function fixesOf(d: Diagnostic): Fix[] {
  if (d.source !== SOURCE || !Array.isArray(d.data)) return [];
  return (d.data as unknown[]).filter(isFix);
}

function isFix(v: unknown): v is Fix {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.title === 'string' && typeof f.safe === 'boolean' && Array.isArray(f.edits)
    && f.edits.every((e) => typeof e === 'object' && e !== null && typeof (e as Record<string, unknown>).file === 'string'
      && typeof (e as Record<string, unknown>).newText === 'string' && isRange((e as Record<string, unknown>).range));
}

function isRange(v: unknown): boolean {
  const r = v as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | null;
  return !!r && typeof r.start?.line === 'number' && typeof r.start?.character === 'number'
    && typeof r.end?.line === 'number' && typeof r.end?.character === 'number';
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
