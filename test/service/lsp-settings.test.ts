import * as assert from 'node:assert/strict';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspClient, tempWorkspace } from './harness';

const RULE = 'compose/exposed-datastore-port';
const COMPOSE = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';

describe('language server over stdio: settings per resource and .deploylint.yaml', function () {
  this.timeout(60_000);
  let client: LspClient;
  let ws: ReturnType<typeof tempWorkspace>;
  let settings: Record<string, unknown> = {};
  const asked: (string | undefined)[] = [];

  before(async () => {
    ws = tempWorkspace({ 'team/.deploylint.yaml': `rules:\n  ${RULE}: warning\n` });
    client = await LspClient.start({ rootDir: ws.dir, settings: (scope) => { asked.push(scope); return settings; } });
  });
  after(async () => { await client?.stop(); ws?.remove(); });

  const findings = async (uri: string, accept: (n: number) => boolean) =>
    (await client.diagnosticsFor(uri, (d) => accept(d.filter((x) => x.code === RULE).length))).filter((x) => x.code === RULE);

  it('pulls the deploylint section for the document\'s URI', async () => {
    const uri = ws.uri('plain/docker-compose.yml');
    client.open(uri, 'dockercompose', COMPOSE);
    const [d] = await findings(uri, (n) => n === 1);
    assert.equal(d.severity, 1);
    assert.ok(asked.includes(uri), `asked for ${asked.join(', ')}`);
  });

  it('a .deploylint.yaml above the file overrides the rule\'s severity', async () => {
    const uri = ws.uri('team/docker-compose.yml');
    client.open(uri, 'dockercompose', COMPOSE);
    const [d] = await findings(uri, (n) => n === 1);
    assert.equal(d.severity, 2);
  });

  it('editor settings win over .deploylint.yaml, and didChangeConfiguration re-reads them', async () => {
    const uri = ws.uri('team/docker-compose.yml');
    settings = { rules: { [RULE]: 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await findings(uri, (n) => n === 0);
    settings = { enable: false };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.diagnosticsFor(ws.uri('plain/docker-compose.yml'), (d) => d.length === 0);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await findings(uri, (n) => n === 1);
  });

  it('a changed .deploylint.yaml on disk applies after didChangeWatchedFiles', async () => {
    const uri = ws.uri('team/docker-compose.yml');
    ws.write('team/.deploylint.yaml', `rules:\n  ${RULE}: info\n`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('team/.deploylint.yaml'), type: FileChangeType.Changed }] });
    const [d] = await client.diagnosticsFor(uri, (x) => x.some((y) => y.code === RULE && y.severity === 3)).then((x) => x.filter((y) => y.code === RULE));
    assert.equal(d.severity, 3);
  });

  it('run: onSave lints on open and save, not while typing', async () => {
    settings = { run: 'onSave' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const uri = ws.uri('save/docker-compose.yml');
    client.open(uri, 'dockercompose', COMPOSE);
    await findings(uri, (n) => n === 1);
    const published = client.published.get(uri)!.length;
    client.change(uri, COMPOSE.replace('"5432:5432"', '"127.0.0.1:5432:5432"'));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.published.get(uri)!.length, published, 'no lint while typing');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.until('lint on save', () => (client.published.get(uri)!.length > published ? true : undefined));
    assert.deepEqual(client.published.get(uri)!.at(-1)!.diagnostics.filter((x) => x.code === RULE), []);
    settings = {};
  });
});

describe('language server over stdio: deploylint.workspaceScan', function () {
  this.timeout(60_000);
  let client: LspClient;
  let ws: ReturnType<typeof tempWorkspace>;

  before(async () => {
    ws = tempWorkspace({ 'stack/docker-compose.yml': COMPOSE, 'node_modules/pkg/docker-compose.yml': COMPOSE, 'stack/README.md': '# x\n' });
    client = await LspClient.start({ rootDir: ws.dir, settings: () => ({ workspaceScan: true }) });
  });
  after(async () => { await client?.stop(); ws?.remove(); });

  it('publishes findings of deployment files nobody opened, skipping node_modules', async () => {
    const uri = ws.uri('stack/docker-compose.yml');
    await client.until('scan diagnostics', () => (client.published.get(uri)?.at(-1)?.diagnostics.some((d) => d.code === RULE) ? true : undefined));
    assert.equal(client.published.get(ws.uri('node_modules/pkg/docker-compose.yml')), undefined);
    assert.equal(client.published.get(ws.uri('stack/README.md')), undefined);
  });

  it('re-lints a scanned file when it changes on disk, and keeps its findings after it is closed', async () => {
    const uri = ws.uri('stack/docker-compose.yml');
    ws.write('stack/docker-compose.yml', COMPOSE.replace('"5432:5432"', '"127.0.0.1:5432:5432"'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    await client.until('re-lint from disk', () => (client.published.get(uri)?.at(-1)?.diagnostics.some((d) => d.code === RULE) === false ? true : undefined));
    client.open(uri, 'dockercompose', COMPOSE);
    await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === RULE));
    client.close(uri);
    await client.until('disk findings after close', () => {
      const last = client.published.get(uri)?.at(-1);
      return last && last.version === undefined && !last.diagnostics.some((d) => d.code === RULE) && last.diagnostics.length > 0 ? true : undefined;
    });
  });
});
