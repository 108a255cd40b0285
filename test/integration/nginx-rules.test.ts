import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFix, lint, workspace } from '../support/lint';
import { nginxAvailable, nginxTest } from '../support/nginx-t';
import { fixAll, mergeConfig } from '../../server/src/engine';

/**
 * The TLS, proxy and hardening rules (issue 4, second half): every fix of every finding in
 * test/fixtures/nginx/rules, and Fix all with unsafe fixes, passes the real `nginx -t`
 * (Debian's 1.22, so the version setting is 1.22 and the 1.22-only rules fire too).
 */
const DIR = path.resolve(__dirname, '../fixtures/nginx/rules');
const CONFIG = { nginx: { version: '1.22' } };
const RULES = new Set(['server-tokens', 'weak-tls-protocol', 'weak-tls-cipher', 'ssl-session-tickets', 'missing-ocsp-stapling', 'no-rate-limit',
  'unlimited-body-size', 'autoindex', 'alias-traversal', 'host-spoofing', 'http-splitting', 'ssrf', 'proxy-missing-headers', 'dotfiles-exposed'].map((r) => `nginx/${r}`));
// Issue 14: the proxy-trust, default-server, map and rewrite rules (proxy-trust.conf has one of each).
for (const r of ['ambiguous-default-server', 'map-without-default', 'rewrite-capture-overflow', 'real-ip-spoofable', 'forwarded-proto-trusted', 'ssl-early-data']) RULES.add(`nginx/${r}`);

describe('integration: nginx -t accepts the fixes of the TLS, proxy and hardening rules', function () {
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
      const withEdits = found.filter((f) => f.fixes.some((x) => x.edits.length));
      assert.ok(withEdits.length >= 4, `expected fixable findings, got ${found.map((f) => f.rule).join(', ')}`);
      for (const f of withEdits) {
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
