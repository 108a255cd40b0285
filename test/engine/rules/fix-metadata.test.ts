import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryHost, Workspace, allRules, languageOf, lintFiles, mergeConfig, type Finding } from '../../../server/src/engine';
import { lintStack, STACKS_DIR } from '../../stacks/load';

const ROOT = path.resolve(__dirname, '../../..');

/** Every file under `dir`, loaded at its own path, linted as one workspace (world-readable modes). */
function lintTree(dir: string): Finding[] {
  const host = new MemoryHost();
  const targets: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) { walk(full); continue; }
      const p = full.split(path.sep).join('/');
      const text = fs.readFileSync(full, 'utf8');
      host.set(p, text, 0o644);
      if (languageOf(p, text)) targets.push(p);
    }
  };
  walk(dir);
  return lintFiles(new Workspace(host), targets, mergeConfig(), {});
}

/**
 * Fixable rules whose fix no stack, fixture or example triggers: their own tests build their inputs
 * inline. Shrink it by adding a fixture that exercises the fix; the test fails when an entry is
 * exercised, so the list cannot go stale.
 */
const FIX_NOT_EXERCISED = new Set<string>([
  'compose/port-all-interfaces', 'compose/undefined-variable', 'compose/exposed-admin-ui',
  'compose/open-setup-wizard', 'compose/committed-default-secret', 'compose/privileged',
  'compose/dangerous-capability', 'compose/security-opt-disabled', 'compose/sensitive-mount',
  'compose/datastore-not-isolated',
  'nginx/weak-hsts', 'nginx/deprecated-xss-protection', 'nginx/ssl-session-tickets',
  'nginx/unlimited-body-size', 'nginx/host-spoofing', 'nginx/http-splitting', 'nginx/allow-without-deny',
  'nginx/status-page-exposed', 'nginx/valid-referers-none', 'nginx/weak-origin-check',
  'nginx/proxy-pass-normalized', 'nginx/proxy-header-inheritance', 'nginx/ambiguous-default-server',
  'nginx/map-without-default', 'nginx/rewrite-capture-overflow', 'nginx/real-ip-spoofable',
  'nginx/forwarded-proto-trusted', 'nginx/ssl-early-data',
  'env/insecure-connection', 'env/truncated-value', 'env/duplicate-key', 'env/secret-reused',
  'env/template-value-copied',
]);

describe('rule fix metadata', () => {
  const fixed = new Set<string>();
  before(function () {
    this.timeout(120000);
    const insecure = fs.readdirSync(STACKS_DIR).filter((s) => s.endsWith('-insecure'));
    const findings = [
      ...insecure.flatMap((s) => lintStack(s)),
      ...['compose', 'env', 'nginx'].flatMap((k) => lintTree(path.join(ROOT, 'test/fixtures', k))),
      ...lintTree(path.join(ROOT, 'examples')),
    ];
    for (const f of findings) if (f.fixes.length) fixed.add(f.rule);
  });

  it('a rule that produced a fix is marked fixable, and a fixable rule explains its fix', () => {
    for (const r of allRules()) {
      if (fixed.has(r.id)) assert.ok(r.fixable, `${r.id} produced a fix but says fixable: false`);
      if (r.fixable) assert.ok(r.docs.fixSafety?.trim(), `${r.id} is fixable but has no fixSafety`);
    }
  });

  it('every fixable rule produces a fix on the stacks, fixtures or examples (or is listed)', () => {
    const missing = allRules().filter((r) => r.fixable && !fixed.has(r.id) && !FIX_NOT_EXERCISED.has(r.id)).map((r) => r.id);
    assert.deepEqual(missing, []);
    for (const id of FIX_NOT_EXERCISED) assert.ok(!fixed.has(id), `${id} is exercised now: take it off FIX_NOT_EXERCISED`);
  });

  it('every rule has a why', () => {
    for (const r of allRules()) assert.ok(r.docs.why.trim().length > 20, r.id);
  });
});
