import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { cli, tempProject } from './cli-harness';

const COMPOSE = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
const ENV = 'DB_PASSWORD=changeme\n';

describe('cli', () => {
  describe('lint --format json', () => {
    it('prints the ARCHITECTURE.md, CLI shape with 1-based positions and relative paths, and exits 1', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE, '.env': ENV, 'README.md': 'not linted' });
      const r = cli(dir, '--format', 'json', '--rule', 'env/not-gitignored=off', '--rule', 'env/file-permissions=off');
      assert.equal(r.code, 1, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.equal(j.version, 2);
      assert.equal(j.tool.name, 'deploylint');
      assert.match(j.tool.version, /^\d+\.\d+\.\d+/);
      assert.deepEqual(j.files, [{ path: '.env', kind: 'env', role: 'production' }, { path: 'docker-compose.yml', kind: 'compose', role: 'production' }]);
      const port = j.findings.find((f: { rule: string }) => f.rule === 'compose/exposed-datastore-port');
      assert.deepEqual(
        { file: port.file, severity: port.severity, line: port.line, column: port.column, endLine: port.endLine, endColumn: port.endColumn, fixable: port.fixable },
        { file: 'docker-compose.yml', severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 20, fixable: true },
      );
      const weak = j.findings.find((f: { rule: string }) => f.rule === 'env/weak-secret');
      assert.equal(weak.file, '.env');
      assert.equal(weak.line, 1);
      for (const f of j.findings) {
        assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'fixable', 'line', 'message', 'rule', 'severity']);
      }
      assert.ok(!r.stdout.includes('changeme'), 'no secret value in the output');
    });
  });

  describe('exit codes and options', () => {
    it('exits 0 on a clean folder', () => {
      const dir = tempProject({ 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' });
      const r = cli(dir, '--fail-on', 'error');
      assert.equal(r.code, 0, r.stdout + r.stderr);
    });
    it('--rule ID=off silences a rule and --fail-on error ignores warnings', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      assert.equal(cli(dir, '--fail-on', 'error').code, 1);
      const r = cli(dir, '--rule', 'compose/exposed-datastore-port=off', '--fail-on', 'error', '--format', 'json');
      assert.ok(!JSON.parse(r.stdout).findings.some((f: { rule: string }) => f.rule === 'compose/exposed-datastore-port'));
      assert.equal(r.code, 0);
    });
    it('--rule can lower a severity', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      const r = cli(dir, '--rule', 'compose/exposed-datastore-port=info', '--format', 'json', '--fail-on', 'error');
      const f = JSON.parse(r.stdout).findings.find((x: { rule: string }) => x.rule === 'compose/exposed-datastore-port');
      assert.equal(f.severity, 'info');
    });
    it('reads .deploylint.yaml found upward, and --config', () => {
      const dir = tempProject({ 'sub/docker-compose.yml': COMPOSE, '.deploylint.yaml': 'rules:\n  compose/exposed-datastore-port: off\n', 'other.yaml': 'rules:\n  compose/exposed-datastore-port: hint\n' });
      const a = JSON.parse(cli(path.join(dir, 'sub'), '--format', 'json').stdout);
      assert.ok(!a.findings.some((f: { rule: string }) => f.rule === 'compose/exposed-datastore-port'));
      const b = JSON.parse(cli(dir, 'sub', '--config', 'other.yaml', '--format', 'json').stdout);
      assert.equal(b.findings.find((f: { rule: string }) => f.rule === 'compose/exposed-datastore-port').severity, 'hint');
    });
    it('exits 2 on usage errors: unknown flag, unknown rule, bad config, missing path', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE, 'bad.yaml': 'rules:\n  nope/rule: error\n' });
      assert.equal(cli(dir, '--bogus').code, 2);
      assert.equal(cli(dir, '--rule', 'nope/rule=off').code, 2);
      assert.equal(cli(dir, '--config', 'bad.yaml').code, 2);
      // The same parser as the editor's: a misspelt id names the rule it probably meant.
      fs.writeFileSync(path.join(dir, 'typo.yaml'), 'rules:\n  compose/privilegd: off\n');
      const typo = cli(dir, '--config', 'typo.yaml');
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /unknown rule "rules\.compose\/privilegd" \(did you mean compose\/privileged\?\)/);
      assert.match(cli(dir, '--rule', 'compose/privilegd=off').stderr, /--rule: unknown rule "compose\/privilegd" \(did you mean compose\/privileged\?\)/);
      assert.equal(cli(dir, 'does-not-exist').code, 2);
      assert.equal(cli(dir, '--format', 'xml').code, 2);
    });
    it('lists each file with its kind and role; test files are skipped with the reason, development findings capped', () => {
      const dir = tempProject({
        'docker-compose.yml': COMPOSE, 'docker-compose.dev.yml': COMPOSE, 'tests/docker-compose.yml': COMPOSE, '.env.example': ENV,
        '.gitignore': '.env\n',
      });
      const j = JSON.parse(cli(dir, '--format', 'json').stdout);
      assert.deepEqual(j.files, [
        { path: '.env.example', kind: 'env', role: 'template' },
        { path: 'docker-compose.dev.yml', kind: 'compose', role: 'development' },
        { path: 'docker-compose.yml', kind: 'compose', role: 'production' },
        { path: 'tests/docker-compose.yml', kind: 'compose', role: 'test', skipped: 'test file (turn on with lintTestFiles)' },
      ]);
      const port = (file: string) => j.findings.filter((f: { file: string; rule: string }) => f.file === file && f.rule === 'compose/exposed-datastore-port').map((f: { severity: string }) => f.severity);
      assert.deepEqual([port('docker-compose.yml'), port('docker-compose.dev.yml'), port('tests/docker-compose.yml')], [['error'], ['info'], []]);
      assert.match(cli(dir).stdout, /Skipped 1 test file \(turn on with lintTestFiles: true in \.deploylint\.yaml\)\./);
    });

    it('reads roles: globs relative to the config file and lintTestFiles from it', () => {
      const dir = tempProject({
        'deploy/.deploylint.yaml': 'roles:\n  test: ["smoke/**"]\n  production: ["tests/**"]\n', 'deploy/smoke/docker-compose.yml': COMPOSE, 'deploy/tests/docker-compose.yml': COMPOSE,
      });
      const roleOf = (j: { files: { path: string; role: string }[] }) => Object.fromEntries(j.files.map((f) => [f.path, f.role]));
      assert.deepEqual(roleOf(JSON.parse(cli(path.join(dir, 'deploy'), '--format', 'json').stdout)), { 'smoke/docker-compose.yml': 'test', 'tests/docker-compose.yml': 'production' });
      fs.writeFileSync(path.join(dir, 'deploy/.deploylint.yaml'), 'roles:\n  test: ["smoke/**"]\nlintTestFiles: true\n');
      const on = JSON.parse(cli(path.join(dir, 'deploy'), '--format', 'json').stdout);
      assert.ok(on.files.every((f: { skipped?: string }) => !f.skipped));
      assert.ok(on.findings.some((f: { file: string; severity: string }) => f.file === 'smoke/docker-compose.yml' && f.severity === 'error'));
      assert.equal(cli(path.join(dir, 'deploy'), '--config', 'x.yaml').code, 2);
      fs.writeFileSync(path.join(dir, 'deploy/x.yaml'), 'roles:\n  staging: ["a"]\n');
      assert.match(cli(path.join(dir, 'deploy'), '--config', 'x.yaml').stderr, /roles\.staging/);
    });

    it('a folder named ci or tests above the linted project does not make its files test files', () => {
      const dir = tempProject({ 'ci/app/docker-compose.yml': COMPOSE, 'ci/app/tests/docker-compose.yml': COMPOSE });
      const elsewhere = tempProject({});
      for (const cwd of [path.join(dir, 'ci'), elsewhere]) {
        const j = JSON.parse(cli(cwd, '--format', 'json', path.join(dir, 'ci/app')).stdout);
        assert.deepEqual(j.files.map((f: { role: string }) => f.role), ['production', 'test'], cwd);
      }
    });

    it('walks folders but skips node_modules, .git and gitignored files (env files are still linted)', () => {
      const dir = tempProject({
        'node_modules/x/docker-compose.yml': COMPOSE, '.git/docker-compose.yml': COMPOSE,
        'ignored/docker-compose.yml': COMPOSE, '.gitignore': 'ignored/\n.env\n', '.env': ENV,
        'deploy/nginx/site.conf': 'server { listen 80; }\n', 'deploy/app.conf': 'not nginx at all\n',
      });
      const j = JSON.parse(cli(dir, '--format', 'json').stdout);
      assert.deepEqual(j.files.map((f: { path: string }) => f.path), ['.env', 'deploy/nginx/site.conf']);
    });
  });

  describe('--fix', () => {
    it('applies safe fixes in place and leaves unsafe ones', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      const before = JSON.parse(cli(dir, '--format', 'json').stdout).findings.length;
      cli(dir, '--fix', '--format', 'json');
      const text = fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8');
      // binding to 127.0.0.1 changes behaviour: not applied by --fix
      assert.match(text, /- "5432:5432"/);
      const after = JSON.parse(cli(dir, '--format', 'json').stdout).findings.length;
      assert.ok(after <= before);
      assert.equal(fs.readdirSync(dir).filter((n) => n.includes('.tmp')).length, 0, 'no temp files left');
    });
  });

  describe('--format sarif', () => {
    it('is SARIF 2.1.0 with rule metadata, levels, regions and fixes', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      const s = JSON.parse(cli(dir, '--format', 'sarif').stdout);
      assert.equal(s.version, '2.1.0');
      const run = s.runs[0];
      assert.equal(run.tool.driver.name, 'deploylint');
      const res = run.results.find((r: { ruleId: string }) => r.ruleId === 'compose/exposed-datastore-port');
      assert.equal(res.level, 'error');
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'compose/exposed-datastore-port');
      assert.match(run.tool.driver.rules[res.ruleIndex].helpUri, /docs\/rules\/compose\/exposed-datastore-port\.md$/);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'docker-compose.yml');
      assert.deepEqual(loc.region, { startLine: 5, startColumn: 9, endLine: 5, endColumn: 20 });
      assert.ok(res.fixes.length >= 1);
      assert.equal(typeof res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'string');
    });
  });

  describe('rules and generate', () => {
    it('lists the catalogue as text and JSON', () => {
      const dir = tempProject({});
      const j = JSON.parse(cli(dir, 'rules', '--format', 'json').stdout);
      assert.ok(j.some((r: { id: string; fixable: boolean }) => r.id === 'compose/exposed-datastore-port' && r.fixable));
      for (const r of j) assert.deepEqual(Object.keys(r).sort(), ['fixable', 'id', 'language', 'severity', 'title']);
      assert.match(cli(dir, 'rules').stdout, /nginx\/no-https\s+error/);
    });
    it('generate nginx prints a hardened block; bad input exits 2', () => {
      const dir = tempProject({});
      const r = cli(dir, 'generate', 'nginx', '--server-name', 'notes.example.com', '--upstream', 'http://app:3000');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /server_name notes\.example\.com;/);
      assert.match(r.stdout, /proxy_pass http:\/\/app:3000;/);
      assert.equal(cli(dir, 'generate', 'nginx', '--upstream', 'http://app:3000').code, 2);
      assert.equal(cli(dir, 'generate', 'nginx', '--server-name', 'bad name!', '--upstream', 'http://app:3000').code, 2);
    });
  });

  describe('the built bin', () => {
    before(function () {
      if (!fs.existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/build.mjs', '--quiet']);
    });
    it('runs as a program with exit code 1 on findings', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), dir, '--fail-on', 'error'], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /docker-compose\.yml:5:9: error \[compose\/exposed-datastore-port\]/);
    });
  });
});
