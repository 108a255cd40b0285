// The engine rows of `npm run bench`. `bench/run.ts` bundles this file the way the server and the CLI
// are bundled (scripts/esbuild-options.mjs) and runs it in a process of its own, so the numbers are
// those of the engine as it ships, not of a per-file transpiled development build.
import { parseDocument } from 'yaml';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../server/src/engine';
import { parseNginx } from '../server/src/engine/parse/nginx';
import { parseDotenv } from '../server/src/engine/parse/dotenv';
import { YAML_OPTIONS } from '../server/src/engine/parse/compose-yaml';
import { composeEnv, composeFile, envFile, nginxFile } from './generate';

export interface Row {
  name: string; value: number; unit: string; target?: number; note?: string;
  /** Median CPU time of the process for the same runs: tells a slow engine from a busy machine. */
  cpu?: number;
}

const config = mergeConfig();

/** A rule that throws would make the numbers meaningless (its work is skipped): stop the bench. */
const onRuleError = (rule: string, file: string, error: unknown): never => {
  throw new Error(`rule ${rule} threw on ${file}: ${error instanceof Error ? error.message : String(error)}`);
};

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

/**
 * Lint time of a file read afresh each run: a new document with no earlier version, so nothing of
 * an earlier parse is reused (what the CLI pays per file; typing is the `after an edit` row).
 */
function lintTime(kind: Kind, text: string, runs?: number, warmup?: number): { ms: number; cpu: number; findings: number } {
  const { ws, path: p } = project(kind, text);
  let n = 0;
  let findings = 0;
  const t = timed(() => {
    ws.close(p);
    ws.setOpen(p, text + `# ${n++}\n`);
    findings = lintFile(ws, p, config, { onRuleError }).length;
  }, runs, warmup);
  return { ...t, findings };
}

/**
 * Lint time after one character typed in or deleted from a value of a service (cycling through the services): the
 * open document's previous version is reused where the edit allows (`parse/compose-reparse.ts`).
 */
function editRow(text: string, runs: number, warmup: number): Row {
  const { ws, path: p } = project('compose', text);
  const ends: number[] = [];
  for (let i = text.indexOf('LOG_LEVEL: info'); i >= 0; i = text.indexOf('LOG_LEVEL: info', i + 1)) ends.push(i + 'LOG_LEVEL: info'.length);
  ws.setOpen(p, text);
  lintFile(ws, p, config, { onRuleError });
  let n = 0;
  let findings = 0;
  const t = timed(() => {
    // Type a character into one service, then delete it again; then the next service.
    const at = ends[Math.floor(n / 2) % ends.length];
    ws.setOpen(p, n++ % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text);
    findings = lintFile(ws, p, config, { onRuleError }).length;
  }, runs, warmup);
  const lines = text.split('\n').length - 1;
  return { name: 'lint compose 5,000 lines after an edit', value: t.ms, cpu: t.cpu, unit: 'ms', note: `${lines} lines, ${findings} findings, one character typed in a service` };
}

function lintRow(name: string, kind: Kind, text: string, target?: number, runs?: number, warmup?: number): Row {
  const lines = text.split('\n').length - 1;
  const r = lintTime(kind, text, runs, warmup);
  return { name: `lint ${name}`, value: r.ms, cpu: r.cpu, unit: 'ms', target, note: `${lines} lines, ${r.findings} findings` };
}

export function engineRows(): Row[] {
  const rows: Row[] = [];
  // "After warm-up" (ARCHITECTURE.md, Performance) is after the JIT has compiled the hot paths: a few hundred lints, as an editor session has done within a minute.
  rows.push(lintRow('typical compose (200 lines)', 'compose', composeFile(200), 5, 101, 300));
  rows.push(lintRow('typical nginx (300 lines)', 'nginx', nginxFile(300), 5, 101, 300));
  rows.push(lintRow('typical env (50 lines)', 'env', envFile(50), 5, 101, 300));
  const nginx10k = nginxFile(10_000), compose5k = composeFile(5_000), env2k = envFile(2_000);
  // More runs for the targets: a median over a longer stretch is less moved by a burst of load on a shared machine.
  const nginxLint = lintRow('nginx 10,000 lines', 'nginx', nginx10k, 50, 41, 15);
  const composeLint = lintRow('compose 5,000 lines', 'compose', compose5k, 100, 31, 10);
  const envLint = lintRow('env 2,000 lines', 'env', env2k, undefined, 21, 15);
  rows.push(nginxLint, composeLint, editRow(compose5k, 21, 15), envLint);
  const yamlParse = timed(() => parseDocument(compose5k, YAML_OPTIONS), 21);
  rows.push({ name: 'raw yaml parse, compose 5,000 lines', value: yamlParse.ms, cpu: yamlParse.cpu, unit: 'ms' });
  rows.push({ name: 'compose lint / raw yaml parse (5k)', value: composeLint.value / yamlParse.ms, cpu: composeLint.cpu! / yamlParse.cpu, unit: 'x', target: 2 });
  rows.push({ name: 'nginx lint / nginx parse (10k)', value: nginxLint.value / median(() => parseNginx(nginx10k), 9), unit: 'x' });
  rows.push({ name: 'env lint / env parse (2k)', value: envLint.value / median(() => parseDotenv(env2k), 9), unit: 'x' });
  // Worst case, no target: every service/server misses hardening, so every block has findings with fixes.
  rows.push(lintRow('worst case compose 5,000 lines', 'compose', composeFile(5_000, { findingsEvery: 1 }), undefined, 5));
  rows.push(lintRow('worst case nginx 10,000 lines', 'nginx', nginxFile(10_000, { findingsEvery: 1 }), undefined, 5));
  return rows;
}

if (require.main === module) process.stdout.write(JSON.stringify(engineRows()));
