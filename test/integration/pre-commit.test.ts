import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * .pre-commit-hooks.yaml (ARCHITECTURE.md, CLI): `pre-commit try-repo` of this repository on a temporary git
 * repository runs the `deploylint` hook on the staged deployment files. The built CLI is put on
 * PATH as an install would, so the test needs no network.
 */
const ROOT = path.resolve(__dirname, '../..');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(180000);
  let repo: string;
  let env: NodeJS.ProcessEnv;

  before(function () {
    if (!hasPreCommit) { console.log('    (skipped: pre-commit is not installed; apt-get install pre-commit)'); this.skip(); }
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-precommit-'));
    const bin = path.join(temp, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(path.join(ROOT, 'dist/cli.js'), path.join(bin, 'deploylint'));
    env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PRE_COMMIT_HOME: path.join(temp, 'cache'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    repo = path.join(temp, 'repo');
    fs.mkdirSync(repo);
    const git = (...args: string[]) => assert.equal(spawnSync('git', args, { cwd: repo, env }).status, 0, `git ${args.join(' ')}`);
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'docker-compose.yml'), 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n');
    fs.writeFileSync(path.join(repo, 'notes.md'), 'not a deployment file\n');
    git('add', '.');
  });

  const tryRepo = () => spawnSync('pre-commit', ['try-repo', ROOT, 'deploylint', '--all-files'], { cwd: repo, env, encoding: 'utf8', timeout: 150000 });

  it('fails on a staged compose file that publishes a database port, and names the finding', () => {
    const r = tryRepo();
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /docker-compose\.yml:5:9: error \[compose\/exposed-datastore-port\]/);
    assert.doesNotMatch(r.stdout, /notes\.md/);
  });

  it('passes once the compose file is clean', () => {
    fs.writeFileSync(path.join(repo, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n');
    spawnSync('git', ['add', '.'], { cwd: repo, env });
    const r = tryRepo();
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /deploylint\.+Passed/);
  });
});
