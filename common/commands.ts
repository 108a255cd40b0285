/**
 * Command ids shared by the VS Code client, the language server and the engine (a finding's fix can
 * carry a command). No imports: the engine and the client bundle this file.
 */

/** Commands the language server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  showDocumentation: 'deploylint.showDocumentation',
  fixAll: 'deploylint.fixAll',
  chmod600: 'deploylint.chmod600',
  generateNginxBlock: 'deploylint.generateNginxBlock',
  listUpstreams: 'deploylint.listUpstreams',
} as const;

export const COMMANDS = {
  ...SERVER_COMMANDS,
  /** The client's own: restarts the language server. */
  restartServer: 'deploylint.restartServer',
} as const;

/** Commands the client registers itself (with UI around them); the server must not advertise them. */
export const CLIENT_COMMANDS: string[] = [COMMANDS.showDocumentation, COMMANDS.fixAll, COMMANDS.generateNginxBlock];

export const FIX_ALL_KIND = 'source.fixAll.deploylint';
