// npm run gen:sqlite-snapshot: writes src/storage/migrations/sqlite-snapshot.ts, the schema a fresh
// SQLite database is made from, by running every migration in an empty database and reading what
// they made (src/storage/sqlite-snapshot-read.ts, which the staleness test also runs).
import { writeFileSync } from 'node:fs';
import { withTsModule } from './ts-module.mjs';

await withTsModule('src/storage/sqlite-snapshot-read.ts', async ({ snapshotOfMigrations, snapshotSource }) => {
  writeFileSync('src/storage/migrations/sqlite-snapshot.ts', snapshotSource(await snapshotOfMigrations()));
});
console.log('wrote src/storage/migrations/sqlite-snapshot.ts');
