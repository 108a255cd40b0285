import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { validateServerNames, validateUpstreamUrl } from './hostname';
import { COMMANDS } from '../../common/commands';
import type { Upstream } from '../../common/protocol';
import { NGINX_LANGUAGE_IDS } from './selector';

const TITLE = 'deploylint: Generate hardened nginx block';

/**
 * "Generate hardened nginx block" (ARCHITECTURE.md, Generator): server name, upstream, TLS profile; the text comes from
 * the server so every editor and the CLI write the same block. Escape at any step changes nothing.
 */
export async function generateNginxBlock(client: LanguageClient | undefined): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('deploylint: the language server is not running (see the deploylint output channel).');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const anchor = editor?.document.uri.toString();

  const names = await vscode.window.showInputBox({
    title: `${TITLE} (1/3)`, prompt: 'Server name(s), separated by spaces', placeHolder: 'app.example.com www.example.com',
    ignoreFocusOut: true, validateInput: validateServerNames,
  });
  if (names === undefined) return;

  const upstream = await pickUpstream(client, anchor);
  if (upstream === undefined) return;

  const profile = await vscode.window.showQuickPick([
    { label: 'Intermediate', description: 'recommended', detail: 'TLS 1.2 and 1.3: every client of the last ten years', profile: 'intermediate' as const },
    { label: 'Modern', description: 'TLS 1.3 only', detail: 'For services whose clients are all recent', profile: 'modern' as const },
  ], { title: `${TITLE} (3/3)`, placeHolder: 'TLS profile (Mozilla server-side TLS guidelines)', ignoreFocusOut: true });
  if (!profile) return;

  let text: string;
  try {
    text = await client.sendRequest(ExecuteCommandRequest.type, {
      command: COMMANDS.generateNginxBlock,
      arguments: [{ serverNames: names.trim().split(/\s+/), upstream, profile: profile.profile, ...(anchor ? { uri: anchor } : {}) }],
    }) as string;
  } catch (e) {
    void vscode.window.showErrorMessage(`deploylint: ${(e as Error).message}`);
    return;
  }
  if (typeof text !== 'string' || !text) return;

  if (editor && isNginxDocument(editor.document) && !editor.document.isClosed) {
    // A plain insert, not a snippet: `$host` and `${var}` must stay as written.
    const at = editor.selection.active;
    // editor.edit does not scroll: show the user where the block went.
    if (await editor.edit((b) => b.insert(at, text))) editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: 'nginx', content: text });
    await vscode.window.showTextDocument(doc);
  }
}

async function pickUpstream(client: LanguageClient, anchor: string | undefined): Promise<string | undefined> {
  let found: Upstream[] = [];
  try {
    found = await client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.listUpstreams, arguments: anchor ? [anchor] : [] }) as Upstream[];
  } catch { /* offer the URL entry alone */ }
  const typeIt = '$(edit) Enter a URL...';
  const items: (vscode.QuickPickItem & { url?: string })[] = (Array.isArray(found) ? found : []).map((u) => ({
    label: `http://${u.service}:${u.port}`,
    description: `compose service ${u.service}`,
    detail: vscode.workspace.asRelativePath(u.file.replace(/\//g, path.sep)),
    url: `http://${u.service}:${u.port}`,
  }));
  items.push({ label: typeIt, alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE} (2/3)`, placeHolder: items.length > 1 ? 'Upstream: a compose service, or a URL' : 'Upstream: no compose service found; enter a URL',
    ignoreFocusOut: true, matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.url) return picked.url;
  const typed = await vscode.window.showInputBox({
    title: `${TITLE} (2/3)`, prompt: 'Upstream URL', placeHolder: 'http://127.0.0.1:3000', ignoreFocusOut: true, validateInput: validateUpstreamUrl,
  });
  return typed?.trim();
}

function isNginxDocument(doc: vscode.TextDocument): boolean {
  if (NGINX_LANGUAGE_IDS.has(doc.languageId)) return true;
  const name = doc.uri.path;
  return /(^|\/)nginx\.conf$|\.nginx$|\.conf\.template$|\/(nginx|conf\.d|sites-available|sites-enabled|snippets)\/[^/]+\.conf$/.test(name);
}
