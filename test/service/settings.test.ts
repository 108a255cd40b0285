import * as assert from 'node:assert/strict';
import { MemoryHost, Workspace } from '../../server/src/engine';
import { DEFAULT_SETTINGS, engineConfig, findTeamConfig, normalizeSettings } from '../../server/src/service/settings';

describe('service: deploylint.* settings', () => {
  it('falls back to defaults for missing or mistyped values', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({ enable: 'yes', rules: { 'a/b': 'off', 'c/d': 'loud' }, secrets: { minPasswordLength: -3, minKeyBytes: 48 }, nginx: { version: '1.25' }, run: 'onSave', workspaceScan: 1 });
    assert.deepEqual(s, { ...DEFAULT_SETTINGS, rules: { 'a/b': 'off' }, secrets: { minPasswordLength: 16, minKeyBytes: 48 }, nginx: { version: '1.25' }, run: 'onSave' });
  });

  it('editor values override .deploylint.yaml, editor defaults do not', () => {
    const ws = new Workspace(new MemoryHost({ '/ws/.deploylint.yaml': 'rules:\n  a/b: info\nsecrets:\n  minPasswordLength: 24\nnginx:\n  version: "1.24"\n' }));
    const team = findTeamConfig(ws, '/ws/sub/dir/.env');
    assert.equal(team.path, '/ws/.deploylint.yaml');
    const cfg = engineConfig(team, normalizeSettings({ rules: { 'c/d': 'off' }, secrets: { minPasswordLength: 16, minKeyBytes: 64 } }));
    assert.deepEqual(cfg, {
      rules: { 'a/b': 'info', 'c/d': 'off' }, secrets: { minPasswordLength: 24, minKeyBytes: 64 }, nginx: { version: '1.24' },
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
});
