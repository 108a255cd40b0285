import * as assert from 'node:assert/strict';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import type { Fix } from '../../server/src/engine';
import { codeActions, type CodeActionDeps } from '../../server/src/service/code-actions';
import { toWorkspaceEdit } from '../../server/src/service/edits';

const TEXT = 'services:\n  db:\n    ports:\n      - "5432:5432"\n';
const URI = 'file:///ws/docker-compose.yml';
const edit = (newText: string, file = '/ws/docker-compose.yml', create = false) => ({
  file, start: 0, end: 0, newText, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...(create ? { create } : {}),
});

function diagnostic(fixes: Fix[], code = 'compose/x'): Diagnostic {
  return { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 19 } }, message: 'm', source: 'deploylint', code, data: fixes };
}

function deps(createFiles: boolean, fixAll = () => ({ changes: {} })): CodeActionDeps & { fixAllCalls: number } {
  const d = {
    fixAllCalls: 0,
    document: () => ({ text: TEXT, path: '/ws/docker-compose.yml' }),
    support: { documentChanges: true, createFiles },
    target: { uriOf: (p: string) => `file://${p}`, versionOf: (u: string) => (u === URI ? 7 : null) },
    fixAll: () => { d.fixAllCalls++; return fixAll(); },
  };
  return d;
}

describe('service: code actions of a deploylint diagnostic', () => {
  const fixes: Fix[] = [
    { title: 'Bind to 127.0.0.1', safe: false, edits: [edit('a')] },
    { title: 'Restrict the file', safe: true, edits: [], command: { command: 'deploylint.chmod600', title: 'chmod 600', arguments: ['/ws/key.pem'] } },
    { title: 'Add .env to a new .gitignore', safe: true, edits: [edit('.env\n', '/ws/.gitignore', true)] },
    { title: 'Move it to .env', safe: true, edits: [edit('b'), edit('X=1\n', '/ws/.env')] },
  ];

  it('offers each fix, the first safe one preferred, then disable line/file and documentation', () => {
    const d = deps(true);
    const actions = codeActions({ textDocument: { uri: URI }, range: diagnostic([]).range, context: { diagnostics: [diagnostic(fixes)] } }, d);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ['Bind to 127.0.0.1', 'quickfix', false],
      ['Restrict the file', 'quickfix', true],
      ['Add .env to a new .gitignore', 'quickfix', false],
      ['Move it to .env', 'quickfix', false],
      ['Disable compose/x for this line', 'quickfix', false],
      ['Disable compose/x for this file', 'quickfix', false],
      ['Show documentation for compose/x', 'quickfix', false],
      ['Fix all safe deploylint problems', 'source.fixAll.deploylint', false],
    ]);
    assert.deepEqual(actions[1].command, { title: 'chmod 600', command: 'deploylint.chmod600', arguments: ['/ws/key.pem'] });
    assert.deepEqual(actions[2].edit?.documentChanges?.[0], { kind: 'create', uri: 'file:///ws/.gitignore', options: { ignoreIfExists: true } });
    const move = actions[3].edit?.documentChanges as TextDocumentEdit[];
    assert.deepEqual(move.map((c) => [c.textDocument.uri, c.textDocument.version]), [['file:///ws/docker-compose.yml', 7], ['file:///ws/.env', null]]);
  });

  it('leaves out a fix that creates a file when the client cannot create files', () => {
    const actions = codeActions({ textDocument: { uri: URI }, range: diagnostic([]).range, context: { diagnostics: [diagnostic(fixes)] } }, deps(false));
    assert.ok(!actions.some((a) => a.title === 'Add .env to a new .gitignore'));
    assert.equal(actions.find((a) => a.isPreferred)?.title, 'Restrict the file');
  });

  it('answers `only: [source.fixAll]` with the fix-all action alone, and ignores other sources', () => {
    const d = deps(true, () => ({ changes: { [URI]: [] } }));
    const foreign: Diagnostic = { ...diagnostic(fixes), source: 'yamllint' };
    const actions = codeActions({ textDocument: { uri: URI }, range: foreign.range, context: { diagnostics: [foreign], only: ['source.fixAll'] } }, d);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.deploylint']);
    assert.equal(codeActions({ textDocument: { uri: URI }, range: foreign.range, context: { diagnostics: [foreign] } }, d).length, 0);
    assert.equal(d.fixAllCalls, 1, 'fix-all is computed only when asked for or useful');
  });

  it('ignores data that does not look like our fixes', () => {
    const bad = { ...diagnostic([]), data: [{ title: 1 }, 'x', null] } as Diagnostic;
    const actions = codeActions({ textDocument: { uri: URI }, range: bad.range, context: { diagnostics: [bad] } }, deps(true));
    assert.deepEqual(actions.map((a) => a.title), ['Disable compose/x for this line', 'Disable compose/x for this file', 'Show documentation for compose/x']);
  });
});

describe('service: engine edits as a WorkspaceEdit', () => {
  const target = { uriOf: (p: string) => `file://${p}`, versionOf: () => null };
  it('uses `changes` for clients without documentChanges', () => {
    assert.deepEqual(toWorkspaceEdit([edit('a'), edit('b', '/ws/.env')], { documentChanges: false, createFiles: false }, target), {
      changes: { 'file:///ws/docker-compose.yml': [{ range: edit('a').range, newText: 'a' }], 'file:///ws/.env': [{ range: edit('b').range, newText: 'b' }] },
    });
  });
  it('cannot express a created file without resource operations', () => {
    assert.equal(toWorkspaceEdit([edit('a', '/ws/.gitignore', true)], { documentChanges: true, createFiles: false }, target), undefined);
  });
});
