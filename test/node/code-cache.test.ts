import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

// The launcher dist/cli.js and its compile cache (server/src/node/code-cache.ts), run as users run
// it. Each test has a TMPDIR of its own, so the cache it sees is only the one it made.
const CLI = path.resolve('dist/cli.js');
const COMPOSE = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
const nodeCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('node/code-cache: the launcher\'s compile cache', function () {
  this.timeout(60_000);
  let tmp: string;
  let project: string;
  let reference: string;

  before(function () {
    if (nodeCache) this.skip(); // Node >= 22.1 uses its own cache, which is Node's to test.
    if (!fs.existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs', '--quiet']);
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-cc-project-'));
    fs.writeFileSync(path.join(project, 'docker-compose.yml'), COMPOSE);
    fs.mkdirSync(path.join(project, 'nginx'));
    fs.writeFileSync(path.join(project, 'nginx', 'site.conf'), 'server {\n    listen 80;\n    server_name example.com;\n}\n');
    reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' }).stdout;
    assert.match(reference, /compose\/exposed-datastore-port/);
  });
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-cc-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  after(() => { if (project) fs.rmSync(project, { recursive: true, force: true }); });

  function run(env: NodeJS.ProcessEnv = {}, cli = CLI, file = 'docker-compose.yml'): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [cli, file, '--format', 'json'], {
      cwd: project, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '', ...env },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const cacheDir = () => path.join(tmp, `deploylint-compile-cache-${process.getuid?.() ?? 0}`);
  const cached = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).sort() : []);

  it('writes a cache for the bundles the first run loaded, private to the user, and gives the same report', () => {
    const r = run();
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, reference);
    const files = cached();
    assert.ok(files.some((f) => f.startsWith('cli-main.js-')), files.join(', '));
    assert.ok(files.some((f) => f.startsWith('compose-validator.js-')), files.join(', '));
    assert.ok(!files.some((f) => f.startsWith('zxcvbn-dictionaries.js-')), 'a bundle this run did not load is not cached');
    assert.equal(fs.statSync(cacheDir()).mode & 0o777, 0o700);
    for (const f of files) assert.equal(fs.statSync(path.join(cacheDir(), f)).mode & 0o777, 0o600, f);
  });

  it('uses the cache on the next run without rewriting it', () => {
    run();
    const before = cached().map((f) => [f, fs.statSync(path.join(cacheDir(), f)).mtimeMs]);
    const r = run();
    assert.equal(r.stdout, reference);
    assert.deepEqual(cached().map((f) => [f, fs.statSync(path.join(cacheDir(), f)).mtimeMs]), before);
  });

  it('is written again by a run that took a code path it lacks (nginx after compose), then kept', () => {
    run();
    const main = path.join(cacheDir(), cached().find((f) => f.startsWith('cli-main.js-'))!);
    const header = () => fs.readFileSync(main).toString('latin1', 4, 4 + fs.readFileSync(main).readUInt32LE(0));
    assert.match(header(), /"lint:compose"/);
    assert.doesNotMatch(header(), /"lint:nginx"/);
    const compose = fs.readFileSync(main);
    assert.match(run({}, CLI, 'nginx/site.conf').stdout, /"nginx\/no-https"/);
    assert.match(header(), /"lint:compose".*"lint:nginx"/);
    const both = fs.readFileSync(main);
    assert.ok(both.length > compose.length, 'the cache now holds the nginx code too');
    run({}, CLI, 'nginx/site.conf');
    assert.deepEqual(fs.readFileSync(main), both, 'a run the cache covers leaves it');
  });

  it('replaces a corrupt cache file, and the run is unaffected', () => {
    run();
    const main = path.join(cacheDir(), cached().find((f) => f.startsWith('cli-main.js-'))!);
    fs.writeFileSync(main, Buffer.alloc(4096, 7));
    const r = run();
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, reference);
    assert.notDeepEqual(fs.readFileSync(main), Buffer.alloc(4096, 7), 'the rejected cache was written again');
  });

  it('keeps one cache per installed copy, so two installs do not evict each other', () => {
    const copy = path.join(tmp, 'other-install');
    fs.mkdirSync(copy);
    for (const f of ['cli.js', 'cli-main.js', 'compose-validator.js']) fs.copyFileSync(path.resolve('dist', f), path.join(copy, f));
    run();
    assert.equal(run({}, path.join(copy, 'cli.js')).stdout, reference);
    run();
    assert.equal(cached().filter((f) => f.startsWith('cli-main.js-')).length, 2, cached().join(', '));
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE=1', () => {
    assert.equal(run({ NODE_DISABLE_COMPILE_CACHE: '1' }).stdout, reference);
    assert.deepEqual(cached(), []);
  });

  it('does not use a cache folder that others can write to', () => {
    fs.mkdirSync(cacheDir(), { mode: 0o777 });
    fs.chmodSync(cacheDir(), 0o777);
    assert.equal(run().stdout, reference);
    assert.deepEqual(cached(), []);
  });
});
