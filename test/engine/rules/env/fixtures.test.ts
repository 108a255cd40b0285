import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryHost, Workspace, lintFile, mergeConfig, type Finding } from '../../../../server/src/engine';
import { parseDotenv } from '../../../../server/src/engine/parse/dotenv';
import { classifyKey, isKnownDefault, isPlaceholder, urlCredentials } from '../../../../server/src/engine/secrets';
import { envRules } from '../../../../server/src/engine/rules/env';
import { cli, tempProject } from '../../../cli/cli-harness';

const ROOT = path.join(__dirname, '../../../fixtures/env');

/** Every file of a fixture folder, relative path -> text. */
function readFolder(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + ent.name;
    if (ent.isDirectory()) Object.assign(out, readFolder(path.join(dir, ent.name), rel + '/'));
    else out[rel] = fs.readFileSync(path.join(dir, ent.name), 'utf8');
  }
  return out;
}

function lintFolder(folder: string): Finding[] {
  const files = readFolder(path.join(ROOT, folder));
  const host = new MemoryHost();
  host.set('/ws/.git/HEAD', 'ref: refs/heads/main\n');
  for (const [p, t] of Object.entries(files)) host.set(`/ws/${p}`, t, 0o600);
  const ws = new Workspace(host);
  const config = mergeConfig();
  return Object.keys(files).filter((p) => /(^|\/)\.env/.test(p)).flatMap((p) => lintFile(ws, `/ws/${p}`, config, { onRuleError: (id, _f, e) => { throw new Error(`${id} threw: ${String(e)}`); } }));
}

/** The secret values of every fixture env file: credential values and passwords inside URLs. */
function fixtureSecrets(): string[] {
  const out = new Set<string>();
  for (const folder of fs.readdirSync(ROOT)) {
    const dir = path.join(ROOT, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const [p, text] of Object.entries(readFolder(dir))) {
      if (!/\.env/.test(p)) continue;
      for (const e of parseDotenv(text).entries) {
        if (classifyKey(e.key) && e.value.length >= 4) out.add(e.value);
        for (const c of urlCredentials(e.value)) if (c.password.length >= 4) out.add(c.password);
        if (/^AKIA/.test(e.value)) out.add(e.value);
      }
    }
  }
  // Public words (`minioadmin`, `changeme`) also appear in rule documentation: only real secrets count.
  return [...out].filter((v) => !isKnownDefault(v) && !isPlaceholder(v));
}

describe('env rules on the fixtures', () => {
  it('guide-stack: every env rule but file-permissions fires (mode 600) and nothing throws', () => {
    const found = lintFolder('guide-stack');
    const fired = new Set(found.map((f) => f.rule));
    for (const r of envRules) {
      if (r.id === 'env/file-permissions') continue;
      assert.ok(fired.has(r.id), `${r.id} fires on guide-stack`);
    }
  });

  it('hardened: no finding at all', () => {
    // The folder's own .gitignore hides its .env from git: make sure the fixture really shipped.
    assert.ok(fs.existsSync(path.join(ROOT, 'hardened/.env')), 'hardened/.env exists (git add -f)');
    assert.deepEqual(lintFolder('hardened').map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('no message, related message or fix title contains a secret of the fixtures', () => {
    const secrets = fixtureSecrets();
    assert.ok(secrets.length > 10, 'the fixtures hold secrets to look for');
    const findings = [...lintFolder('guide-stack'), ...lintFolder('hardened')];
    for (const f of findings) {
      const texts = [f.message, ...(f.related ?? []).map((r) => r.message), ...f.fixes.map((x) => x.title)];
      for (const s of secrets) for (const t of texts) assert.ok(!t.includes(s), `${f.rule} shows a secret value in: ${t}`);
    }
  });

  it('no CLI output (text, json, sarif) contains a secret of the fixtures', function () {
    this.timeout(60000);
    const secrets = fixtureSecrets();
    const dir = tempProject(readFolder(path.join(ROOT, 'guide-stack')));
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(dir, '--format', format, '.');
      assert.ok(r.stdout.length > 0, `${format} output`);
      for (const s of secrets) {
        assert.ok(!r.stdout.includes(s), `--format ${format} stdout shows a secret value`);
        assert.ok(!r.stderr.includes(s), `--format ${format} stderr shows a secret value`);
      }
    }
  });
});
