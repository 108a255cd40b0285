// esbuild options shared by the shipped bundles (scripts/build.mjs) and the bench, which measures
// the engine as it ships.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export function commonOptions({ production }) {
  return {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: !production, minify: production, logLevel: 'warning',
    define: { DEPLOYLINT_VERSION: JSON.stringify(version) },
    plugins: [separateDictionaries(), yamlWithoutTraceSwitches()],
  };
}

/**
 * The zxcvbn dictionaries (1.6 MB of word lists) are not bundled into the server and the CLI:
 * `engine/secrets/strength.ts` requires `./dictionaries` lazily, and in a bundle that require
 * loads dist/zxcvbn-dictionaries.js (built below) from the bundle's own folder.
 */
export function separateDictionaries() {
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

/**
 * `yaml`'s parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` (its own debug
 * tracing) once per token. A `process.env` read is a call into the C++ environment (~0.2 µs), which
 * is a quarter of the parse time of a large compose file. Tracing yaml's tokens is not a feature of
 * ours, so the bundles read the switches as off.
 */
export function yamlWithoutTraceSwitches() {
  const files = /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/;
  return {
    name: 'yaml-without-trace-switches',
    setup(build) {
      build.onLoad({ filter: files }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const patched = text.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'false');
        if (patched === text) {
          return { contents: text, loader: 'js', warnings: [{ text: 'yaml no longer reads LOG_TOKENS/LOG_STREAM: drop this plugin' }] };
        }
        return { contents: patched, loader: 'js' };
      });
    },
  };
}
