// esbuild options shared by the shipped bundles (scripts/build.mjs) and the bench, which measures
// the engine as it ships.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export function commonOptions({ production }) {
  return {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: !production, minify: production, logLevel: 'warning',
    define: { DEPLOYLINT_VERSION: JSON.stringify(version) },
    plugins: [separateChunks(), yamlWithoutTraceSwitches()],
  };
}

/**
 * Code that only some runs need is not bundled into the server and the CLI but built as a file of its
 * own beside them (scripts/build.mjs), which the bundle requires from its own folder on first use:
 * the zxcvbn dictionaries (1.6 MB of word lists, required lazily by `engine/secrets/strength.ts`) and
 * the generated compose-spec validator (required by `engine/compose-schema/validate.ts` on the first
 * compose file) and ajv (for a `.deploylint.yaml`). Every byte of a bundle is read at start-up, so
 * what most runs never call is better apart. Only self-contained modules go here: a chunk has its
 * own copy of what it imports.
 */
export const SEPARATE_CHUNKS = [
  { request: './dictionaries', importer: /secrets[\\/]strength\.ts$/, source: 'server/src/engine/secrets/dictionaries.ts', file: 'zxcvbn-dictionaries.js' },
  { request: './validate-compose.generated', importer: /compose-schema[\\/]validate\.ts$/, source: 'server/src/engine/compose-schema/validate-compose.generated.js', file: 'compose-validator.js' },
  // ajv checks a `.deploylint.yaml` against its schema: 120 KB that a run without one never reads.
  { request: 'ajv', importer: /engine[\\/]config-schema\.ts$/, source: 'node_modules/ajv/dist/ajv.js', file: 'ajv.js' },
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function separateChunks() {
  return {
    name: 'separate-chunks',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${SEPARATE_CHUNKS.map((c) => escapeRegExp(c.request)).join('|')})$`) }, (args) => {
        const chunk = SEPARATE_CHUNKS.find((c) => c.request === args.path && c.importer.test(args.importer));
        return chunk ? { path: chunk.file, namespace: 'separate-chunks' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'separate-chunks' }, (args) => ({
        contents: `module.exports = require(require('path').join(__dirname, ${JSON.stringify(args.path)}));`, loader: 'js',
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
