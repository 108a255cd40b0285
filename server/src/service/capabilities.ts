import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind,
  type ClientCapabilities, type Connection, type InitializeResult,
} from 'vscode-languageserver/node';
import { KIND_GLOBS } from '../../../common/file-kinds';
import { toolVersion } from '../version';
import { FIX_ALL_KIND, SERVER_COMMANDS } from '../../../common/commands';

/** Files whose change on disk can change a finding: deployment files (common/file-kinds.ts), ignore files, keys, our config. */
export const WATCHED = [
  ...KIND_GLOBS.compose, ...KIND_GLOBS.env, ...KIND_GLOBS.nginx,
  '**/.gitignore', '**/.dockerignore', '**/.deploylint.{yaml,yml}',
  '**/*.{pem,key,crt}',
];

/** The client can pull diagnostics (LSP 3.17): the server then answers pulls instead of pushing. */
export function pullsDiagnostics(caps: ClientCapabilities): boolean {
  return !!caps.textDocument?.diagnostic;
}

/** `clientCommands`: commands the client registers itself, so not advertised here. */
export function initializeResult(pull: boolean, clientCommands: ReadonlySet<string>): InitializeResult {
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS).filter((c) => !clientCommands.has(c)) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'deploylint', version: toolVersion() },
  };
  if (pull) result.capabilities.diagnosticProvider = { identifier: 'deploylint', interFileDependencies: true, workspaceDiagnostics: false };
  return result;
}

/** Registers, where the client allows dynamic registration, for settings changes and the watched files. */
export async function registerDynamic(connection: Connection, caps: ClientCapabilities): Promise<void> {
  const ws = caps.workspace;
  if (ws?.didChangeConfiguration?.dynamicRegistration) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: 'deploylint' });
  }
  if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
  }
}
