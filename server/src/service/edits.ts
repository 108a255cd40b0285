import type { ClientCapabilities, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileEdit } from '../engine';

export interface EditSupport {
  /** The client takes `documentChanges` (versioned edits, resource operations). */
  documentChanges: boolean;
  /** The client can create files inside a workspace edit. */
  createFiles: boolean;
}

export function editSupport(caps: ClientCapabilities): EditSupport {
  const we = caps.workspace?.workspaceEdit;
  return {
    documentChanges: we?.documentChanges === true,
    createFiles: we?.documentChanges === true && (we.resourceOperations ?? []).includes('create'),
  };
}

export interface EditTarget {
  uriOf(path: string): string;
  /** The version of an open document, or null for a file on disk. */
  versionOf(uri: string): number | null;
}

/**
 * Engine edits (possibly on several files, possibly creating one) as one WorkspaceEdit, or undefined
 * when the client cannot express it (a file to create, but no resource operations).
 */
export function toWorkspaceEdit(edits: readonly FileEdit[], support: EditSupport, target: EditTarget): WorkspaceEdit | undefined {
  const byFile = new Map<string, { create: boolean; edits: TextEdit[] }>();
  for (const e of edits) {
    const entry = byFile.get(e.file) ?? { create: false, edits: [] };
    entry.create ||= e.create === true;
    entry.edits.push({ range: e.range, newText: e.newText });
    byFile.set(e.file, entry);
  }
  if (!byFile.size) return undefined;
  const creates = [...byFile.values()].some((f) => f.create);
  if (creates && !support.createFiles) return undefined;
  if (!support.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, f] of byFile) changes[target.uriOf(file)] = f.edits;
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const [file, f] of byFile) {
    const uri = target.uriOf(file);
    if (f.create) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: f.create ? null : target.versionOf(uri) }, edits: f.edits });
  }
  return { documentChanges };
}
