/**
 * What CI and pre-commit feel: a fresh `deploylint` process per run, on a small and on a large file,
 * next to `node -e 0` (the floor any Node CLI pays) and to dclint (npm) on the same compose file,
 * all in one run and interleaved so a burst of load on a shared machine hits them alike.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Row } from './engine';
import { composeEnv, composeFile, nginxFile } from './generate';

const ROOT = path.resolve(__dirname, '..');
const DCLINT = path.join(ROOT, 'node_modules', 'dclint', 'bin', 'dclint.cjs');

interface Inputs { dir: string; smallCompose: string; smallNginx: string; compose5k: string; nginx10k: string }

function writeInputs(): Inputs {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-cli-')));
  const file = (rel: string, text: string) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); return path.join(dir, rel); };
  const smallCompose = file('small/docker-compose.yml', 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n');
  const smallNginx = file('site/nginx/site.conf', 'server {\n    listen 80;\n    server_name example.com;\n    location / { proxy_pass http://app:3000; }\n}\n');
  // No YAML aliases: dclint's yaml stops at 100 of them and would lint nothing.
  const big = composeFile(5_000, { aliases: false });
  const compose5k = file('big/docker-compose.yml', big);
  file('big/.env', composeEnv(big));
  file('big/.gitignore', '.env\n');
  const nginx10k = file('nginx10k/nginx/nginx.conf', nginxFile(10_000));
  return { dir, smallCompose, smallNginx, compose5k, nginx10k };
}

/** GNU time gives the CPU time of a child, which a loaded machine moves less than its wall time. */
const TIME = ['/usr/bin/time'].find((f) => fs.existsSync(f));

/** Wall time and CPU time (NaN without GNU time) of one fresh process, in ms. */
function run(args: string[], env?: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const s = process.hrtime.bigint();
  const options = { stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[], encoding: 'utf8' as const, maxBuffer: 1 << 26, env: { ...process.env, ...env } };
  const r = TIME ? spawnSync(TIME, ['-f', '@cpu %U %S', process.execPath, ...args], options) : spawnSync(process.execPath, args, options);
  const wall = Number(process.hrtime.bigint() - s) / 1e6;
  const m = /@cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  const status = TIME ? (m ? /exited with non-zero status (\d+)/.exec(r.stderr)?.[1] ?? '0' : 'crashed') : String(r.status);
  if (!['0', '1'].includes(status)) throw new Error(`node ${args.join(' ')} exited with ${status}: ${r.stderr.slice(-500)}`);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `dist`: the build to measure (the production bundles, as users run them); `compare`: another
 * build's dist folder, measured in the same rounds. Each build's first run fills its compile cache,
 * as a user's first run does; the `no compile cache` row is what every run would cost without it.
 */
export function freshCliRows(dist: string, compare?: string, rounds = 11): Row[] {
  const inputs = writeInputs();
  try {
    const builds = [{ label: '', cli: path.join(dist, 'cli.js') }, ...(compare ? [{ label: ` (${compare})`, cli: path.resolve(compare, 'cli.js') }] : [])];
    const cases: { key: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [{ key: 'node', args: ['-e', '0'] }];
    for (const b of builds) {
      for (const [name, file] of [['small compose', inputs.smallCompose], ['small nginx', inputs.smallNginx], ['compose 5k', inputs.compose5k], ['nginx 10k', inputs.nginx10k]] as const) {
        cases.push({ key: name + b.label, args: [b.cli, file, '--format', 'json'] });
      }
      cases.push({ key: 'small compose, no compile cache' + b.label, args: [b.cli, inputs.smallCompose, '--format', 'json'], env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    }
    const hasDclint = fs.existsSync(DCLINT);
    if (hasDclint) cases.push({ key: 'dclint', args: [DCLINT, inputs.compose5k, '--formatter', 'json'] });
    const times = new Map<string, { wall: number; cpu: number }[]>(cases.map((c) => [c.key, []]));
    // The builds' compile caches go to a temp folder of the bench's own, removed with the inputs.
    fs.mkdirSync(path.join(inputs.dir, 'tmp'));
    for (const c of cases) c.env = { TMPDIR: path.join(inputs.dir, 'tmp'), ...c.env };
    for (const c of cases) run(c.args, c.env); // warm the file and compile caches
    for (let i = 0; i < rounds; i++) for (const c of cases) times.get(c.key)!.push(run(c.args, c.env));
    const t = (k: string) => median(times.get(k)!.map((x) => x.wall));
    const cpu = (k: string) => median(times.get(k)!.map((x) => x.cpu));
    const node = t('node');
    const rows: Row[] = [{ name: 'fresh process: node -e 0', value: node, cpu: cpu('node'), unit: 'ms', note: `median of ${rounds} interleaved rounds` }];
    for (const b of builds) {
      const over = (k: string, name: string, target?: number): Row => ({
        name: `fresh CLI, ${name}, over node -e 0${b.label}`, value: t(k + b.label) - node, cpu: cpu(k + b.label) - cpu('node'), unit: 'ms',
        target: b.label ? undefined : target, note: `${t(k + b.label).toFixed(0)} ms in all`,
      });
      rows.push(
        over('small compose', 'one-service compose', 60),
        over('small compose, no compile cache', 'one-service compose, no compile cache'),
        over('small nginx', '5-line nginx site', 60),
        over('nginx 10k', 'nginx 10,000 lines', 250),
        { name: `fresh CLI, compose 5,000 lines${b.label}`, value: t('compose 5k' + b.label), cpu: cpu('compose 5k' + b.label), unit: 'ms' },
      );
      if (hasDclint) {
        rows.push({
          name: `fresh CLI compose 5,000 lines / dclint${b.label}`, value: t('compose 5k' + b.label) / t('dclint'),
          cpu: cpu('compose 5k' + b.label) / cpu('dclint'), unit: 'x', target: b.label ? undefined : 0.25,
        });
      }
    }
    if (hasDclint) rows.push({ name: 'dclint (npm), compose 5,000 lines', value: t('dclint'), cpu: cpu('dclint'), unit: 'ms', note: 'same file, no YAML aliases (dclint stops at 100)' });
    return rows;
  } finally {
    fs.rmSync(inputs.dir, { recursive: true, force: true });
  }
}
