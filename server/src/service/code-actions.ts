import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { LineIndex, type FileEdit } from '../engine';
import { fixesOf, SOURCE } from './diagnostics';
import { toWorkspaceEdit, type EditSupport, type EditTarget } from './edits';
import { COMMANDS, FIX_ALL_KIND } from '../../../common/commands';
import { disableForFile, disableForLine, type SuppressionEdit } from './suppression-edits';

export interface CodeActionDeps {
  /** Current text and engine path of the document the actions are for. */
  document(uri: string): { text: string; path: string } | undefined;
  support: EditSupport;
  target: EditTarget;
  /** One edit applying every safe fix of the document (computed only when asked for). */
  fixAll(uri: string): WorkspaceEdit | undefined;
}

/**
 * The actions of ARCHITECTURE.md, Editor for the deploylint diagnostics in the request: each fix (the first safe
 * one preferred), disable for this line / file, show documentation, and fix-all.
 */
export function codeActions(params: CodeActionParams, deps: CodeActionDeps): CodeAction[] {
  const uri = params.textDocument.uri;
  const doc = deps.document(uri);
  if (!doc) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const ours = (params.context.diagnostics ?? []).filter((d) => d.source === SOURCE && typeof d.code === 'string');
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const fileDisabled = new Set<string>();
    const documented = new Set<string>();
    const tail: CodeAction[] = [];
    for (const d of ours) {
      const rule = d.code as string;
      actions.push(...fixActions(d, deps));
      const line = disableForLine(doc.text, d.range.start.line, rule);
      if (line) actions.push(suppressAction(`Disable ${rule} for this line`, d, uri, doc, line, deps));
      if (!fileDisabled.has(rule)) {
        fileDisabled.add(rule);
        const file = disableForFile(doc.text, rule);
        if (file) tail.push(suppressAction(`Disable ${rule} for this file`, d, uri, doc, file, deps));
      }
      if (!documented.has(rule)) {
        documented.add(rule);
        tail.push({
          title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, diagnostics: [d],
          command: { title: `Show documentation for ${rule}`, command: COMMANDS.showDocumentation, arguments: [rule] },
        });
      }
    }
    actions.push(...tail);
  }

  const explicitFixAll = !!only && wants(FIX_ALL_KIND);
  const offerFixAll = !only && ours.some((d) => fixesOf(d).some((f) => f.safe && f.edits.length > 0));
  if (explicitFixAll || offerFixAll) {
    const edit = deps.fixAll(uri);
    if (edit) actions.push({ title: 'Fix all safe deploylint problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

function fixActions(d: Diagnostic, deps: CodeActionDeps): CodeAction[] {
  const out: CodeAction[] = [];
  let preferred = false;
  for (const fix of fixesOf(d)) {
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d] };
    if (fix.edits.length) {
      const edit = toWorkspaceEdit(fix.edits, deps.support, deps.target);
      if (!edit) continue;
      action.edit = edit;
    }
    if (fix.command) action.command = { title: fix.command.title, command: fix.command.command, arguments: fix.command.arguments };
    if (!action.edit && !action.command) continue;
    if (fix.safe && !preferred) { action.isPreferred = true; preferred = true; }
    out.push(action);
  }
  return out;
}

function suppressAction(title: string, d: Diagnostic, uri: string, doc: { text: string; path: string }, s: SuppressionEdit, deps: CodeActionDeps): CodeAction {
  const lines = new LineIndex(doc.text);
  const edit: FileEdit = { file: doc.path, start: s.start, end: s.end, newText: s.newText, range: lines.range(s) };
  const target: EditTarget = { uriOf: (p) => (p === doc.path ? uri : deps.target.uriOf(p)), versionOf: (u) => deps.target.versionOf(u) };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: toWorkspaceEdit([edit], deps.support, target) };
}
