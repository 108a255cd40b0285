// Bundles the client, the server and the CLI with esbuild and prints their sizes.
import * as esbuild from 'esbuild';
import { statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { commonOptions, SEPARATE_CHUNKS } from './esbuild-options.mjs';

const production = process.argv.includes('--production');
const common = commonOptions({ production });

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The `bin`s of the npm package (deploylint, deploylint-language-server) are launchers that turn
  // the compile cache on before they load the bundle beside them (server/src/launch/).
  { entryPoints: ['server/src/launch/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, sourcemap: false },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js' },
  { entryPoints: ['server/src/launch/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, sourcemap: false },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // Loaded by the two above when needed; data and generated code, no source map: never debugged.
  // Minified always: parse time is most of what the generated validator costs a fresh CLI run.
  ...SEPARATE_CHUNKS.map((c) => ({ entryPoints: [c.source], outfile: `dist/${c.file}`, sourcemap: false, minify: true, plugins: [] })),
];

// `--bench <file>`: the bench's engine rows, bundled like the server (used by `npm run bench`).
const bench = process.argv.indexOf('--bench');
if (bench > 0) entries.push({ entryPoints: ['bench/engine.ts'], outfile: process.argv[bench + 1] });

// `--outdir <dir>`: the bundles go there instead of dist/ (the bench measures the production build).
const outdirAt = process.argv.indexOf('--outdir');
if (outdirAt > 0) {
  for (const e of entries) if (e.outfile.startsWith('dist/')) e.outfile = join(process.argv[outdirAt + 1], e.outfile.slice('dist/'.length));
}

await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
for (const e of entries) if (/[\\/](cli|server)\.js$/.test(e.outfile)) chmodSync(e.outfile, 0o755);
if (!process.argv.includes('--quiet')) {
  for (const e of entries) {
    const kb = (statSync(e.outfile).size / 1024).toFixed(0).padStart(6);
    process.stderr.write(`${kb} KB  ${e.outfile}\n`);
  }
}
