import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { LspClient, tempWorkspace } from './harness';

describe('language server over stdio: workspace/executeCommand (deploylint.*)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let ws: ReturnType<typeof tempWorkspace>;
  const run = (command: string, ...args: unknown[]) => client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });

  before(async () => {
    ws = tempWorkspace({
      'stack/docker-compose.yml': [
        'services:',
        '  app:',
        '    image: ghcr.io/acme/app:1',
        '    ports: ["127.0.0.1:8080:3000"]',
        '  api:',
        '    image: ghcr.io/acme/api:1',
        '    expose: ["8000", 9000]',
        '  db:',
        '    image: postgres:16',
        '',
      ].join('\n'),
      'node_modules/x/docker-compose.yml': 'services:\n  hidden:\n    ports: ["1:1"]\n',
      'keys/server.key': 'not a real key\n',
    });
    client = await LspClient.start({ rootDir: ws.dir });
  });
  after(async () => { await client?.stop(); ws?.remove(); });

  it('deploylint.listUpstreams lists compose services with their container ports', async () => {
    const list = await run('deploylint.listUpstreams') as { service: string; port: number }[];
    assert.deepEqual(list.map((u) => `${u.service}:${u.port}`), ['api:8000', 'api:9000', 'app:3000']);
  });

  it('deploylint.listUpstreams sees unsaved edits of an open compose file', async () => {
    const uri = ws.uri('stack/docker-compose.yml');
    client.open(uri, 'dockercompose', 'services:\n  web:\n    expose: ["80"]\n');
    const list = await run('deploylint.listUpstreams', uri) as { service: string; port: number }[];
    assert.deepEqual(list.map((u) => `${u.service}:${u.port}`), ['web:80']);
    client.close(uri);
  });

  it('deploylint.generateNginxBlock returns the hardened block for the options', async () => {
    const text = await run('deploylint.generateNginxBlock', { serverNames: ['app.example.com'], upstream: 'http://app:3000', profile: 'modern' }) as string;
    assert.match(text, /server_name app\.example\.com;/);
    assert.match(text, /proxy_pass http:\/\/app:3000/);
    assert.match(text, /ssl_protocols TLSv1\.3;/);
    await assert.rejects(run('deploylint.generateNginxBlock', { serverNames: [], upstream: 'x' }));
  });

  (process.platform === 'win32' ? it.skip : it)('deploylint.chmod600 restricts a file to its owner', async () => {
    const key = path.join(ws.dir, 'keys/server.key');
    fs.chmodSync(key, 0o644);
    const r = await run('deploylint.chmod600', key) as { ok: boolean };
    assert.equal(r.ok, true);
    assert.equal(fs.statSync(key).mode & 0o777, 0o600);
    assert.equal((await run('deploylint.chmod600', path.join(ws.dir, 'keys')) as { ok: boolean }).ok, false, 'a folder is refused');
    assert.equal((await run('deploylint.chmod600', 'relative/path') as { ok: boolean }).ok, false, 'a relative path is refused');
  });

  it('deploylint.fixAll asks the client to apply one edit for the document', async () => {
    const uri = ws.uri('fix/docker-compose.yml');
    client.open(uri, 'dockercompose', 'services:\n  db:\n    image: postgres:16\n');
    await client.diagnosticsFor(uri, (d) => d.some((x) => Array.isArray(x.data) && x.data.some((f: { safe: boolean }) => f.safe)));
    const before = client.appliedEdits.length;
    assert.deepEqual(await run('deploylint.fixAll', uri), { applied: true });
    assert.equal(client.appliedEdits.length - before, 1);
    await client.diagnosticsFor(uri, (d) => !d.some((x) => Array.isArray(x.data) && x.data.some((f: { safe: boolean }) => f.safe)));
    assert.deepEqual(await run('deploylint.fixAll', uri), { applied: false }, 'nothing left: no edit is sent');
    assert.equal(client.appliedEdits.length - before, 1);
  });
});
