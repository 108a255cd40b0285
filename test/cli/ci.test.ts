import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cli, tempProject } from './cli-harness';
import { run } from '../../server/src/cli/main';
import { HELP } from '../../server/src/cli/help';

const COMPOSE = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
const PORT = 'compose/exposed-datastore-port';
type JsonFinding = { rule: string; file: string; line: number; severity: string };
const json = (stdout: string): { files: string[]; findings: JsonFinding[] } => {
  const data = JSON.parse(stdout) as { files: { path: string }[]; findings: JsonFinding[] };
  return { files: data.files.map((f) => f.path), findings: data.findings };
};
const rules = (stdout: string) => json(stdout).findings.map((f) => f.rule);

function withStdin(cwd: string, input: string, ...argv: string[]) {
  const prev = process.cwd();
  let stdout = '', stderr = '';
  process.chdir(cwd);
  try {
    const code = run(argv, (s) => { stdout += s; }, (s) => { stderr += s; }, false, { readStdin: () => input });
    return { code, stdout, stderr };
  } finally { process.chdir(prev); }
}

describe('cli in CI (issue 16)', () => {
  describe('bugs a new user found', () => {
    it('(1) a file that cannot be read is exit 2 with its path and reason, never "No problems found"', () => {
      const dir = tempProject({});
      execFileSync('mkfifo', [path.join(dir, 'docker-compose.yml')]);
      const r = cli(dir, 'docker-compose.yml');
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot read docker-compose\.yml: not a regular file/);
      assert.doesNotMatch(r.stdout, /No problems/);
    });

    it('(3) a .gitignore in a parent folder applies when a subfolder is linted', () => {
      const dir = tempProject({ '.gitignore': 'generated/\n', 'deploy/generated/docker-compose.yml': COMPOSE, 'deploy/docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' });
      fs.mkdirSync(path.join(dir, '.git'));
      const r = cli(path.join(dir, 'deploy'), '.', '--format', 'json');
      assert.deepEqual(json(r.stdout).files, ['docker-compose.yml']);
    });

    it('(4) a symlinked compose file (and a symlinked folder) is linted', () => {
      const dir = tempProject({ 'real/compose.yaml': COMPOSE, 'stack/README.md': '' });
      fs.symlinkSync(path.join(dir, 'real/compose.yaml'), path.join(dir, 'stack/docker-compose.yml'));
      fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'stack/linked'));
      const r = cli(path.join(dir, 'stack'), '--format', 'json');
      assert.deepEqual(json(r.stdout).files, ['docker-compose.yml', 'linked/compose.yaml']);
      assert.equal(rules(r.stdout).filter((id) => id === PORT).length, 2);
    });

    it('(5) the config is found upward from each file, not from the working directory', () => {
      const dir = tempProject({
        'a/docker-compose.yml': COMPOSE, 'a/.deploylint.yaml': `rules:\n  ${PORT}: off\n`,
        'b/docker-compose.yml': COMPOSE,
      });
      const r = cli(dir, '--format', 'json');
      assert.deepEqual(json(r.stdout).findings.filter((f) => f.rule === PORT).map((f) => f.file), ['b/docker-compose.yml']);
    });

    it('(6) generate nginx follows nginx.version of .deploylint.yaml: no `http2 on;` for 1.22', () => {
      const dir = tempProject({ '.deploylint.yaml': 'nginx:\n  version: "1.22"\n' });
      const r = cli(dir, 'generate', 'nginx', '--server-name', 'example.com', '--upstream', 'http://app:3000');
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /http2 on;/);
      assert.match(r.stdout, /listen 443 ssl http2;/);
      const flag = cli(dir, 'generate', 'nginx', '--server-name', 'example.com', '--upstream', 'http://app:3000', '--nginx-version', '1.26');
      assert.match(flag.stdout, /http2 on;/);
    });

    it('(7) --fix creates .env readable by its owner only', () => {
      const dir = tempProject({ 'docker-compose.yml': 'services:\n  app:\n    image: x:1\n    environment:\n      JWT_SECRET: "Zq8vN2xT5rLk9WmB3cYh7PdF4sJg6QaE1uRo0tVyXw"\n' });
      cli(dir, '--fix');
      assert.match(fs.readFileSync(path.join(dir, '.env'), 'utf8'), /JWT_SECRET=/);
      assert.equal(fs.statSync(path.join(dir, '.env')).mode & 0o777, 0o600);
    });

    it('(8) every command has its own --help, exit 0', () => {
      const dir = tempProject({});
      for (const [argv, heading] of [[['--help'], /^Usage: deploylint \[options\]/], [['rules', '--help'], /^Usage: deploylint rules/],
        [['generate', 'nginx', '--help'], /^Usage: deploylint generate nginx/], [['generate', '--help'], /^Usage: deploylint generate nginx/]] as const) {
        const r = cli(dir, ...argv);
        assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
        assert.match(r.stdout, heading);
      }
      const bad = cli(dir, 'rules', '--bogus');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Usage: deploylint rules/);
    });

    it('(9) unknown keys and bad values in .deploylint.yaml are errors naming the key', () => {
      for (const [text, message] of [
        ['exclud:\n  - x\n', /unknown key "exclud"/],
        ['secrets:\n  minKeyBytes: 0\n', /"secrets\.minKeyBytes": must be >= 1/],
        ['nginx:\n  version: latest\n', /"nginx\.version"/],
        ['roles:\n  staging: [a]\n', /unknown key "roles\.staging"/],
        ['lintTestFiles: yes-please\n', /"lintTestFiles"/],
      ] as const) {
        const dir = tempProject({ '.deploylint.yaml': text, 'docker-compose.yml': COMPOSE });
        const r = cli(dir);
        assert.equal(r.code, 2, text);
        assert.match(r.stderr, /\.deploylint\.yaml: /);
        assert.match(r.stderr, message);
      }
      const ok = tempProject({ '.deploylint.yaml': 'exclude: [vendor/]\nroles:\n  test: ["ci/**"]\nlintTestFiles: true\n', 'docker-compose.yml': COMPOSE });
      assert.equal(cli(ok).code, 1, 'a valid config with roles and exclude is accepted');
    });
  });

  describe('flags', () => {
    it('--exclude and exclude: skip files and folders (gitignore globs; config globs relative to its folder)', () => {
      const dir = tempProject({
        'docker-compose.yml': COMPOSE, 'vendor/docker-compose.yml': COMPOSE, 'old/compose.yaml': COMPOSE,
        'deploy/.deploylint.yaml': 'exclude:\n  - legacy/\n', 'deploy/legacy/compose.yaml': COMPOSE, 'deploy/compose.yaml': COMPOSE,
      });
      const r = cli(dir, '--exclude', 'vendor/', '--exclude', 'old/*.yaml', '--format', 'json');
      assert.deepEqual(json(r.stdout).files, ['deploy/compose.yaml', 'docker-compose.yml']);
    });

    it('--stdin-filename NAME with the path - lints standard input as NAME', () => {
      const dir = tempProject({});
      const r = withStdin(dir, COMPOSE, '-', '--stdin-filename', 'deploy/docker-compose.yml', '--format', 'json');
      assert.equal(r.code, 1, r.stderr);
      const port = json(r.stdout).findings.find((f) => f.rule === PORT)!;
      assert.deepEqual([port.file, port.line], ['deploy/docker-compose.yml', 5]);
      assert.equal(cli(dir, '-').code, 2, '- needs --stdin-filename');
      assert.equal(withStdin(dir, 'x', '-', '--stdin-filename', 'notes.txt').code, 2, 'an unknown kind is a usage error');
    });

    it('--write-baseline records findings; --baseline hides them even after lines above move, and shows new ones', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      const w = cli(dir, '--write-baseline', 'baseline.json');
      assert.equal(w.code, 0);
      const baseline = fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8');
      assert.doesNotMatch(baseline, /"line"/);
      assert.equal(cli(dir, '--baseline', 'baseline.json', '--fail-on', 'info').code, 0);
      // An edit above the old finding moves it down; a new datastore port is a new finding.
      fs.writeFileSync(path.join(dir, 'docker-compose.yml'), '# hosted\n' + COMPOSE + '  cache:\n    image: redis:7\n    ports:\n      - "6379:6379"\n');
      const r = cli(dir, '--baseline', 'baseline.json', '--format', 'json');
      assert.deepEqual(json(r.stdout).findings.filter((f) => f.rule === PORT).map((f) => f.line), [10]);
      const sarif = JSON.parse(cli(dir, '--baseline', 'baseline.json', '--format', 'sarif').stdout);
      const ports = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === PORT);
      assert.deepEqual(ports.map((x: { suppressions?: unknown[] }) => !!x.suppressions), [true, false]);
      assert.equal(cli(dir, '--baseline', 'missing.json').code, 2);
      // Paths in the baseline are relative to it: the same file matches from another folder.
      const sub = cli(path.join(dir, '..'), path.basename(dir), '--baseline', path.join(path.basename(dir), 'baseline.json'), '--format', 'json');
      assert.deepEqual(json(sub.stdout).findings.filter((f) => f.rule === PORT).map((f) => f.line), [10]);
    });

    it('--quiet reports errors only; --max-warnings N fails on more warnings; -o writes the report to a file', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE + '  app:\n    image: app:1.2\n    environment:\n      SMTP_PASSWORD: "Zq8#kLm2$vRt9!pWx4&b"\n' });
      const all = json(cli(dir, '--format', 'json').stdout).findings;
      assert.ok(all.some((f) => f.severity !== 'error') && all.some((f) => f.severity === 'error'));
      const quiet = json(cli(dir, '--format', 'json', '--quiet').stdout).findings;
      assert.ok(quiet.length > 0 && quiet.every((f) => f.severity === 'error'));
      const warnings = all.filter((f) => f.severity === 'warning').length;
      assert.ok(warnings > 0);
      assert.equal(cli(dir, '--fail-on', 'error', '--rule', `${PORT}=off`, '--rule', 'compose/datastore-without-auth=off', '--max-warnings', String(warnings)).code, 0);
      const over = cli(dir, '--fail-on', 'error', '--rule', `${PORT}=off`, '--rule', 'compose/datastore-without-auth=off', '--max-warnings', String(warnings - 1));
      assert.equal(over.code, 1);
      assert.match(over.stderr, /max-warnings/);
      const o = cli(dir, '--format', 'json', '-o', 'report.json');
      assert.equal(o.stdout, '');
      assert.deepEqual(json(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).findings, all);
    });

    it('--format gitlab is a Code Quality report and --format junit is JUnit XML', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE, 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
      const gl = JSON.parse(cli(dir, '--format', 'gitlab').stdout);
      const port = gl.find((x: { check_name: string }) => x.check_name === PORT);
      assert.deepEqual({ ...port, fingerprint: typeof port.fingerprint, description: typeof port.description },
        { check_name: PORT, fingerprint: 'string', description: 'string', severity: 'critical', location: { path: 'docker-compose.yml', lines: { begin: 5, end: 5 } } });
      assert.equal(new Set(gl.map((x: { fingerprint: string }) => x.fingerprint)).size, gl.length);
      const xml = cli(dir, '--format', 'junit', '--quiet').stdout;
      assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="deploylint"/);
      assert.match(xml, /<testsuite name="compose\.yaml" tests="1" failures="0"/);
      assert.match(xml, new RegExp(`<testcase classname="docker-compose.yml" name="${PORT} \\(5:9\\)">\\s*<failure type="error"`));
    });
  });

  describe('SARIF for code scanning', () => {
    it('partialFingerprints survive line moves; rules carry security-severity and the security tag', () => {
      const dir = tempProject({ 'docker-compose.yml': COMPOSE });
      const fp = () => {
        const s = JSON.parse(cli(dir, '--format', 'sarif').stdout);
        return { s, fp: s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === PORT).partialFingerprints };
      };
      const before = fp();
      fs.writeFileSync(path.join(dir, 'docker-compose.yml'), '# a comment\n\n' + COMPOSE);
      const after = fp();
      assert.match(before.fp['deploylintFingerprint/v1'], /^[0-9a-f]{32}$/);
      assert.deepEqual(after.fp, before.fp);
      const rule = (id: string) => before.s.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === id);
      assert.equal(rule(PORT).properties['security-severity'], '8.0');
      assert.equal(rule('compose/unpinned-image').properties['security-severity'], rule('compose/unpinned-image').defaultConfiguration.level === 'warning' ? '5.0' : '2.0');
      assert.ok(rule(PORT).properties.tags.includes('security'));
    });
  });

  it('the README documents every option of the CLI and the Action, pre-commit and container recipes', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    for (const flag of HELP.lint.match(/--[a-z-]+/g)!) assert.ok(readme.includes(flag), flag);
    for (const snippet of ['uses: deploylint/deploylint@', 'github/codeql-action/upload-sarif', 'id: deploylint', 'docker run --rm -v', 'npm pack']) assert.ok(readme.includes(snippet), snippet);
  });
});
