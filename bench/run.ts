// `npm run bench`: the SPEC §9 performance targets, measured (not asserted) and printed as a table.
// `npm run bench -- --json` prints the same numbers as JSON for tracking over time.
// `npm run bench -- --engine` measures the engine only (no build, CLI or server).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseDocument, LineCounter } from 'yaml';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../server/src/engine';
import { parseNginx } from '../server/src/engine/parse/nginx';
import { parseDotenv } from '../server/src/engine/parse/dotenv';
import { composeEnv, composeFile, envFile, nginxFile } from './generate';
import { measureServer } from './server';

export interface Row {
  name: string; value: number; unit: string; target?: number; note?: string;
  /** Median CPU time of the process for the same runs: tells a slow engine from a busy machine. */
  cpu?: number;
}

const config = mergeConfig();

/** Median wall time of `runs` timings after `warmup` untimed runs, in ms (and the median CPU time). */
function timed(fn: () => void, runs = 21, warmup = 10): { ms: number; cpu: number } {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [], c: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
    const cpu = process.cpuUsage(cpu0);
    c.push((cpu.user + cpu.system) / 1e3);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: mid(t), cpu: mid(c) };
}

function median(fn: () => void, runs?: number, warmup?: number): number { return timed(fn, runs, warmup).ms; }

type Kind = 'compose' | 'nginx' | 'env';
const NAMES: Record<Kind, string> = { compose: 'docker-compose.yml', nginx: 'nginx.conf', env: '.env' };

/**
 * A project folder as users have it: the compose file has the `.env` it interpolates, `.env` is
 * git-ignored and private. The linted file is an open document, so nothing else is re-read.
 */
function project(kind: Kind, text: string): { ws: Workspace; path: string } {
  const host = new MemoryHost({ '/b/.gitignore': '.env\n' });
  if (kind === 'compose') host.set('/b/.env', composeEnv(text), 0o600);
  const ws = new Workspace(host);
  const p = `/b/${NAMES[kind]}`;
  host.set(p, text, 0o600);
  return { ws, path: p };
}

/** Lint time of a new version of the document each run (what a keystroke costs: no parse is reused). */
function lintTime(kind: Kind, text: string, runs?: number, warmup?: number): { ms: number; cpu: number; findings: number } {
  const { ws, path: p } = project(kind, text);
  let n = 0;
  let findings = 0;
  const t = timed(() => {
    ws.setOpen(p, text + `# ${n++}\n`);
    findings = lintFile(ws, p, config).length;
  }, runs, warmup);
  return { ...t, findings };
}

function lintRow(name: string, kind: Kind, text: string, target?: number, runs?: number, warmup?: number): Row {
  const lines = text.split('\n').length - 1;
  const r = lintTime(kind, text, runs, warmup);
  return { name: `lint ${name}`, value: r.ms, cpu: r.cpu, unit: 'ms', target, note: `${lines} lines, ${r.findings} findings` };
}

export function engineRows(): Row[] {
  const rows: Row[] = [];
  // "After warm-up" (SPEC §9) is after the JIT has compiled the hot paths: a few hundred lints, as an editor session has done within a minute.
  rows.push(lintRow('typical compose (200 lines)', 'compose', composeFile(200), 5, 101, 300));
  rows.push(lintRow('typical nginx (300 lines)', 'nginx', nginxFile(300), 5, 101, 300));
  rows.push(lintRow('typical env (50 lines)', 'env', envFile(50), 5, 101, 300));
  const nginx10k = nginxFile(10_000), compose5k = composeFile(5_000), env2k = envFile(2_000);
  const nginxLint = lintRow('nginx 10,000 lines', 'nginx', nginx10k, 50, 21, 15);
  const composeLint = lintRow('compose 5,000 lines', 'compose', compose5k, 100, 15, 10);
  const envLint = lintRow('env 2,000 lines', 'env', env2k, undefined, 21, 15);
  rows.push(nginxLint, composeLint, envLint);
  const yamlParse = timed(() => parseDocument(compose5k, { lineCounter: new LineCounter() }), 9);
  rows.push({ name: 'raw yaml parse, compose 5,000 lines', value: yamlParse.ms, cpu: yamlParse.cpu, unit: 'ms' });
  rows.push({ name: 'compose lint / raw yaml parse (5k)', value: composeLint.value / yamlParse.ms, cpu: composeLint.cpu! / yamlParse.cpu, unit: 'x', target: 2 });
  rows.push({ name: 'nginx lint / nginx parse (10k)', value: nginxLint.value / median(() => parseNginx(nginx10k), 9), unit: 'x' });
  rows.push({ name: 'env lint / env parse (2k)', value: envLint.value / median(() => parseDotenv(env2k), 9), unit: 'x' });
  // Worst case, no target: every service/server misses hardening, so every block has findings with fixes.
  rows.push(lintRow('worst case compose 5,000 lines', 'compose', composeFile(5_000, { findingsEvery: 1 }), undefined, 5));
  rows.push(lintRow('worst case nginx 10,000 lines', 'nginx', nginxFile(10_000, { findingsEvery: 1 }), undefined, 5));
  return rows;
}

