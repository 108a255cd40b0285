import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * ARCHITECTURE.md, CLI: the `npm pack` tarball installs into a fresh project without the network (the bundles
 * are self-contained, so the package has no runtime dependency) and runs as `npx deploylint` and
 * `deploylint-language-server --stdio`.
 */
const ROOT = path.resolve(__dirname, '../..');

describe('package: the npm tarball installs and runs', function () {
  this.timeout(240000);
  let work: string;
  let tarball: string;
  let project: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-npm-'));
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', timeout: 200000 });
    assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
    tarball = path.join(work, info.filename);
    project = path.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "uses-deploylint", "version": "1.0.0", "private": true }\n');
    fs.writeFileSync(path.join(project, 'docker-compose.yml'), 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n');
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, encoding: 'utf8', timeout: 120000 });
    assert.equal(install.status, 0, `npm install of the tarball failed:\n${install.stderr}`);
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, the schema and the docs, and no sources, tests or source maps', () => {
    const installed = path.join(project, 'node_modules/deploylint');
    const files = (fs.readdirSync(installed, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
    for (const f of ['dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'dist/server-main.js', 'dist/zxcvbn-dictionaries.js', 'dist/compose-validator.js', 'schemas/deploylint.schema.json', 'README.md', 'LICENSE']) assert.ok(files.includes(f), f);
    assert.deepEqual(files.filter((f) => /^(server|client|test|scripts)\/|\.map$|\.ts$/.test(f)), []);
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.')), ['deploylint'], 'no runtime dependency was installed');
  });

  it('runs as `npx deploylint`: version, findings with exit 1, JSON', () => {
    const version = spawnSync('npx', ['--offline', '--no-install', 'deploylint', '--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, version.stderr);
    const lint = spawnSync('npx', ['--offline', '--no-install', 'deploylint', '.', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.equal(lint.status, 1, lint.stderr);
    assert.ok(JSON.parse(lint.stdout).findings.some((f: { rule: string }) => f.rule === 'compose/exposed-datastore-port'));
  });

  it('runs `deploylint-language-server --stdio`, which answers initialize', async () => {
    const bin = path.join(project, 'node_modules/.bin/deploylint-language-server');
    const server = spawn(bin, ['--stdio'], { cwd: project });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no initialize answer: ${out}`)), 20000);
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (/"capabilities"/.test(out)) { clearTimeout(timer); resolve(out); }
        });
      });
      assert.match(reply, /"id":1/);
      assert.match(reply, /"textDocumentSync"/);
    } finally {
      server.kill();
    }
  });
});
