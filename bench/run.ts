// `npm run bench`: the SPEC §9 performance targets, measured (not asserted) and printed as a table.
// `npm run bench -- --json` prints the same numbers as JSON for tracking over time.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseDocument, LineCounter } from 'yaml';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../server/src/engine';
import { parseNginx } from '../server/src/engine/parse/nginx';
import { parseDotenv } from '../server/src/engine/parse/dotenv';
import { composeFile, envFile, nginxFile } from './generate';
import { measureServer } from './server';

export interface Row { name: string; value: number; unit: string; target?: number; note?: string }

const config = mergeConfig();

/** Median of `runs` timings after `warmup` untimed runs, in ms. */
function median(fn: () => void, runs = 15, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

/** Lint time of a fresh text each run (no cache hit across runs: a new document each time). */
function lintTime(name: string, text: string, runs?: number): number {
  let n = 0;
  return median(() => {
    const ws = new Workspace(new MemoryHost({ [`/b/${name}`]: text }));
    ws.setOpen(`/b/${name}`, text + `# ${n++}\n`);
    lintFile(ws, `/b/${name}`, config);
  }, runs);
}

export function engineRows(): Row[] {
  const rows: Row[] = [];
  const compose200 = composeFile(200), nginx300 = nginxFile(300), env50 = envFile(50);
  rows.push({ name: 'lint typical compose (200 lines)', value: lintTime('docker-compose.yml', compose200), unit: 'ms', target: 5 });
  rows.push({ name: 'lint typical nginx (300 lines)', value: lintTime('nginx.conf', nginx300), unit: 'ms', target: 5 });
  rows.push({ name: 'lint typical env (50 lines)', value: lintTime('.env', env50), unit: 'ms', target: 5 });
  const nginx10k = nginxFile(10_000), compose5k = composeFile(5_000), env2k = envFile(2_000);
  rows.push({ name: 'lint nginx 10,000 lines', value: lintTime('nginx.conf', nginx10k, 7), unit: 'ms', target: 50 });
  rows.push({ name: 'lint compose 5,000 lines', value: lintTime('docker-compose.yml', compose5k, 7), unit: 'ms', target: 100 });
  rows.push({ name: 'lint env 2,000 lines', value: lintTime('.env', env2k, 7), unit: 'ms' });
  const yamlParse = median(() => parseDocument(compose5k, { lineCounter: new LineCounter() }), 7);
  const composeLint = rows[4].value;
  rows.push({ name: 'raw yaml parse, compose 5,000 lines', value: yamlParse, unit: 'ms' });
  rows.push({ name: 'compose lint / raw yaml parse', value: composeLint / yamlParse, unit: 'x', target: 2 });
  rows.push({ name: 'nginx lint / nginx parse (10k)', value: rows[3].value / median(() => parseNginx(nginx10k), 7), unit: 'x' });
  rows.push({ name: 'env lint / env parse (2k)', value: rows[5].value / median(() => parseDotenv(env2k), 7), unit: 'x' });
  return rows;
}

function cliRows(): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-'));
  for (let i = 0; i < 1000; i++) {
    const d = path.join(dir, `p${Math.floor(i / 3)}`);
    fs.mkdirSync(path.join(d, 'nginx'), { recursive: true });
    if (i % 3 === 0) fs.writeFileSync(path.join(d, 'docker-compose.yml'), composeFile(60));
    if (i % 3 === 1) fs.writeFileSync(path.join(d, 'nginx', 'site.conf'), nginxFile(80));
    if (i % 3 === 2) fs.writeFileSync(path.join(d, '.env'), envFile(20));
  }
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = Date.now();
    spawnSync(process.execPath, ['dist/cli.js', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Date.now() - s);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return [{ name: 'CLI wall time, 1,000 files', value: times[1], unit: 'ms' }];
}

function bundleRows(): Row[] {
  return ['dist/server.js', 'dist/cli.js', 'dist/extension.js'].filter((f) => fs.existsSync(f)).map((f) => ({
    name: `bundle ${f}`, value: fs.statSync(f).size / 1024 / 1024, unit: 'MB', target: f === 'dist/server.js' ? 1.5 : undefined,
  }));
}

async function main(): Promise<void> {
  spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--quiet'], { stdio: 'inherit' });
  const rows = [...engineRows(), ...cliRows(), ...(await measureServer()), ...bundleRows()];
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, rows }, null, 2));
    return;
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'measure'.padEnd(w)}  ${'value'.padStart(10)}  ${'target'.padStart(10)}  ok`);
  for (const r of rows) {
    const v = r.value.toFixed(r.value < 10 ? 2 : 1) + ' ' + r.unit;
    const t = r.target === undefined ? '' : `< ${r.target} ${r.unit}`;
    const ok = r.target === undefined ? '' : r.value < r.target ? 'yes' : 'NO';
    console.log(`${r.name.padEnd(w)}  ${v.padStart(10)}  ${t.padStart(10)}  ${ok}${r.note ? `  (${r.note})` : ''}`);
  }
}

if (require.main === module) main().catch((e) => { console.error(e); process.exitCode = 1; });
