// ESLint (flat config): typescript-eslint's type-checked recommended rules over every TypeScript project.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/*.generated.js', 'out/**', '.vscode-test/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests and the bench read JSON the CLI, the server and the editor print: `JSON.parse` gives `any`,
    // and the assertions are what check its shape. Typing every such read would add casts, not safety.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Messages of failed assertions print whatever they are given; mocha hooks may be async without awaiting.
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The YAML and JSON values given to String() are scalars (string, number, boolean) by the time they are
    // converted; the type says `unknown` because the parser's tree does.
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // CommonJS files (mocha's reporter) load with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
