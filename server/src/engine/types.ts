/** Core types shared by the engine, the language server, the CLI and the tests. */

import type { RuleId } from './rules/ids';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Language = 'compose' | 'nginx' | 'env';

/** LSP-style 0-based position (character counted in UTF-16 code units, like JS strings). */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A half-open span of UTF-16 offsets into a file's text. */
export interface Span { start: number; end: number }

/** One text splice. `file` is the workspace path of the file it edits. */
export interface FileEdit {
  file: string;
  range: Range;
  /** Offsets of `range` in the text the edit was computed against. */
  start: number;
  end: number;
  newText: string;
  /** The file does not exist yet; the edit creates it (start = end = 0). */
  create?: boolean;
}

export interface Fix {
  title: string;
  edits: FileEdit[];
  /** Cannot change what the app does: applied by "Fix all" and `--fix`. */
  safe: boolean;
  /** Instead of edits: a command the client runs (e.g. chmod 600 on a key file). */
  command?: { command: string; title: string; arguments: unknown[] };
  /** The edits carry a secret (moved or generated): never print them in reports (SARIF, logs). */
  sensitive?: boolean;
}

export interface RelatedInfo { file: string; range: Range; message: string }

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Never contains a secret's value. */
  message: string;
  file: string;
  range: Range;
  fixes: Fix[];
  related?: RelatedInfo[];
}

/** What a rule hands to `ctx.report`. Spans are offsets into the current file. */
export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. error vs warning by case). */
  severity?: Severity;
  fixes?: FixSpec[];
  related?: RelatedSpec[];
}

export interface EditSpec {
  /** Defaults to the file being linted. */
  file?: string;
  start: number;
  end: number;
  newText: string;
  create?: boolean;
}

export interface FixSpec {
  title: string;
  safe: boolean;
  /** The edits carry a secret value (moved or generated). */
  sensitive?: boolean;
  edits: EditSpec[];
  command?: Fix['command'];
}

export interface RelatedSpec { file: string; span: Span; message: string }

/** A rule's documentation: the hover, the SARIF help and docs/rules/<id>.md are written from it. */
export interface RuleDocs {
  /** What the problem is and why it matters, with the source guide. Markdown. */
  why: string;
  /** A short config fragment that is reported, and the same fragment fixed. */
  bad?: string;
  good?: string;
  /** What the fix does and whether "Fix all"/`--fix` applies it or it stays lightbulb-only. */
  fixSafety?: string;
  /** Guides (../shared/seeds) or standards the rule comes from. */
  references?: string[];
}

export interface Rule<C = unknown> {
  id: RuleId;
  language: Language;
  severity: Severity;
  title: string;
  docs: RuleDocs;
  fixable: boolean;
  check(ctx: C): void;
}

/** A positioned problem found by a parser; the `<language>/syntax` rule reports it. */
export interface ParseError { span: Span; message: string; severity?: Severity }
