// `npm run bench`: the performance targets (ARCHITECTURE.md, Performance), measured (not asserted) and printed as a table.
// `npm run bench -- --json` prints the same numbers as JSON for tracking over time.
// `npm run bench -- --engine` measures the engine only (no CLI or server).
// `npm run bench -- --compare DIR` also measures another build's dist folder (say, the previous commit's,
// built into DIR) in the same run: fresh CLI processes and typing, interleaved with this build's.
// `npm run bench -- --cli` measures only the fresh CLI processes and typing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { measureServer } from './server';
import { freshCliRows } from './cli';
import { composeEnv, composeFile, nginxFile } from './generate';
import type { Row } from './engine';

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

function bundleRows(dist: string): Row[] {
  return ['server.js', 'server-main.js', 'cli.js', 'cli-main.js', 'extension.js', 'zxcvbn-dictionaries.js', 'compose-validator.js'].map((f) => path.join(dist, f)).filter((f) => fs.existsSync(f)).map((f) => ({
    name: `bundle ${path.basename(f)}`, value: fs.statSync(f).size / 1024 / 1024, unit: 'MB', target: f.endsWith('server-main.js') ? 1.5 : undefined,
    note: f.includes('zxcvbn') ? 'loaded on first strength estimate' : f.includes('compose-validator') ? 'loaded on the first compose file' : /(cli|server)\.js$/.test(f) ? 'launcher: compile cache, then the bundle' : undefined,
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

/** The engine rows, measured on the engine bundled as it ships (see bench/engine.ts). */
function engineRowsAsShipped(): Row[] {
  // Beside the shipped bundles: the engine loads dist/zxcvbn-dictionaries.js from its own folder.
  const out = path.join('dist', `bench-engine-${process.pid}.js`);
  try {
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--quiet', '--bench', out], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the bench engine bundle failed');
    const r = spawnSync(process.execPath, [out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`the bench engine exited with ${r.status}`);
    return JSON.parse(r.stdout) as Row[];
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** The fresh-process and size rows measure the bundles as they ship: minified, with no source maps. */
function shippedRows(compare: string | undefined, cliOnly: boolean): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-dist-'));
  try {
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--quiet', '--outdir', dir], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the production bundles failed');
    return [...freshCliRows(dir, compare), ...(cliOnly ? [] : bundleRows(dir))];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const engineOnly = process.argv.includes('--engine');
  const cliOnly = process.argv.includes('--cli');
  const at = process.argv.indexOf('--compare');
  const compare = at > 0 ? process.argv[at + 1] : undefined;
  const rows = cliOnly ? [] : engineRowsAsShipped();
  if (!engineOnly) rows.push(...shippedRows(compare, cliOnly), ...(cliOnly ? [] : cliRows()), ...(await measureServer(compare, { heap: !cliOnly })));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, load: os.loadavg(), rows }, null, 2));
    return;
  }
  print(rows);
  console.log(`\nnode ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

if (require.main === module) main().catch((e) => { console.error(e); process.exitCode = 1; });
