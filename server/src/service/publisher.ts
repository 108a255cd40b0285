import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine';
import type { LintResult } from './linter';
import type { Logger } from './log';
import type { ServerSettings } from './settings';

/** What a publisher needs from the service: the open documents and how to lint and report one. */
export interface PublisherHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly log: Logger;
  settingsFor(uri: string): Promise<ServerSettings>;
  /** Lints an open document as edited; undefined when it is not open. */
  lintOpen(uri: string, settings: ServerSettings): LintResult | undefined;
  diagnostics(findings: Finding[]): Diagnostic[];
  status(uri: string, result: LintResult, settings: ServerSettings): void;
}

export interface PullReport { kind: 'full'; items: Diagnostic[] }

/**
 * How open documents' diagnostics reach the client: pushed by the server after a debounce, or
 * pulled by the client (LSP 3.17) and refreshed when something they read changes. The service picks
 * one at initialize from the client's capabilities; files linted from disk are always pushed.
 */
export interface DiagnosticsPublisher {
  /** An open document's text changed (or it was just opened) and its settings lint as you type. */
  changed(uri: string, opened: boolean): void;
  /** A document was saved and its settings lint on save. */
  saved(uri: string): void;
  /** A document was closed; `onDisk`: the workspace scan lints it from disk now. */
  closed(uri: string, onDisk: boolean): void;
  /** Other open documents may read the one that changed (compose reads .env; nginx reads snippets). */
  relintOthers(uri: string): void;
  /** Everything open is to be linted again. */
  relintAll(settingsChanged: boolean): void;
  /** Answers `textDocument/diagnostic`. */
  pull(uri: string): Promise<PullReport>;
  dispose(): void;
}

/** Lints an open document and reports its status: what answering a pull takes; undefined when it is not open. */
export function lintForPull(host: PublisherHost, uri: string, settings: ServerSettings): Diagnostic[] | undefined {
  const result = host.lintOpen(uri, settings);
  if (!result) return undefined;
  const items = host.diagnostics(result.findings);
  host.status(uri, result, settings);
  return items;
}
