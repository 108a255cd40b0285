import * as assert from 'node:assert/strict';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, tempWorkspace } from './harness';

const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
  '',
].join('\n');

const undefinedVar = (d: Diagnostic[]) => d.filter((x) => x.code === 'compose/undefined-variable');

describe('language server over stdio: cross-file findings stay live (ARCHITECTURE.md, Cross-file model)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let ws: ReturnType<typeof tempWorkspace>;

  before(async () => {
    ws = tempWorkspace({ 'a/docker-compose.yml': COMPOSE, 'a/.env': 'OTHER=1\n', 'b/docker-compose.yml': COMPOSE, 'b/.env': 'OTHER=1\n' });
    client = await LspClient.start({ rootDir: ws.dir });
  });
  after(async () => { await client?.stop(); ws?.remove(); });

  it('typing in an open .env updates the open compose file without touching it', async () => {
    const compose = ws.uri('a/docker-compose.yml');
    const env = ws.uri('a/.env');
    client.open(compose, 'dockercompose', COMPOSE);
    const before = await client.diagnosticsFor(compose, (d) => undefinedVar(d).length > 0);
    assert.equal(undefinedVar(before)[0].range.start.line, 4);
    client.open(env, 'dotenv', 'OTHER=1\n');
    client.change(env, 'OTHER=1\nDB_PASSWORD=Vq8sLr2mXw9TzKp4Hn7Bc3Jd\n');
    await client.until('the compose finding cleared', () => {
      const last = client.published.get(compose)?.at(-1)?.diagnostics;
      return last && undefinedVar(last).length === 0 ? true : undefined;
    });
  });

  it('a weak value typed into .env is reported there, with the compose line as related information', async () => {
    const env = ws.uri('a/.env');
    client.change(env, 'OTHER=1\nDB_PASSWORD=changeme\n');
    const diags = await client.diagnosticsFor(env, (d) => d.some((x) => x.code === 'env/weak-secret'));
    const weak = diags.find((x) => x.code === 'env/weak-secret')!;
    assert.equal(weak.range.start.line, 1);
    assert.equal(weak.relatedInformation?.[0].location.uri, ws.uri('a/docker-compose.yml'));
    assert.equal(weak.relatedInformation?.[0].location.range.start.line, 4);
    assert.ok(!JSON.stringify(weak).includes('changeme'));
  });

  it('a .env changed on disk (not open) updates the compose file after didChangeWatchedFiles', async () => {
    const compose = ws.uri('b/docker-compose.yml');
    client.open(compose, 'dockercompose', COMPOSE);
    await client.diagnosticsFor(compose, (d) => undefinedVar(d).length > 0);
    ws.write('b/.env', 'OTHER=1\nDB_PASSWORD=Vq8sLr2mXw9TzKp4Hn7Bc3Jd\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('b/.env'), type: FileChangeType.Changed }] });
    await client.until('the compose finding cleared after the disk change', () => {
      const last = client.published.get(compose)?.at(-1)?.diagnostics;
      return last && undefinedVar(last).length === 0 ? true : undefined;
    });
  });
});
