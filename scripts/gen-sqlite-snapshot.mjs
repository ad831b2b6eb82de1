// npm run gen:sqlite-snapshot: writes src/storage/migrations/sqlite-snapshot.ts, the schema a fresh
// SQLite database is made from, by running every migration in an empty database and reading what
// they made (src/storage/sqlite-snapshot-read.ts, which the staleness test also runs); esbuild
// compiles it to a temporary module that is loaded once, as gen-api.mjs does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// Inside the project (dist/ is ignored by git), so that the module finds the project's packages.
mkdirSync('dist', { recursive: true });
const out = mkdtempSync(join('dist', 'gen-sqlite-snapshot-'));
try {
  await build({
    entryPoints: ['src/storage/sqlite-snapshot-read.ts'],
    outfile: join(out, 'sqlite-snapshot-read.mjs'),
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const { snapshotOfMigrations, snapshotSource } = await import(pathToFileURL(join(process.cwd(), out, 'sqlite-snapshot-read.mjs')).href);
  writeFileSync('src/storage/migrations/sqlite-snapshot.ts', snapshotSource(await snapshotOfMigrations()));
  console.log('wrote src/storage/migrations/sqlite-snapshot.ts');
} finally {
  rmSync(out, { recursive: true, force: true });
}
