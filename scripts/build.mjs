// Bundles the client, the server and the CLI with esbuild and prints their sizes.
import * as esbuild from 'esbuild';
import { statSync, chmodSync } from 'node:fs';
import { commonOptions, SEPARATE_CHUNKS } from './esbuild-options.mjs';

const production = process.argv.includes('--production');
const common = commonOptions({ production });

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Both are `bin`s of the npm package (deploylint, deploylint-language-server).
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Loaded by the two above when needed; data and generated code, no source map: never debugged.
  // Minified always: parse time is most of what the generated validator costs a fresh CLI run.
  ...SEPARATE_CHUNKS.map((c) => ({ entryPoints: [c.source], outfile: `dist/${c.file}`, sourcemap: false, minify: true, plugins: [] })),
];

// `--bench <file>`: the bench's engine rows, bundled like the server (used by `npm run bench`).
const bench = process.argv.indexOf('--bench');
if (bench > 0) entries.push({ entryPoints: ['bench/engine.ts'], outfile: process.argv[bench + 1] });

await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(bin, 0o755);
if (!process.argv.includes('--quiet')) {
  for (const e of entries) {
    const kb = (statSync(e.outfile).size / 1024).toFixed(0).padStart(6);
    process.stderr.write(`${kb} KB  ${e.outfile}\n`);
  }
}
