import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/not-gitignored';
const ENV = 'DB_PASSWORD=Zt8yQ3mV9pL2xK7wN4rB6cD1\n';

describe('env/not-gitignored', () => {
  it('reports a real env file with secrets that no .gitignore ignores, on the first line', () => {
    const found = lint({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'node_modules/\n', '.env': ENV }, '.env', RULE);
    assertRanges(found, RULE, ['1:1-1:37']);
    assert.match(found[0].message, /^\.env holds secrets \(DB_PASSWORD\) and is not ignored by git/);
    assert.equal(found[0].severity, 'warning');
  });

  it('honours root and nested .gitignore files, negations and .git/info/exclude', () => {
    const base = { '.git/HEAD': 'x' };
    assert.deepEqual(lint({ ...base, '.gitignore': '.env\n', '.env': ENV }, '.env', RULE), []);
    assert.deepEqual(lint({ ...base, '.gitignore': '*.env\n.env*\n', 'app/.env': ENV }, 'app/.env', RULE), []);
    assert.deepEqual(lint({ ...base, 'app/.gitignore': '.env\n', 'app/.env': ENV }, 'app/.env', RULE), []);
    assert.deepEqual(lint({ ...base, '.git/info/exclude': '.env\n', '.env': ENV }, '.env', RULE), []);
    // A deeper negation wins over the root rule, as in git.
    assertRanges(lint({ ...base, '.gitignore': '.env\n', 'app/.gitignore': '!.env\n', 'app/.env': ENV }, 'app/.env', RULE), RULE, ['1:1-1:37']);
    // Above the repository root does not count.
    assertRanges(lint({ '.gitignore': '.env\n', 'repo/.git/HEAD': 'x', 'repo/.env': ENV }, 'repo/.env', RULE), RULE, ['1:1-1:37']);
  });

  it('does not report templates or env files without secrets', () => {
    assert.deepEqual(lint({ '.env.example': 'DB_PASSWORD=changeme\n' }, '.env.example', RULE), []);
    assert.deepEqual(lint({ '.env': 'TZ=Europe/Paris\nDB_PASSWORD=\n' }, '.env', RULE), []);
  });

  it('appends the file name to the nearest .gitignore, keeping its line ending', () => {
    const fixed = checkFix({ '.git/HEAD': 'x', '.gitignore': 'node_modules/\r\ndist/', '.env': ENV }, '.env', RULE, { reparse: reparseEnv });
    assert.equal(fixed['.gitignore'], 'node_modules/\r\ndist/\r\n.env\r\n');
    const nested = checkFix({ '.git/HEAD': 'x', '.gitignore': 'x\n', 'app/.gitignore': 'y\n', 'app/.env.local': ENV }, 'app/.env.local', RULE, { reparse: reparseEnv });
    assert.equal(nested['app/.gitignore'], 'y\n.env.local\n');
  });

  it('creates a .gitignore at the repository root when there is none', () => {
    const fixed = checkFix({ '.git/HEAD': 'x', 'deploy/prod.env': ENV }, 'deploy/prod.env', RULE, { reparse: reparseEnv });
    assert.equal(fixed['.gitignore'], 'deploy/prod.env\n');
    const [f] = lint({ '.git/HEAD': 'x', 'deploy/prod.env': ENV }, 'deploy/prod.env', RULE);
    assert.equal(f.fixes[0].edits[0].create, true);
    assert.equal(f.fixes[0].safe, true);
  });

  it('does not report a sample .env whose secrets are all placeholders; a known default may be the working value and counts', () => {
    const base = { '.git/HEAD': 'x' };
    assert.deepEqual(lint({ ...base, '.env': 'TZ=Etc/UTC\nPIHOLE_PW=changeit\nPGADMIN_PW=your-password-here\n' }, '.env', RULE), []);
    const found = lint({ ...base, '.env': 'PIHOLE_PW=changeit\nJWT_SECRET=secret\n' }, '.env', RULE);
    assertRanges(found, RULE, ['1:1-1:19']);
    assert.match(found[0].message, /holds secrets \(JWT_SECRET\)/);
  });
});
