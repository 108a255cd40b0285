import * as assert from 'node:assert/strict';
import { MemoryHost, Workspace } from '../../server/src/engine';
import { Linter } from '../../server/src/service/linter';
import type { Logger } from '../../server/src/service/log';
import { DEFAULT_SETTINGS, engineConfig, findTeamConfig, normalizeSettings } from '../../server/src/service/settings';

describe('service: deploylint.* settings', () => {
  it('falls back to defaults for missing or mistyped values', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({ enable: 'yes', rules: { 'a/b': 'off', 'c/d': 'loud' }, secrets: { minPasswordLength: -3, minKeyBytes: 48 }, nginx: { version: '1.25' }, run: 'onSave', workspaceScan: 1 });
    assert.deepEqual(s, { ...DEFAULT_SETTINGS, rules: { 'a/b': 'off' }, secrets: { minPasswordLength: 16, minKeyBytes: 48 }, nginx: { version: '1.25' }, run: 'onSave' });
  });

  it('editor values override .deploylint.yaml, editor defaults do not', () => {
    const ws = new Workspace(new MemoryHost({ '/ws/.deploylint.yaml': 'rules:\n  nginx/missing-hsts: info\nsecrets:\n  minPasswordLength: 24\nnginx:\n  version: "1.24"\n' }));
    const team = findTeamConfig(ws, '/ws/sub/dir/.env');
    assert.equal(team.path, '/ws/.deploylint.yaml');
    const cfg = engineConfig(team, normalizeSettings({ rules: { 'c/d': 'off' }, secrets: { minPasswordLength: 16, minKeyBytes: 64 } }));
    assert.deepEqual(cfg, {
      rules: { 'nginx/missing-hsts': 'info', 'c/d': 'off' }, secrets: { minPasswordLength: 24, minKeyBytes: 64 }, nginx: { version: '1.24' },
      roles: { globs: {}, lintTestFiles: false },
    });
  });

  it('role globs are read relative to the config file, lintTestFiles comes from the file or the editor, path guesses below the workspace folder', () => {
    const ws = new Workspace(new MemoryHost({ '/ws/.deploylint.yaml': 'roles:\n  test:\n    - "deploy/ci/**"\nlintTestFiles: false\n' }));
    const team = findTeamConfig(ws, '/ws/deploy/ci/docker-compose.yml');
    const cfg = engineConfig(team, normalizeSettings({}), '/ws');
    assert.deepEqual(cfg.roles, { globs: { test: ['deploy/ci/**'] }, lintTestFiles: false, base: '/ws', root: '/ws' });
    assert.equal(engineConfig(team, normalizeSettings({ lintTestFiles: true })).roles.lintTestFiles, true);
  });

  it('an invalid .deploylint.yaml is reported, not thrown', () => {
    const ws = new Workspace(new MemoryHost({ '/ws/.deploylint.yaml': 'rules: [oops\n' }));
    const team = findTeamConfig(ws, '/ws/.env');
    assert.equal(team.config, undefined);
    assert.match(team.error ?? '', /YAML|rules/);
  });

  // Bugs 5 and 9 of issue 16: the CLI refused these files while the editor linted on silently.
  it('unknown rule ids, unknown keys and bad values are errors naming the key, as in the CLI', () => {
    const cases: [string, RegExp][] = [
      ['rules:\n  nginx/no-such-rule: off\n', /rules\.nginx\/no-such-rule/],
      ['rules:\n  nginx/server-token: off\n', /unknown rule "rules\.nginx\/server-token" \(did you mean nginx\/server-tokens\?\)/],
      ['secrets:\n  minPasswordLen: 20\n', /unknown key "secrets\.minPasswordLen"/],
      ['nginx:\n  version: latest\n', /"nginx\.version"/],
      ['rule:\n  nginx/missing-hsts: off\n', /unknown key "rule"/],
      ['rules:\n  nginx/missing-hsts: loud\n', /"rules\.nginx\/missing-hsts": must be one of off, error/],
    ];
    for (const [text, message] of cases) {
      const team = findTeamConfig(new Workspace(new MemoryHost({ '/ws/.deploylint.yaml': text })), '/ws/.env');
      assert.equal(team.config, undefined, text);
      assert.match(team.error ?? '', message, text);
    }
  });
});

describe('service: exclude: of .deploylint.yaml', () => {
  it('the editor lints nothing in an excluded file, as the CLI skips it', () => {
    const compose = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
    const ws = new Workspace(new MemoryHost({ '/ws/.deploylint.yaml': 'exclude:\n  - legacy/\n', '/ws/legacy/docker-compose.yml': compose, '/ws/docker-compose.yml': compose }));
    const linter = new Linter(ws, { error() {}, warn() {}, info() {} } satisfies Logger);
    assert.deepEqual(linter.lint('/ws/legacy/docker-compose.yml', 'compose', DEFAULT_SETTINGS).findings, []);
    assert.ok(linter.lint('/ws/docker-compose.yml', 'compose', DEFAULT_SETTINGS).findings.some((f) => f.rule === 'compose/exposed-datastore-port'));
  });
});
