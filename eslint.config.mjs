import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', '*.js', '*.cjs', '*.mjs', 'scripts/', 'web/src/gql/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Type-aware rules on the server code: findings are fixed, not disabled.
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Off: `async` is how sync bodies implement async ports (store, Apollo hooks, worker tasks) and turns throws into rejections.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Types say when a value is there (issue 12): no `x!` in the server code; tests may keep them.
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // Orchestration reads as named steps: no function in src/ over 50 lines (issue 12).
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 50, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/**/*.resolver.ts', 'src/**/*.graphql.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Tool configs and Playwright's and Jest's global setup and teardown must export a default.
    files: [
      'web/vite.config.mts',
      'playwright.config.ts',
      'tests/browser/global-setup.ts',
      'tests/setup/global-setup.ts',
      'tests/setup/global-teardown.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
