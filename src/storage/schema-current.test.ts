import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import { MigrationFailedError, openStore, schemaIsCurrent, type DatabaseConfig } from './database.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

const NEWEST = Object.keys(migrations).sort().at(-1) as string;

const recorded = async (db: Kysely<Database>) => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.withoutPlugins())).rows.map((r) => r.name);

/** Opens the store, hands its database to `work`, and closes it again. */
async function withStore<T>(config: DatabaseConfig, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await work(store.db);
  } finally {
    await store.close();
  }
}

/*
 * openStore skips kysely's Migrator when the database has run exactly the migrations this build
 * knows (a command line's start, every time); anything else must still be migrated or refused.
 */
describe.each(DIALECTS)('the schema found current, %s', (dialect) => {
  it('is current once openStore has migrated a fresh database: every known migration recorded', async () => {
    const fresh = await freshDatabase(dialect);
    try {
      await withStore(fresh.config, async (db) => {
        expect(await recorded(db)).toEqual(Object.keys(migrations).sort());
        expect(await schemaIsCurrent(db)).toBe(true);
      });
    } finally {
      await fresh.dispose();
    }
  });

  it('is not current one migration behind, and openStore runs that migration again', async () => {
    const fresh = await freshDatabase(dialect);
    try {
      await withStore(fresh.config, async (db) => {
        // Undo the newest migration as an older build's database would lack it.
        const raw = db.withoutPlugins() as Kysely<unknown>;
        await migrations[NEWEST]?.down?.(raw);
        await sql`delete from kysely_migration where name = ${NEWEST}`.execute(raw);
        expect(await schemaIsCurrent(db)).toBe(false);
      });
      await withStore(fresh.config, async (db) => {
        expect(await recorded(db)).toContain(NEWEST);
        expect(await schemaIsCurrent(db)).toBe(true);
      });
    } finally {
      await fresh.dispose();
    }
  });

  it('is not current with a migration this build does not know (a newer build ran it), and openStore refuses it as before', async () => {
    const fresh = await freshDatabase(dialect);
    try {
      const future = '9999-01-01T0000-from-a-newer-build';
      await withStore(fresh.config, async (db) => {
        await sql`insert into kysely_migration (name, timestamp) values (${future}, ${new Date().toISOString()})`.execute(db.withoutPlugins());
        expect(await schemaIsCurrent(db)).toBe(false);
      });
      await expect(openStore(fresh.config)).rejects.toBeInstanceOf(MigrationFailedError);
    } finally {
      await fresh.dispose();
    }
  });

  it('is not current with a known migration missing from the middle, and openStore refuses the gap as before', async () => {
    const fresh = await freshDatabase(dialect);
    try {
      const middle = Object.keys(migrations).sort()[3] as string;
      await withStore(fresh.config, async (db) => {
        await sql`delete from kysely_migration where name = ${middle}`.execute(db.withoutPlugins());
        expect(await schemaIsCurrent(db)).toBe(false);
      });
      await expect(openStore(fresh.config)).rejects.toBeInstanceOf(MigrationFailedError);
    } finally {
      await fresh.dispose();
    }
  });
});
