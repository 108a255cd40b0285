import type { EngineConfig } from './config';
import type { Report, Rule, Severity, Span, EditSpec } from './types';
import type { SourceDocument } from './workspace-files';
import type { Workspace } from './workspace';

/** What every rule's `check` receives. `doc` is the file's parse tree for the rule's language. */
export interface RuleContext<P> {
  readonly file: SourceDocument;
  readonly doc: P;
  readonly workspace: Workspace;
  readonly config: EngineConfig;
  /** The rule's severity after user overrides (rules that pick a severity per case compare against it). */
  readonly severity: Severity;
  report(r: Report): void;
  /** A splice on the current file. */
  replace(span: Span, newText: string): EditSpec;
  insert(offset: number, newText: string): EditSpec;
}

export type AnyRule = Rule<RuleContext<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
