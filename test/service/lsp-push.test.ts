import * as assert from 'node:assert/strict';
import {
  CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspClient, tempWorkspace } from './harness';

const RULE = 'compose/exposed-datastore-port';
const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    ports:',
  '      - "5432:5432"',
  '',
].join('\n');

function ours(diags: Diagnostic[], rule: string): Diagnostic[] {
  return diags.filter((d) => d.code === rule);
}

function codeActions(client: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;
}

describe('language server over stdio: push diagnostics (compose/exposed-datastore-port, env/weak-secret)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let ws: ReturnType<typeof tempWorkspace>;

  before(async () => {
    ws = tempWorkspace({ 'app/.gitignore': '.env\n' });
    client = await LspClient.start({ rootDir: ws.dir });
  });
  after(async () => { await client?.stop(); ws?.remove(); });

  it('answers initialize with incremental sync, code action kinds and its commands', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : undefined, 2);
    const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
    assert.ok(kinds?.includes('source.fixAll.deploylint'), `kinds: ${kinds}`);
    assert.ok(kinds?.includes('quickfix'));
    assert.deepEqual([...(caps.executeCommandProvider?.commands ?? [])].sort(), [
      'deploylint.chmod600', 'deploylint.fixAll', 'deploylint.generateNginxBlock', 'deploylint.listUpstreams', 'deploylint.showDocumentation',
    ]);
    assert.equal(caps.diagnosticProvider, undefined, 'a client without pull support gets pushed diagnostics');
    assert.equal(client.initializeResult.serverInfo?.name, 'deploylint');
  });

  it('publishes the finding with source, code, codeDescription, fixes in data and the exact range', async () => {
    const uri = ws.uri('app/docker-compose.yml');
    client.open(uri, 'dockercompose', COMPOSE);
    const diags = await client.diagnosticsFor(uri, (d) => ours(d, RULE).length > 0);
    const [d] = ours(diags, RULE);
    assert.equal(d.source, 'deploylint');
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription?.href, `https://github.com/deploylint/deploylint/blob/main/docs/rules/${RULE}.md`);
    assert.deepEqual(d.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 19 } });
    assert.ok(Array.isArray(d.data) && d.data.length > 0, 'fixes travel in data');
    const status = await client.until('status notification', () => client.statuses.find((s) => s.uri === uri && s.counts.error > 0));
    assert.ok(status.counts.error >= 1);
  });

  it('a quick fix edit, applied and sent back as didChange, clears the finding', async () => {
    const uri = ws.uri('app/docker-compose.yml');
    const [d] = ours(await client.diagnosticsFor(uri), RULE);
    const actions = await codeActions(client, uri, [d]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && !a.title.startsWith('Disable'));
    assert.ok(fix, `a fix action among: ${actions.map((a) => a.title).join(' | ')}`);
    const texts = client.apply(fix.edit!);
    assert.ok(texts.get(uri)?.includes('127.0.0.1:5432:5432'), texts.get(uri));
    const after = await client.diagnosticsFor(uri);
    assert.deepEqual(ours(after, RULE), []);
  });

  it('a suppression comment silences the finding', async () => {
    const uri = ws.uri('app/docker-compose.yml');
    client.change(uri, COMPOSE);
    assert.equal(ours(await client.diagnosticsFor(uri), RULE).length, 1);
    client.change(uri, COMPOSE.replace('      - "5432', `      # deploylint-disable-next-line ${RULE} -- bound by the firewall\n      - "5432`));
    assert.deepEqual(ours(await client.diagnosticsFor(uri), RULE), []);
  });

  it('"Disable <rule> for this line" inserts the comment with the line\'s indentation and silences it', async () => {
    const uri = ws.uri('app/docker-compose.yml');
    client.change(uri, COMPOSE);
    const [d] = ours(await client.diagnosticsFor(uri, (x) => ours(x, RULE).length > 0), RULE);
    const actions = await codeActions(client, uri, [d]);
    const disable = actions.find((a) => a.title === `Disable ${RULE} for this line`);
    assert.ok(disable?.edit, actions.map((a) => a.title).join(' | '));
    const text = client.apply(disable.edit).get(uri)!;
    assert.equal(text.split('\n')[4], `      # deploylint-disable-next-line ${RULE}`);
    assert.deepEqual(ours(await client.diagnosticsFor(uri), RULE), []);
  });

  it('"Disable <rule> for this file" and "Show documentation" are offered once per rule', async () => {
    const uri = ws.uri('app/docker-compose.yml');
    client.change(uri, COMPOSE + '  cache:\n    image: redis:7\n    ports:\n      - "6379:6379"\n');
    const diags = ours(await client.diagnosticsFor(uri, (x) => ours(x, RULE).length === 2), RULE);
    const actions = await codeActions(client, uri, diags);
    assert.equal(actions.filter((a) => a.title === `Disable ${RULE} for this file`).length, 1);
    const docs = actions.filter((a) => a.title === `Show documentation for ${RULE}`);
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0].command, { title: `Show documentation for ${RULE}`, command: 'deploylint.showDocumentation', arguments: [RULE] });
    const fileWide = actions.find((a) => a.title === `Disable ${RULE} for this file`)!;
    assert.equal(client.apply(fileWide.edit!).get(uri)!.split('\n')[0], `# deploylint-disable ${RULE}`);
    assert.deepEqual(ours(await client.diagnosticsFor(uri), RULE), []);
    await client.connection.sendRequest(ExecuteCommandRequest.type, docs[0].command!);
    assert.deepEqual(client.shownDocuments, [`https://github.com/deploylint/deploylint/blob/main/docs/rules/${RULE}.md`]);
  });

  it('names the key of a weak secret without its value', async () => {
    const uri = ws.uri('app/.env');
    client.open(uri, 'dotenv', 'DB_PASSWORD=changeme\n');
    const [d] = ours(await client.diagnosticsFor(uri, (x) => ours(x, 'env/weak-secret').length > 0), 'env/weak-secret');
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.ok(message.includes('DB_PASSWORD'), message);
    assert.ok(!message.includes('changeme'), message);
    assert.deepEqual(d.range.start, { line: 0, character: d.range.start.character });
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = ws.uri('app/.env');
    client.close(uri);
    await client.until('empty diagnostics after close', () => (client.published.get(uri)?.at(-1)?.diagnostics.length === 0 ? true : undefined));
  });

  it('survives requests and notifications with garbage params, then keeps serving', async () => {
    const c = client.connection;
    assert.deepEqual(await c.sendRequest('textDocument/codeAction', {}), []);
    assert.deepEqual(await c.sendRequest('textDocument/codeAction', null), []);
    await assert.rejects(c.sendRequest('workspace/executeCommand', { command: 'deploylint.fixAll', arguments: [42] }));
    await assert.rejects(c.sendRequest('workspace/executeCommand', { command: 'nope' }));
    assert.equal(await c.sendRequest('workspace/executeCommand', { command: 'deploylint.chmod600', arguments: [{ not: 'a path' }] }).then((r) => (r as { ok: boolean }).ok), false);
    await c.sendNotification('textDocument/didOpen', { textDocument: null });
    await c.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere' }, contentChanges: 'x' });
    await c.sendNotification('workspace/didChangeWatchedFiles', { changes: 'x' });
    await c.sendNotification('workspace/didChangeConfiguration', null);
    const uri = ws.uri('other/compose.yaml');
    client.open(uri, 'yaml', COMPOSE);
    assert.equal(ours(await client.diagnosticsFor(uri, (x) => ours(x, RULE).length > 0), RULE).length, 1);
    assert.equal(client.child.exitCode, null);
  });
});
