import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * code-server (VS Code served to a browser) with the packaged extension installed, in throw-away
 * user-data, extensions and workspace folders. Installed by scripts/install-code-server.sh, outside
 * the repository.
 */
export const ROOT = path.resolve(__dirname, '../../..');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(os.homedir(), '.cache/code-server-e2e');
const BIN = path.join(CODE_SERVER_DIR, 'node_modules/.bin/code-server');

/** What VS Code must not show in front of the editor, and what the screenshots should look like. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'editor.lightbulb.enabled': 'on',
  'window.commandCenter': false,
  'files.autoSave': 'off',
};

export function log(msg: string): void {
  if (process.env.EDITOR_TEST_QUIET !== '1') process.stderr.write(`      [editor] ${msg}\n`);
}

function run(cmd: string, args: string[], timeout: number, cwd = ROOT): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, killSignal: 'SIGKILL', env: { ...process.env, npm_config_loglevel: 'error' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`.slice(0, 6000));
  return r.stdout;
}

export function ensureCodeServer(): string {
  if (!fs.existsSync(BIN)) {
    log(`installing code-server into ${CODE_SERVER_DIR} (scripts/install-code-server.sh)`);
    run('bash', [path.join(ROOT, 'scripts/install-code-server.sh'), CODE_SERVER_DIR], 15 * 60_000);
  }
  return run(BIN, ['--version'], 60_000).split('\n')[0];
}

/** `npm run package`: the production .vsix, exactly what a user installs. */
export function packageVsix(): string {
  run('npm', ['run', '--silent', 'package'], 240_000);
  const vsix = path.join(ROOT, 'deploylint.vsix');
  if (!fs.existsSync(vsix)) throw new Error('npm run package wrote no deploylint.vsix');
  return vsix;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  url: string;
  workspace: string;
  root: string;
  logFile: string;
  /** node processes running the installed dist/server.js (the extension's language server). */
  serverProcesses(): number[];
  stop(): Promise<void>;
}

export async function startCodeServer(opts: { vsix: string; example: string; timeoutMs?: number }): Promise<CodeServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-editor-'));
  const ext = path.join(root, 'extensions');
  const data = path.join(root, 'user-data');
  const workspace = path.join(root, 'insecure-stack');
  fs.cpSync(opts.example, workspace, { recursive: true });
  fs.mkdirSync(path.join(data, 'User'), { recursive: true });
  fs.writeFileSync(path.join(data, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const config = path.join(root, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');

  run(BIN, ['--config', config, '--install-extension', opts.vsix, '--force', '--extensions-dir', ext, '--user-data-dir', data], 180_000);
  const installed = fs.readdirSync(ext).filter((d) => d.startsWith('deploylint.deploylint-'));
  if (installed.length !== 1) throw new Error(`the extension is not installed in ${ext}: ${fs.readdirSync(ext).join(', ')}`);
  const serverJs = path.join(ext, installed[0], 'dist/server.js');

  const port = await freePort();
  const logFile = path.join(root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const proc: ChildProcess = spawn(BIN, [
    '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--extensions-dir', ext, '--user-data-dir', data, workspace,
  ], { cwd: root, detached: true, stdio: ['ignore', out, out], env: { ...process.env, PASSWORD: undefined, VSCODE_PROXY_URI: undefined } });
  fs.closeSync(out);
  let exited = false;
  proc.once('exit', () => { exited = true; });

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`code-server exited:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      killGroup(proc.pid!, 'SIGKILL');
      throw new Error(`code-server did not answer on port ${port}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url, workspace, root, logFile,
    serverProcesses: () => processesRunning(serverJs),
    async stop() {
      if (!exited && proc.pid) {
        killGroup(proc.pid, 'SIGTERM');
        const until = Date.now() + 8000;
        while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        if (!exited) killGroup(proc.pid, 'SIGKILL');
      }
      // The extension host and our language server are children of code-server: none may outlive it.
      for (const pid of processesRunning(serverJs)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { try { process.kill(pid, signal); } catch { /* gone */ } }
}

/** Pids whose command line mentions `needle` (Linux /proc; empty elsewhere). */
export function processesRunning(needle: string): number[] {
  const pids: number[] = [];
  let entries: string[] = [];
  try { entries = fs.readdirSync('/proc'); } catch { return pids; }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
      if (cmd.includes(needle)) pids.push(Number(e));
    } catch { /* exited meanwhile */ }
  }
  return pids;
}
