import * as assert from 'node:assert/strict';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../../../../server/src/engine';

const RULE = 'env/file-permissions';

function lintWithMode(name: string, text: string, mode: number) {
  const host = new MemoryHost().set(`/ws/${name}`, text, mode);
  return lintFile(new Workspace(host), `/ws/${name}`, mergeConfig()).filter((f) => f.rule === RULE);
}

describe('env/file-permissions', function () {
  if (process.platform === 'win32') this.pending = true;
  const ENV = 'DB_PASSWORD=Zt8yQ3mV9pL2xK7wN4rB6cD1\n';

  it('reports an env file with secrets readable by group or others, with a chmod 600 command action', () => {
    const [f, ...rest] = lintWithMode('.env', ENV, 0o644);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 36 } });
    assert.match(f.message, /^\.env holds secrets and has mode 644/);
    assert.deepEqual(f.fixes, [{
      title: 'Restrict permissions (chmod 600)', safe: false, edits: [],
      command: { command: 'deploylint.chmod600', title: 'Restrict permissions (chmod 600)', arguments: ['/ws/.env'] },
    }]);
  });

  it('does not report mode 600 or 400, templates, or files without secrets', () => {
    assert.deepEqual(lintWithMode('.env', ENV, 0o600), []);
    assert.deepEqual(lintWithMode('.env', ENV, 0o400), []);
    assert.deepEqual(lintWithMode('.env.example', ENV, 0o644), []);
    assert.deepEqual(lintWithMode('.env', 'TZ=UTC\n', 0o644), []);
  });

  it('is cleared by what the command does (mode 600)', () => {
    assert.equal(lintWithMode('.env', ENV, 0o640).length, 1);
    assert.equal(lintWithMode('.env', ENV, 0o640 & 0o600).length, 0);
  });
});
