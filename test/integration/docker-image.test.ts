import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The container image of ARCHITECTURE.md, CLI: built and run where a docker engine answers, skipped (saying so) elsewhere. */
const ROOT = path.resolve(__dirname, '../..');
const TAG = 'deploylint:integration-test';

describe('container image (Dockerfile)', function () {
  this.timeout(900000);

  it('is node:20-alpine, runs as a non-root user, with the CLI as entrypoint', () => {
    const text = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const stages = text.split(/^FROM /m).slice(1);
    const final = stages[stages.length - 1];
    assert.match(final, /^node:20-alpine\s/);
    assert.match(final, /^USER node$/m);
    assert.match(final, /^ENTRYPOINT \["node", "\/opt\/deploylint\/dist\/cli\.js"\]$/m);
  });

  it('builds and lints a mounted folder', function () {
    if (spawnSync('docker', ['info'], { timeout: 30000 }).status !== 0) {
      console.log('    (skipped: no docker engine answers `docker info` on this machine)');
      this.skip();
    }
    const build = spawnSync('docker', ['build', '-q', '-t', TAG, ROOT], { encoding: 'utf8', timeout: 800000 });
    assert.equal(build.status, 0, build.stderr);
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-docker-'));
      fs.writeFileSync(path.join(dir, 'docker-compose.yml'), 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n');
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'docker-compose.yml'), 0o644);
      const user = spawnSync('docker', ['run', '--rm', '--entrypoint', 'id', TAG, '-u'], { encoding: 'utf8' });
      assert.notEqual(user.stdout.trim(), '0', 'runs as non-root');
      const r = spawnSync('docker', ['run', '--rm', '-v', `${dir}:/src:ro`, TAG, '.', '--format', 'json'], { encoding: 'utf8', timeout: 120000 });
      assert.equal(r.status, 1, r.stderr);
      assert.ok(JSON.parse(r.stdout).findings.some((f: { rule: string; file: string }) => f.rule === 'compose/exposed-datastore-port' && f.file === 'docker-compose.yml'));
    } finally {
      spawnSync('docker', ['rmi', '-f', TAG]);
    }
  });
});
