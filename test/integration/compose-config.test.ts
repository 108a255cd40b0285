/**
 * Every fix of the compose rules keeps the file valid for docker-compose: for each fixture under
 * test/fixtures/compose/<name>/, the original passes `docker-compose config -q`, then all fixes
 * (unsafe ones too) are applied with the engine and the result passes as well.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryHost, Workspace, mergeConfig, fixAll, lintFile } from '../../server/src/engine';

const FIXTURES = join(__dirname, '..', 'fixtures', 'compose');
const BIN = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((p) => existsSync(p));

function composeConfig(dir: string): { ok: boolean; output: string } {
  const r = spawnSync(BIN!, ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: dir, encoding: 'utf8', env: { ...process.env, COMPOSE_PROJECT_NAME: 'deploylint-test' } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function copyTo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploylint-compose-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('compose fixes pass docker-compose config', function () {
  before(function () {
    if (!BIN) {
      console.log('    (skipped: docker-compose is not installed; apt-get install docker-compose)');
      this.skip();
    }
  });

  const fixtures = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory() && existsSync(join(FIXTURES, d, 'docker-compose.yml')));

  for (const name of fixtures) {
    it(`${name}: the original and the fully fixed file are valid`, () => {
      const files: Record<string, string> = {};
      for (const f of readdirSync(join(FIXTURES, name))) files[f] = readFileSync(join(FIXTURES, name, f), 'utf8');

      const original = copyTo(files);
      try {
        const before = composeConfig(original);
        assert.ok(before.ok, `original ${name} must be valid:\n${before.output}`);
      } finally { rmSync(original, { recursive: true, force: true }); }

      const host = new MemoryHost();
      for (const [f, t] of Object.entries(files)) host.set(`/ws/${f}`, t);
      const ws = new Workspace(host);
      const target = '/ws/docker-compose.yml';
      const found = lintFile(ws, target, mergeConfig()).filter((f) => f.rule.startsWith('compose/'));
      assert.ok(found.some((f) => f.fixes.length), `${name} has fixable findings`);
      const result = fixAll(ws, [target], mergeConfig(), { unsafe: true, filter: (f) => f.rule.startsWith('compose/') });
      assert.ok(result.changed.has(target), `fixes changed ${name}`);

      const out: Record<string, string> = { ...files };
      for (const [p, t] of result.changed) out[p.replace(/^\/ws\//, '')] = t;
      const dir = copyTo(out);
      try {
        const after = composeConfig(dir);
        assert.ok(after.ok, `fixed ${name} must be valid:\n${after.output}\n--- fixed file ---\n${out['docker-compose.yml']}`);
      } finally { rmSync(dir, { recursive: true, force: true }); }

      const fixable = lintFile(ws, target, mergeConfig()).filter((f) => f.rule.startsWith('compose/') && f.fixes.some((x) => x.edits.length));
      assert.deepEqual(fixable.map((f) => `${f.rule} ${f.range.start.line + 1}`), [], 'nothing fixable is left');
    });
  }
});
