// Bundles the client, the server and the CLI with esbuild and prints their sizes.
import * as esbuild from 'esbuild';
import { statSync, chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  sourcemap: !production, minify: production, logLevel: 'warning',
  define: { DEPLOYLINT_VERSION: JSON.stringify(version) },
  plugins: [separateDictionaries()],
};

/**
 * The zxcvbn dictionaries (1.6 MB of word lists) are not bundled into the server and the CLI:
 * `engine/secrets/strength.ts` requires `./dictionaries` lazily, and in a bundle that require
 * loads dist/zxcvbn-dictionaries.js (built below) from the bundle's own folder.
 */
function separateDictionaries() {
  return {
    name: 'separate-dictionaries',
    setup(build) {
      build.onResolve({ filter: /^\.\/dictionaries$/ }, (args) => (/secrets[\\/]strength\.ts$/.test(args.importer)
        ? { path: 'zxcvbn-dictionaries', namespace: 'separate-dictionaries' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'separate-dictionaries' }, () => ({
        contents: "module.exports = require(require('path').join(__dirname, 'zxcvbn-dictionaries.js'));", loader: 'js',
      }));
    },
  };
}

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Data only, no source map: loaded by the two above, never debugged.
  { entryPoints: ['server/src/engine/secrets/dictionaries.ts'], outfile: 'dist/zxcvbn-dictionaries.js', sourcemap: false, plugins: [] },
];

await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
chmodSync('dist/cli.js', 0o755);
if (!process.argv.includes('--quiet')) {
  for (const e of entries) {
    const kb = (statSync(e.outfile).size / 1024).toFixed(0).padStart(6);
    process.stderr.write(`${kb} KB  ${e.outfile}\n`);
  }
}
