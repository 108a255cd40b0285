import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

/**
 * action.yml (ARCHITECTURE.md, CLI), run step by step as the runner runs a composite action: each `run:` in
 * `bash --noprofile --norc -eo pipefail`, `${{ }}` expressions resolved into the step's env and
 * working directory, GITHUB_WORKSPACE / RUNNER_TEMP / GITHUB_OUTPUT set, step outputs read back.
 */
const ROOT = path.resolve(__dirname, '../..');

interface Step { id: string; shell: string; run: string; env?: Record<string, string>; 'working-directory'?: string }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

function runAction(workspace: string, inputs: Record<string, string>, actionPath = ROOT) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-runner-'));
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) values[k] = inputs[k] ?? String(v.default ?? '');
  const steps: Record<string, Record<string, string>> = {};
  const expr = (s: string) => s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
    let m;
    if ((m = /^inputs\.([\w-]+)$/.exec(e))) return values[m[1]] ?? '';
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return steps[m[1]]?.[m[2]] ?? '';
    if (e === 'github.action_path') return actionPath;
    if (e === 'github.workspace') return workspace;
    throw new Error(`expression the test runner does not know: ${e}`);
  });
  const log: string[] = [];
  let failed: { id: string; status: number | null } | undefined;
  for (const step of action.runs.steps) {
    const output = path.join(temp, `output-${step.id}`);
    fs.writeFileSync(output, '');
    const script = path.join(temp, `${step.id}.sh`);
    fs.writeFileSync(script, step.run);
    const env: Record<string, string> = { ...process.env as Record<string, string>, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, GITHUB_ACTIONS: 'true', CI: 'true' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(v);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: step['working-directory'] ? expr(step['working-directory']) : workspace, env, encoding: 'utf8', timeout: 120000 });
    log.push(r.stdout, r.stderr);
    steps[step.id] = Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (r.status !== 0) { failed = { id: step.id, status: r.status }; break; }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expr(v.value)]));
  return { failed, outputs, log: log.join('') };
}

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-ws-'));
  fs.mkdirSync(path.join(dir, 'deploy'));
  fs.writeFileSync(path.join(dir, 'deploy/docker-compose.yml'), 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n');
  fs.writeFileSync(path.join(dir, 'README.md'), 'hello\n');
  return dir;
}

describe('GitHub Action (action.yml)', function () {
  this.timeout(240000);

  it('is a composite action whose scripts take inputs only through env', () => {
    assert.equal(action.runs.using, 'composite');
    for (const s of action.runs.steps) {
      assert.equal(s.shell, 'bash');
      assert.doesNotMatch(s.run, /\$\{\{/, `step ${s.id} pastes an expression into its script`);
    }
  });

  it('lints the path, writes SARIF for upload-sarif, and fails on the chosen severity', () => {
    const ws = workspace();
    const r = runAction(ws, { path: 'deploy' });
    assert.deepEqual(r.failed, { id: 'lint', status: 1 }, r.log);
    assert.deepEqual(r.outputs, { 'sarif-file': 'deploylint.sarif', 'exit-code': '1' });
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'deploylint.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const port = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'compose/exposed-datastore-port');
    assert.equal(port.locations[0].physicalLocation.artifactLocation.uri, 'deploy/docker-compose.yml');
    assert.match(r.log, /deploy\/docker-compose\.yml:5:9: error \[compose\/exposed-datastore-port\]/);
    assert.match(r.log, /::error::deploylint found problems at or above warning/);
  });

  it('passes with fail-on: never (SARIF only) and passes extra args through', () => {
    const ws = workspace();
    const r = runAction(ws, { path: 'deploy', 'fail-on': 'never', 'sarif-file': 'out/report.sarif' });
    assert.equal(r.failed, undefined, r.log);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(JSON.parse(fs.readFileSync(path.join(ws, 'out/report.sarif'), 'utf8')).version, '2.1.0');
    const clean = runAction(ws, { path: 'deploy', args: '--exclude deploy/' });
    assert.equal(clean.failed, undefined, clean.log);
    assert.equal(clean.outputs['exit-code'], '0');
    assert.equal(runAction(ws, { 'fail-on': 'sometimes' }).failed?.status, 2);
  });

  it('without a build beside it, installs the npm package (here the packed tarball, offline) and runs it', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-pack-'));
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', temp], { cwd: ROOT, encoding: 'utf8', timeout: 200000 });
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = path.join(temp, JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0].filename);
    // The action as a checkout without dist/, like a tag of this repository.
    const bare = path.join(temp, 'action');
    fs.mkdirSync(bare);
    for (const f of ['action.yml', 'package.json']) fs.copyFileSync(path.join(ROOT, f), path.join(bare, f));
    const ws = workspace();
    const r = runAction(ws, { path: 'deploy', package: tarball }, bare);
    assert.deepEqual(r.failed, { id: 'lint', status: 1 }, r.log);
    assert.ok(fs.existsSync(path.join(ws, 'deploylint.sarif')));
  });
});
