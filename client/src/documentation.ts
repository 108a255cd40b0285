import * as vscode from 'vscode';
import { DOCS_BASE } from '../../common/protocol';

const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

/**
 * Opens a rule's page: the `docs/rules/<id>.md` shipped in the extension in a markdown preview,
 * or the online page when the bundled one is missing. Without a rule id, the rule of the deploylint
 * diagnostic under the cursor, else a pick list of the bundled pages.
 */
export async function showDocumentation(extensionUri: vscode.Uri, rule?: unknown): Promise<void> {
  const id = typeof rule === 'string' && RULE_ID.test(rule) ? rule : await pickRule(extensionUri);
  if (!id) return;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(`${DOCS_BASE}${id}.md`));
  }
}

async function pickRule(extensionUri: vscode.Uri): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const at = editor.selection.active;
    const d = vscode.languages.getDiagnostics(editor.document.uri).find((x) => x.source === 'deploylint' && x.range.contains(at));
    const code = typeof d?.code === 'object' ? d.code.value : d?.code;
    if (typeof code === 'string' && RULE_ID.test(code)) return code;
  }
  const ids: string[] = [];
  const root = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  try {
    for (const [lang, type] of await vscode.workspace.fs.readDirectory(root)) {
      if (type !== vscode.FileType.Directory) continue;
      for (const [file] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, lang))) {
        if (file.endsWith('.md')) ids.push(`${lang}/${file.slice(0, -3)}`);
      }
    }
  } catch { /* no bundled pages */ }
  if (!ids.length) return undefined;
  return vscode.window.showQuickPick(ids.sort(), { title: 'deploylint: Show documentation for a rule' });
}
