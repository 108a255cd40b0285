import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Neovim's built-in LSP client is the second real client of the server (ARCHITECTURE.md, Performance): a headless
 * `nvim` opens the example compose file, runs `node dist/server.js --stdio`, and the diagnostics it
 * received are read back with `vim.diagnostic.get()` (test/integration/neovim/init.lua).
 */
const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server.js');
const EXAMPLE = path.join(ROOT, 'examples/insecure-stack');
const INIT = path.join(__dirname, 'neovim/init.lua');

interface NvimDiagnostic { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }
interface NvimResult { error?: string; waited?: boolean; nvim?: string; api?: string; diagnostics?: NvimDiagnostic[] }

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10000 });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

describe('integration: Neovim (built-in LSP client) receives deploylint diagnostics', function () {
  this.timeout(90000);
  const version = nvimVersion();
  if (!version) {
    it('nvim is not installed (skipped: apt-get install neovim)', function () { this.skip(); });
    return;
  }

  let dir: string;
  let result: NvimResult;
  let compose: string;

  before(() => {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-nvim-'));
    fs.cpSync(EXAMPLE, path.join(dir, 'stack'), { recursive: true });
    const file = path.join(dir, 'stack/docker-compose.yml');
    compose = fs.readFileSync(file, 'utf8');
    const out = path.join(dir, 'diagnostics.json');
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', INIT], {
      cwd: path.dirname(file),
      env: { ...process.env, DEPLOYLINT_SERVER: SERVER, DEPLOYLINT_FILE: file, DEPLOYLINT_OUT: out, DEPLOYLINT_TIMEOUT_MS: '30000' },
      encoding: 'utf8', timeout: 75000, killSignal: 'SIGKILL',
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
    result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, undefined, `the Lua helper failed: ${result.error}`);
  });

  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it(`${version}: reports compose/exposed-datastore-port on the "5432:5432" line, with source deploylint`, () => {
    assert.equal(result.waited, true, 'diagnostics arrived before the timeout');
    const lines = compose.split('\n');
    const line = lines.findIndex((l) => l.includes('- "5432:5432"'));
    assert.ok(line > 0);
    const col = lines[line].indexOf('"5432:5432"');
    const hit = result.diagnostics!.filter((d) => d.code === 'compose/exposed-datastore-port' && d.lnum === line);
    assert.equal(hit.length, 1, JSON.stringify(result.diagnostics, null, 1));
    const d = hit[0];
    assert.deepEqual([d.lnum, d.col, d.end_lnum, d.end_col], [line, col, line, col + '"5432:5432"'.length]);
    assert.equal(d.source, 'deploylint');
    assert.equal(d.severity, 1, 'error');
    assert.match(d.message, /postgres/);
  });

  it('receives the other findings of the file too, all from deploylint, none of them leaking a secret value', () => {
    const ds = result.diagnostics!;
    const codes = new Set(ds.map((d) => d.code));
    for (const rule of ['compose/docker-socket', 'compose/weak-secret', 'compose/hardcoded-secret']) assert.ok(codes.has(rule), `${rule} in ${[...codes].join(', ')}`);
    assert.ok(ds.every((d) => d.source === 'deploylint'));
    assert.ok(ds.every((d) => !d.message.includes('my-secret-key-123')), 'JWT_SECRET value never in a message');
    assert.match(result.api!, /^vim\.lsp\.start(_client)?$/);
  });
});
