// `ONLY=test/engine/rules/compose npx mocha` runs one folder or file (a path or glob) instead of the whole suite.
const only = process.env.ONLY;
module.exports = {
  require: ['tsx/cjs'],
  extension: ['ts'],
  spec: only ? only.split(',').map((p) => (/\.ts$|\*/.test(p) ? p : `${p.replace(/\/$/, '')}/**/*.test.ts`)) : ['test/**/*.test.ts'],
  ignore: ['test/integration/**', 'test/editor/**', 'test/corpus/**', 'test/package/**'],
  reporter: 'test/support/reporter.js',
  timeout: 20000,
};
