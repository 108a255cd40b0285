import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFix, lint, workspace } from '../support/lint';
import { nginxAvailable, nginxTest } from '../support/nginx-t';
import { fixAll, mergeConfig, type RuleId } from '../../server/src/engine';

/**
 * The Gixy-Next parity rules of issue 14 (part A): every fix of every finding in
 * test/fixtures/nginx/access, alone and all together, passes the real `nginx -t`.
 */
const DIR = path.resolve(__dirname, '../fixtures/nginx/access');
const CONFIG = { nginx: { version: '1.22' } };
const RULES = new Set<RuleId>(['nginx/allow-without-deny', 'nginx/return-bypasses-access', 'nginx/filesystem-root', 'nginx/status-page-exposed',
  'nginx/valid-referers-none', 'nginx/weak-origin-check', 'nginx/proxy-pass-normalized', 'nginx/proxy-header-inheritance']);

describe('integration: nginx -t accepts the fixes of the access, status-page, origin and proxy-path rules', function () {
  if (!nginxAvailable()) {
    it('nginx or openssl is not installed (skipped)', function () { this.skip(); });
    return;
  }
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.conf')).sort()) {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    const rel = `nginx/${name}`;
    const files = { [rel]: text };

    it(`${name} passes nginx -t as it is`, () => {
      const r = nginxTest(text);
      assert.ok(r.ok, r.output);
    });

    it(`${name}: each fix alone passes nginx -t`, () => {
      const found = lint(files, rel, undefined, CONFIG).filter((f) => RULES.has(f.rule));
      const fixedRules = new Set(found.filter((f) => f.fixes.some((x) => x.edits.length)).map((f) => f.rule));
      assert.deepEqual([...RULES].filter((r) => r !== 'nginx/return-bypasses-access' && r !== 'nginx/filesystem-root' && !fixedRules.has(r)), [], 'every fixable rule has a fix to prove here');
      for (const f of found) {
        for (const fix of f.fixes.filter((x) => x.edits.length)) {
          const fixed = applyFix(files, fix)[rel];
          const r = nginxTest(fixed);
          assert.ok(r.ok, `${f.rule} / ${fix.title}:\n${r.output}\n${fixed}`);
        }
      }
    });

    it(`${name}: Fix all (unsafe included) passes nginx -t and clears the fixable findings`, () => {
      const ws = workspace(files);
      const result = fixAll(ws, [`/ws/${rel}`], mergeConfig(CONFIG), { unsafe: true, filter: (f) => RULES.has(f.rule) });
      const fixed = ws.readFile(`/ws/${rel}`)!;
      const r = nginxTest(fixed);
      assert.ok(r.ok, `${r.output}\n${fixed}`);
      const left = result.remaining.filter((f) => RULES.has(f.rule) && f.fixes.some((x) => x.edits.length));
      assert.deepEqual(left.map((f) => `${f.rule}: ${f.message}`), []);
    });
  }
});
