/** Names shared by the server and its clients (the VS Code client repeats them; a test keeps them equal). */
export const COMMANDS = {
  showDocumentation: 'deploylint.showDocumentation',
  fixAll: 'deploylint.fixAll',
  chmod600: 'deploylint.chmod600',
  generateNginxBlock: 'deploylint.generateNginxBlock',
  listUpstreams: 'deploylint.listUpstreams',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.deploylint';

/** Server -> client notification after each lint of a document. */
export const STATUS_NOTIFICATION = 'deploylint/status';

export interface StatusParams {
  uri: string;
  /** Findings per severity in that document. */
  counts: { error: number; warning: number; info: number; hint: number };
  /** `.deploylint.yaml` that applies and could not be used (its path and the reason). */
  configError?: string;
  /** deploylint.enable is false for this document. */
  disabled?: boolean;
  /** The kind and role deploylint chose for the document (SPEC §2, §10), and why; `skipped` when a test file is not linted. */
  file?: { kind: string; role: string; reason: string; skipped?: string };
}

export interface InitializationOptions {
  /** Debounce of push diagnostics in ms (default 150). */
  debounceMs?: number;
  /**
   * Commands the client registers itself (it runs UI around them and calls the server with
   * `workspace/executeCommand`); the server does not advertise them so the client's LSP library
   * does not register them a second time.
   */
  clientCommands?: string[];
  /** Settings for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
}

export type { Upstream } from '../engine/project/upstreams';
