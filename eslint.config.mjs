// ESLint (flat config) with typescript-eslint: rules about meaning; layout is Prettier's
// (.prettierrc.json). `npm run lint`, `npm run format:check`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Node's globals, for the few plain .js/.mjs files (TypeScript checks its own files' names). */
const nodeGlobals = { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', Buffer: 'readonly' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'dashboard/dist/',
      'docs/dist/',
      'lib/db/generated/',
      '**/__generated__/',
      'dashboard/src/gql/',
      '.data/',
      'tests/browser/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (a rest sibling left out, a handler's fixed arity).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A `let` read by a closure before its one assignment (a server's stop hook), or destructured beside a reassigned one, stays `let`.
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The CLI loads each command's code only when that command runs (the edge target stays small);
    // a module's declarations load its implementation only when plugged in (the gateway and
    // `farmiq broker-files` read the declarations of every module).
    files: ['bin/farmiq.ts', 'subgraphs/*/module.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and benchmarks read loosely typed JSON answers.
    files: ['tests/**', '**/__tests__/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The invisible-character class lists combining marks on purpose (UTS #39 skeletons).
    files: ['lib/text/confusables.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
  {
    files: ['dashboard/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
