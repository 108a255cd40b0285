import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, applyFix } from '../support/lint';
import { nginxAvailable, nginxTest } from '../support/nginx-t';
import { mergeConfig, fixAll } from '../../server/src/engine';
import { workspace } from '../support/lint';
import { nginxRules } from '../../server/src/engine/rules/nginx';

/**
 * Every full-config fixture, and every fixed version of it (each fix alone, and Fix all with unsafe
 * fixes), passes the real `nginx -t` (Debian's 1.22: fixtures use `listen 443 ssl http2`).
 */
const DIR = path.resolve(__dirname, '../fixtures/nginx/full');
const CONFIG = { nginx: { version: '1.22' } };
const OURS = new Set(nginxRules.map((r) => r.id));

describe('integration: nginx -t accepts the fixtures and their fixed versions', function () {
  if (!nginxAvailable()) {
    it('nginx or openssl is not installed (skipped)', function () { this.skip(); });
    return;
  }
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.conf')).sort()) {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    const rel = `nginx/${name}`;
    const files = { [rel]: text };

    it(`${name} passes nginx -t`, () => {
      const r = nginxTest(text);
      assert.ok(r.ok, r.output);
    });

    it(`${name}: every fix of every finding passes nginx -t`, () => {
      const found = lint(files, rel, undefined, CONFIG).filter((f) => OURS.has(f.rule) && f.fixes.some((x) => x.edits.length));
      for (const f of found) {
        for (const fix of f.fixes.filter((x) => x.edits.length)) {
          const fixed = applyFix(files, fix)[rel];
          const r = nginxTest(fixed);
          assert.ok(r.ok, `${f.rule} / ${fix.title}:\n${r.output}\n${fixed}`);
        }
      }
    });

    it(`${name}: Fix all (with unsafe fixes) passes nginx -t`, () => {
      const ws = workspace(files);
      fixAll(ws, [`/ws/${rel}`], mergeConfig(CONFIG), { unsafe: true, filter: (f) => OURS.has(f.rule) });
      const fixed = ws.readFile(`/ws/${rel}`)!;
      const r = nginxTest(fixed);
      assert.ok(r.ok, `${r.output}\n${fixed}`);
    });
  }

  it('the hardened fixture has no finding at all', () => {
    const text = fs.readFileSync(path.join(DIR, 'hardened.conf'), 'utf8');
    const found = lint({ 'nginx/hardened.conf': text }, 'nginx/hardened.conf', undefined, CONFIG);
    assert.deepEqual(found.map((f) => `${f.rule} ${f.message}`), []);
  });
});
