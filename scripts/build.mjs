// Bundles the client, the server and the CLI with esbuild and prints their sizes.
import * as esbuild from 'esbuild';
import { statSync, chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  sourcemap: !production, minify: production, logLevel: 'warning',
  define: { DEPLOYLINT_VERSION: JSON.stringify(version) },
  // zxcvbn dictionaries are large JSON-ish modules; bundled like any other dependency.
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
chmodSync('dist/cli.js', 0o755);
if (!process.argv.includes('--quiet')) {
  for (const e of entries) {
    const kb = (statSync(e.outfile).size / 1024).toFixed(0).padStart(6);
    process.stderr.write(`${kb} KB  ${e.outfile}\n`);
  }
}
