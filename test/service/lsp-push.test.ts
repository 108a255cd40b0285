import * as assert from 'node:assert/strict';
import {
  CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { getRule } from '../../server/src/engine';
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
    assert.deepEqual(status.file, { kind: 'compose', role: 'production', reason: 'no test, development or template sign' }, 'the hover shows the kind and role');
  });

  it('a test file is not linted; the status says why and how to turn it on', async () => {
    const uri = ws.uri('app/tests/docker-compose.yml');
    client.open(uri, 'dockercompose', COMPOSE);
    const status = await client.until('status of the test file', () => client.statuses.find((s) => s.uri === uri));
    assert.deepEqual(status.file, { kind: 'compose', role: 'test', reason: 'path segment "tests/"', skipped: 'test file (turn on with deploylint.lintTestFiles)' });
    assert.deepEqual(ours(await client.diagnosticsFor(uri), RULE), []);
    client.close(uri);
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
    await client.connection.sendRequest(ExecuteCommandRequest.type, docs[0].command);
    assert.deepEqual(client.shownDocuments, [`https://github.com/deploylint/deploylint/blob/main/docs/rules/${RULE}.md`]);
  });

  it('source.fixAll.deploylint applies every safe fix in one edit and leaves the unsafe ones', async () => {
    const uri = ws.uri('fixall/docker-compose.yml');
    client.open(uri, 'dockercompose', COMPOSE);
    const safe = (ds: Diagnostic[]) => ds.filter((d) => Array.isArray(d.data) && d.data.some((f: { safe: boolean; edits: unknown[] }) => f.safe && f.edits.length));
    const before = await client.diagnosticsFor(uri, (d) => safe(d).length > 0);
    for (const only of [['source.fixAll'], ['source.fixAll.deploylint']]) {
      const actions = await codeActions(client, uri, [], only);
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.deploylint'], `only ${only}`);
    }
    const [fixAll] = await codeActions(client, uri, [], ['source.fixAll']);
    const changes = fixAll.edit!.documentChanges as { textDocument: { uri: string }; edits: unknown[] }[];
    assert.deepEqual(changes.map((c) => [c.textDocument.uri, c.edits.length]), [[uri, 1]], 'one minimal edit');
    client.apply(fixAll.edit!);
    const after = await client.diagnosticsFor(uri);
    assert.deepEqual(safe(after).map((d) => d.code), [], `safe fixes left after fix-all (before: ${safe(before).map((d) => d.code)})`);
    assert.equal(ours(after, RULE).length, 1, 'binding the port changes behaviour: not applied by fix-all');
    assert.deepEqual(await codeActions(client, uri, [], ['source.fixAll']), [], 'nothing left to fix');
  });

  // Pending until env/weak-secret is registered (it is written in parallel); runs by itself once it is.
  (getRule('env/weak-secret') ? it : it.skip)('names the key of a weak secret without its value', async () => {
    const uri = ws.uri('app/.env');
    client.open(uri, 'dotenv', 'DB_PASSWORD=changeme\n');
    const [d] = ours(await client.diagnosticsFor(uri, (x) => ours(x, 'env/weak-secret').length > 0), 'env/weak-secret');
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.ok(message.includes('DB_PASSWORD'), message);
    assert.ok(!message.includes('changeme'), message);
    assert.deepEqual(d.range.start, { line: 0, character: d.range.start.character });
  });

  it('lints an untitled buffer by its language id when the name says nothing (nginx/syntax)', async () => {
    const text = 'server {\n  listen 80;\n';
    client.open('untitled:Untitled-1', 'nginx', text);
    const diags = await client.diagnosticsFor('untitled:Untitled-1', (d) => ours(d, 'nginx/syntax').length > 0);
    assert.deepEqual(ours(diags, 'nginx/syntax').map((d) => d.range), [{ start: { line: 0, character: 7 }, end: { line: 0, character: 8 } }]);
    client.open('untitled:Untitled-2', 'plaintext', text);
    assert.deepEqual(await client.diagnosticsFor('untitled:Untitled-2'), [], 'plain text is not ours');
  });

  it('re-lints the other open documents when one changes (a compose file reads its .env)', async () => {
    const compose = ws.uri('app/docker-compose.yml');
    const env = ws.uri('app/deploy.env');
    client.open(env, 'dotenv', 'DB_PASSWORD=changeme\n');
    await client.diagnosticsFor(env);
    await new Promise((r) => setTimeout(r, 150));
    const before = client.published.get(compose)?.length ?? 0;
    client.change(env, 'DB_PASSWORD=changeme\nOTHER=1\n');
    await client.until('a new lint of the compose file', () => ((client.published.get(compose)?.length ?? 0) > before ? true : undefined));
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = ws.uri('app/docker-compose.yml');
    assert.ok((await client.diagnosticsFor(uri)).length > 0);
    client.close(uri);
    await client.until('empty diagnostics after close', () => (client.published.get(uri)?.at(-1)?.diagnostics.length === 0 ? true : undefined));
  });

  it('survives requests and notifications with garbage params, then keeps serving', async () => {
    const c = client.connection;
    assert.deepEqual(await c.sendRequest('textDocument/codeAction', {}), []);
    assert.deepEqual(await c.sendRequest('textDocument/codeAction', null).catch(() => []), [], 'null params: an error or nothing');
    assert.deepEqual(await c.sendRequest('textDocument/codeAction', { textDocument: { uri: 42 }, range: 'x', context: { diagnostics: [{ source: 'deploylint', code: 'compose/x', range: null, data: 'x' }] } }), []);
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
