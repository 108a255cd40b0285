import type { EngineConfig } from './config';
import type { RuleContext } from './context';
import type { EditSpec, Finding, Fix, FixSpec, Language, Report, Severity } from './types';
import type { Workspace } from './workspace';
import type { SourceDocument } from './workspace-files';
import { rulesFor } from './rules';
import { markupOf, parsed } from './languages';
import { roleOf, type RoleInfo } from './roles';
import { applyRolePolicy, type PlacedFinding } from './role-policy';
import { isSuppressed, readSuppressions, type Suppressions } from './suppress';
import { LineIndex } from './text';
import type { RuleId } from './rules/ids';
import { envTemplateReason } from './project/env-template';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LintOptions {
  /** Called once per rule that throws; the other rules still report. Never given file contents. */
  onRuleError?: (ruleId: string, file: string, error: unknown) => void;
  /** Lint as this language instead of guessing from the name (an editor's language id). */
  language?: Language;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function severityRank(s: Severity): number { return SEVERITY_ORDER[s]; }

/** Lints one file of the workspace: parse once, run every enabled rule of its language, drop suppressed findings. */
export function lintFile(ws: Workspace, path: string, config: EngineConfig, options: LintOptions = {}): Finding[] {
  const doc = ws.document(path);
  if (!doc) return [];
  const language = options.language ?? doc.language;
  if (!language) return [];
  const skipped = skipReason(doc);
  if (skipped) {
    return [{
      rule: `${language}/syntax`, severity: 'info', file: path, fixes: [],
      message: `deploylint skipped this file: ${skipped}.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }];
  }
  const role = roleFor(doc, language, config, ws);
  if (role.role === 'test' && !config.roles.lintTestFiles) return [];
  const tree = parsed(doc, language);
  const findings: PlacedFinding[] = [];
  for (const rule of rulesFor(language)) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.severity;
    const ctx = makeContext(ws, doc, tree, config, severity, (r) => {
      findings.push({ finding: toFinding(ws, doc, rule.id, setting ? severity : (r.severity ?? severity), r), span: r.span });
    });
    const before = findings.length;
    try {
      rule.check(ctx);
    } catch (e) {
      findings.length = before;
      options.onRuleError?.(rule.id, path, e);
    }
  }
  const sup = readSuppressions(doc.text);
  findings.push(...unknownRuleFindings(sup, language, doc, config));
  return applyRolePolicy(findings, role, doc.text, markupOf(doc, language), doc.path).filter((f) => !isSuppressed(sup, f)).sort(compareFindings);
}

/**
 * A directive naming no rule silences nothing; its syntax rule says so rather than leaving the finding it meant
 * to hide unexplained. Placed like a rule's findings, so the file's role caps them as it caps the rest.
 */
function unknownRuleFindings(sup: Suppressions, language: Language, doc: SourceDocument, config: EngineConfig): PlacedFinding[] {
  const rule = `${language}/syntax` as const;
  const setting = config.rules[rule];
  if (setting === 'off') return [];
  return sup.unknown.map((u) => {
    const range = { start: { line: u.line, character: u.start }, end: { line: u.line, character: u.end } };
    const span = { start: doc.lines.offset(range.start), end: doc.lines.offset(range.end) };
    return { finding: { rule, severity: setting ?? 'warning', message: u.message, file: doc.path, fixes: [], range }, span };
  });
}

/** What a file is for (ARCHITECTURE.md, Precision), as the lint of it sees it; with the workspace, an env file the project shows to be a template is one. */
export function roleFor(doc: SourceDocument, language: Language, config: EngineConfig, ws?: Workspace): RoleInfo {
  const role = roleOf(doc.path, doc.text, language, config.roles, markupOf(doc, language));
  if (role.source !== 'default' || language !== 'env' || !ws) return role;
  const reason = envTemplateReason(ws, doc.path);
  return reason ? { role: 'template', source: 'project', reason } : role;
}

export interface FileInfo {
  kind: Language;
  role: RoleInfo;
  /** Why the file is not linted (a test file while `lintTestFiles` is off). */
  skipped?: string;
}

/** The kind and role the engine chose for a file, as the CLI's JSON and the editor's hover show them (ARCHITECTURE.md, File kinds). */
export function fileInfo(ws: Workspace, path: string, config: EngineConfig, language?: Language): FileInfo | undefined {
  const doc = ws.document(path);
  const kind = language ?? doc?.language;
  if (!doc || !kind) return undefined;
  const role = roleFor(doc, kind, config, ws);
  const info: FileInfo = { kind, role };
  if (role.role === 'test' && !config.roles.lintTestFiles) info.skipped = 'test file (turn on with lintTestFiles)';
  return info;
}

export function lintFiles(ws: Workspace, paths: readonly string[], config: EngineConfig, options: LintOptions = {}): Finding[] {
  return paths.flatMap((p) => lintFile(ws, p, config, options));
}

function skipReason(doc: SourceDocument): string | undefined {
  if (doc.text.length > MAX_FILE_BYTES) return 'it is larger than 5 MB';
  if (doc.text.includes('\0')) return 'it contains NUL bytes (binary?)';
  return undefined;
}

function makeContext<P>(ws: Workspace, doc: SourceDocument, tree: P, config: EngineConfig, severity: Severity, sink: (r: Report) => void): RuleContext<P> {
  return {
    file: doc, doc: tree, workspace: ws, config, severity,
    report: sink,
    replace: (span, newText) => ({ start: span.start, end: span.end, newText }),
    insert: (offset, newText) => ({ start: offset, end: offset, newText }),
  };
}

function toFinding(ws: Workspace, doc: SourceDocument, rule: RuleId, severity: Severity, r: Report): Finding {
  const f: Finding = {
    rule, severity, message: r.message, file: doc.path,
    range: doc.lines.range(r.span),
    fixes: (r.fixes ?? []).map((fx) => toFix(ws, doc, fx)),
  };
  if (r.related?.length) {
    f.related = r.related.map((rel) => ({ file: rel.file, message: rel.message, range: indexFor(ws, doc, rel.file).range(rel.span) }));
  }
  return f;
}

function toFix(ws: Workspace, doc: SourceDocument, fx: FixSpec): Fix {
  const fix: Fix = { title: fx.title, safe: fx.safe, edits: fx.edits.map((e) => toEdit(ws, doc, e)) };
  if (fx.command) fix.command = fx.command;
  if (fx.sensitive) fix.sensitive = true;
  return fix;
}

function toEdit(ws: Workspace, doc: SourceDocument, e: EditSpec) {
  const file = e.file ?? doc.path;
  const lines = indexFor(ws, doc, file);
  const edit = { file, start: e.start, end: e.end, newText: e.newText, range: lines.range(e) };
  return e.create ? { ...edit, create: true } : edit;
}

function indexFor(ws: Workspace, doc: SourceDocument, file: string): LineIndex {
  if (file === doc.path) return doc.lines;
  return ws.document(file)?.lines ?? new LineIndex('');
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.file === b.file ? 0 : a.file.localeCompare(b.file))
    || a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || compareRuleIds(a.rule, b.rule);
}

/**
 * Rule ids are lower-case ASCII (`[a-z]+/[a-z0-9-]+`), which code-unit order sorts as the root and
 * English collations do (a test holds every pair to it), and the same under every locale. Not
 * `localeCompare`: its first call loads the ICU collator, 10-30 ms of a fresh CLI process, and the
 * findings of one file all share the file, so only equal positions compare rule ids.
 */
export function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
