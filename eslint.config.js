// Lint: strict TypeScript rules, and the layer boundaries checked on every import.
// docs/architecture.md says what each layer may import and why; test/lint-boundaries.test.ts
// proves each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (name) => ({ group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`], message: `this layer must not import from ${name}/` });
/** The server's and the command line's own packages: no layer under them, nor the browser, may load them. */
const frameworks = ['hono', '@hono/*', 'commander'];
const drivers = ['kysely', 'pg', 'better-sqlite3'];
/** Kysely's ways into a query or a transaction: only storage (and the services still over it) call them. */
const queryBuilders = '/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|transaction|with|executeQuery)$/';
/** The same, less `transaction`: a use case spans several writes in one transaction (services/context.ts inTransaction). */
const serviceQueryBuilders = '/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|with|executeQuery)$/';

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
            { group: ['node:*', 'zod', ...drivers, ...frameworks], message: 'the core is pure: no I/O and no framework' },
            layer('contract'),
            layer('codecs'),
            layer('demo'),
            layer('storage'),
            layer('services'),
            layer('server'),
            layer('cli'),
            layer('web'),
          ],
        },
      ],
    },
  },
  {
    // Codecs: file formats read and written, bytes or text in, the core's shapes out (and back). Pure
    // of the database and the edges, so that a worker, the CLI, the server or the browser can use them.
    files: ['src/codecs/**/*.ts'],
    ignores: ['src/codecs/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...drivers, ...frameworks], message: 'a codec reads and writes files: no database driver, no server or command-line framework' },
            { ...layer('storage'), message: 'a codec reads and writes files, not the database: it must not import from storage/ (the service reads storage, then calls the codec)' },
            layer('services'),
            layer('server'),
            layer('cli'),
            layer('web'),
          ],
        },
      ],
    },
  },
  {
    // The demo and the sample-map generators: made-up maps built from the core's shapes, pure.
    files: ['src/demo/**/*.ts'],
    ignores: ['src/demo/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'zod', ...drivers, ...frameworks], message: 'the demo is made-up data from the core: pure, no I/O' }, layer('codecs'), layer('contract'), layer('storage'), layer('services'), layer('server'), layer('cli'), layer('web')] },
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
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', ...drivers, ...frameworks], message: 'the contract is shapes and rules (zod), shared with the browser: no I/O' }, layer('storage'), layer('services'), layer('server'), layer('cli'), layer('web')] },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    ignores: ['src/storage/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: frameworks, message: 'storage knows the databases, not the edges' }, layer('services'), layer('server'), layer('cli'), layer('web')] }] },
  },
  {
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: frameworks, message: 'use cases are the same from every edge: no HTTP, no command line here' }, layer('server'), layer('cli'), layer('web')] }] },
  },
  {
    // Use cases over storage: the queries live in storage/, one module per aggregate. A service
    // may start a transaction (inTransaction) and hand it to storage's functions, never build SQL.
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `CallExpression[callee.property.name=${serviceQueryBuilders}]`, message: 'a service builds no query: put it in storage/ (the module of its aggregate) and call that' },
        { selector: "TaggedTemplateExpression[tag.name='sql'], MemberExpression[object.name='sql']", message: 'a service writes no SQL: put it in storage/ (the module of its aggregate) and call that' },
      ],
    },
  },
  {
    // The HTTP edge: routes validate with the contract and call services; the queries are storage's, reached only through services.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...layer('storage'), message: 'the server reaches the database only through services/: no route imports storage/' }, { group: ['kysely', 'pg', 'better-sqlite3'], message: 'the server reaches the database only through services/' }, layer('cli'), layer('web')] },
      ],
      // The services hand the server a database (ServiceContext.db) to pass on; building a query on it here would bypass storage.
      'no-restricted-syntax': [
        'error',
        { selector: `CallExpression[callee.property.name=${queryBuilders}]`, message: 'the server reaches the database only through services/: no query is built here (storage/ holds the queries)' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('web')] }] },
  },
  {
    // The browser app: its own files, React and friends, and what the server shares with it. The
    // contract is imported for its types only (the schemas stay on the server); the pure core is
    // still imported for its vocabulary, names and graph measures until they move behind the contract.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['web/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'zod', ...drivers, ...frameworks], message: 'the web app runs in the browser: no Node, no drivers, no server frameworks' },
            { group: ['**/src/storage/**', '**/src/services/**', '**/src/server/**', '**/src/cli/**'], message: 'the web app talks to the server over HTTP only: it must not import server code (storage, services, server, cli)' },
            { group: ['**/src/contract/**'], allowTypeImports: true, message: 'the web app imports only the contract’s types (import type …)' },
          ],
        },
      ],
    },
  },
  {
    // React's rules of hooks and the compiler's checks (purity, state set in effects, refs read in
    // render), with exhaustive dependencies an error: a stale closure is a bug users see.
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
