import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { showDocumentation } from './documentation';
import { generateNginxBlock } from './generate';
import { CLIENT_COMMANDS, COMMANDS } from '../../common/commands';
import { STATUS_NOTIFICATION, type StatusParams } from '../../common/protocol';
import { DOCUMENT_SELECTOR } from './selector';
import { StatusItem } from './status';

let client: LanguageClient | undefined;

/** Activated lazily (a compose, nginx or env file, or a workspace that holds one). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('deploylint', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  // Registered before the server starts, so they exist even when it fails to.
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showDocumentation, (rule?: unknown) => showDocumentation(context.extensionUri, rule)),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (!client) { client = await start(context, output, status); return; }
      status.setState(State.Starting);
      try { await client.restart(); } catch (e) { output.appendLine(`restart failed: ${(e as Error).message}`); status.setState('failed'); }
    }),
    vscode.commands.registerCommand(COMMANDS.fixAll, async (uri?: unknown) => {
      const target = typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : vscode.window.activeTextEditor?.document.uri.toString();
      if (!target || !client?.isRunning()) return;
      const result = await client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.fixAll, arguments: [target] }) as { applied?: boolean } | null;
      if (!result?.applied) void vscode.window.setStatusBarMessage('deploylint: no safe fix to apply', 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.generateNginxBlock, () => generateNginxBlock(client)),
  );
  client = await start(context, output, status);
}

async function start(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, status: StatusItem): Promise<LanguageClient | undefined> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR as DocumentSelector,
    outputChannel: output,
    initializationOptions: { clientCommands: CLIENT_COMMANDS },
  };
  const c = new LanguageClient('deploylint', 'deploylint', serverOptions, clientOptions);
  context.subscriptions.push(
    c.onDidChangeState((e) => status.setState(e.newState)),
    c.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status.serverStatus(p)),
  );
  try {
    await c.start();
    status.setState(State.Running);
  } catch (e) {
    output.appendLine(`deploylint: the language server did not start: ${(e as Error).message}`);
    status.setState('failed');
  }
  return c;
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
