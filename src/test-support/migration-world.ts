import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { SQLITE_FILE_NAME } from '../storage/database.js';
import { migrations } from '../storage/migrations/index.js';
import { createSqliteDialect } from '../storage/sqlite.js';
import { freshDatabase, type Dialect } from './databases.js';

/** The raw database a migration sees: snake_case, untyped on purpose (as src/storage/migrations are). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen-in-time schemas have no types to name
export type RawDatabase = Kysely<any>;

/**
 * A migration met by the data it must keep, for one describe block: a fresh database
 * of the given kind, brought up to just before `migration`, given rows by `seed` in
 * the old schema, then brought up to date. Tests read and write `db` (the raw,
 * snake_case database); each should make the rows it changes, so that none leans on
 * what another left.
 */
export function migrationWorld(dialect: Dialect, migration: string, seed: (db: RawDatabase) => Promise<void>) {
  let db: RawDatabase | undefined;
  let dispose: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    if (!(migration in migrations)) throw new Error(`no migration is named ${migration}`);
    const fresh = await freshDatabase(dialect);
    dispose = fresh.dispose;
    // A bare pool: none of Waggle's type parsers, as a migration meets the data (and no openStore to make the SQLite folder).
    if (fresh.config.kind === 'sqlite') mkdirSync(fresh.config.dataDir, { recursive: true, mode: 0o700 });
    const dialectOf = fresh.config.kind === 'sqlite' ? createSqliteDialect(join(fresh.config.dataDir, SQLITE_FILE_NAME)) : new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.config.url, max: 2 }) });
    db = new Kysely({ dialect: dialectOf });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < migration));
    const old = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(old.error).toBeUndefined();
    await seed(db);
    const all = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(all.error).toBeUndefined();
  });
  afterAll(async () => {
    await db?.destroy();
    await dispose();
  });
  return {
    get db(): RawDatabase {
      if (!db) throw new Error('the migration world is made in beforeAll: read db inside a test');
      return db;
    },
  };
}
