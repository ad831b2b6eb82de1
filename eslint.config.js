// Lint: strict TypeScript rules, and the layer boundaries (core ← contract ←
// storage ← services ← server/cli) checked on every import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name) => ({ group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`], message: `this layer must not import from ${name}/` });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'zod', 'kysely', 'pg', 'better-sqlite3', 'hono', '@hono/*', 'commander'], message: 'the core is pure: no I/O and no framework' },
            layer('contract'),
            layer('storage'),
            layer('services'),
            layer('server'),
            layer('cli'),
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen in time and typed Kysely<any> on purpose (Kysely's own advice).
    files: ['src/storage/migrations/**/*.ts', 'src/storage/database.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('storage'), layer('services'), layer('server'), layer('cli')] }] },
  },
  {
    files: ['src/storage/**/*.ts'],
    ignores: ['src/storage/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('services'), layer('server'), layer('cli')] }] },
  },
  {
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('server'), layer('cli')] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('cli')] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
