/** Names shared with the server (server/src/service/protocol.ts; a test keeps both equal). */
export const COMMANDS = {
  showDocumentation: 'deploylint.showDocumentation',
  fixAll: 'deploylint.fixAll',
  chmod600: 'deploylint.chmod600',
  generateNginxBlock: 'deploylint.generateNginxBlock',
  listUpstreams: 'deploylint.listUpstreams',
  restartServer: 'deploylint.restartServer',
} as const;

/** Commands this extension registers itself (with UI around them); the server must not advertise them. */
export const CLIENT_COMMANDS = [COMMANDS.showDocumentation, COMMANDS.fixAll, COMMANDS.generateNginxBlock];

export const STATUS_NOTIFICATION = 'deploylint/status';

export interface StatusParams {
  uri: string;
  counts: { error: number; warning: number; info: number; hint: number };
  configError?: string;
  disabled?: boolean;
  /** The kind and role deploylint chose for the document (SPEC §2, §10), and why; `skipped` when a test file is not linted. */
  file?: { kind: string; role: string; reason: string; skipped?: string };
}

export interface Upstream { service: string; port: number; file: string }

export const DOCS_BASE = 'https://github.com/deploylint/deploylint/blob/main/docs/rules/';