function cliRows(): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-'));
  let count = 0;
  for (let i = 0; count < 1000; i++) {
    const d = path.join(dir, `p${i}`);
    fs.mkdirSync(path.join(d, 'nginx'), { recursive: true });
    const compose = composeFile(60 + (i % 5) * 20);
    fs.writeFileSync(path.join(d, 'docker-compose.yml'), compose);
    fs.writeFileSync(path.join(d, '.env'), composeEnv(compose), { mode: 0o600 });
    fs.writeFileSync(path.join(d, 'nginx', 'site.conf'), nginxFile(80 + (i % 4) * 30));
    fs.writeFileSync(path.join(d, '.gitignore'), '.env\n');
    count += 3;
  }
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const s = Date.now();
    const r = spawnSync(process.execPath, ['dist/cli.js', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Date.now() - s);
    try { findings = (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length; } catch { findings = -1; }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return [{ name: `CLI wall time, ${count.toLocaleString('en')} files`, value: times[1], unit: 'ms', note: `compose + .env + nginx per folder, ${findings} findings` }];
}

function bundleRows(): Row[] {
  return ['dist/server.js', 'dist/cli.js', 'dist/extension.js', 'dist/zxcvbn-dictionaries.js'].filter((f) => fs.existsSync(f)).map((f) => ({
    name: `bundle ${f}`, value: fs.statSync(f).size / 1024 / 1024, unit: 'MB', target: f === 'dist/server.js' ? 1.5 : undefined,
    note: f.includes('zxcvbn') ? 'loaded on first strength estimate' : undefined,
  }));
}

function print(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  const num = (x: number, unit: string) => `${x.toFixed(x < 10 ? 2 : 1)} ${unit}`;
  console.log(`${'measure'.padEnd(w)}  ${'median'.padStart(10)}  ${'cpu'.padStart(10)}  ${'target'.padStart(10)}  ok`);
  for (const r of rows) {
    const t = r.target === undefined ? '' : `< ${r.target} ${r.unit}`;
    const ok = r.target === undefined ? '  ' : r.value < r.target ? 'yes' : 'NO';
    const cpu = r.cpu === undefined ? '' : num(r.cpu, r.unit);
    console.log(`${r.name.padEnd(w)}  ${num(r.value, r.unit).padStart(10)}  ${cpu.padStart(10)}  ${t.padStart(10)}  ${ok.padEnd(3)}${r.note ? `  ${r.note}` : ''}`);
  }
}

async function main(): Promise<void> {
  const engineOnly = process.argv.includes('--engine');
  if (!engineOnly) spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--quiet'], { stdio: 'inherit' });
  const rows = [...engineRows(), ...(engineOnly ? [] : [...cliRows(), ...(await measureServer()), ...bundleRows()])];
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, load: os.loadavg(), rows }, null, 2));
    return;
  }
  print(rows);
  console.log(`\nnode ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

if (require.main === module) main().catch((e) => { console.error(e); process.exitCode = 1; });
