import { sql, type Kysely } from 'kysely';
import { SQLITE_SNAPSHOT } from './migrations/sqlite-snapshot.js';

/**
 * Makes an empty SQLite database's schema from the snapshot (migrations/sqlite-snapshot.ts,
 * generated from the migrations and checked against them by a test), in one transaction,
 * and records every migration as run. A first start, a first import, every test's fresh
 * database: replaying the twenty migrations one transaction each cost 0.12-0.22 s of a
 * 30,000-row import's first run (issue 15), and most of it was their commits and their
 * tables made, altered and made again. Only an empty database is made this way, checked
 * inside the transaction (another process may have begun meanwhile): anything else is left
 * to the Migrator, step by step, and false is returned. A crash part way leaves the
 * database empty, as before the start.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the raw schema, as the migrations see it
export async function createdFromSnapshot(db: Kysely<any>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const held = await sql<{ count: number }>`select count(*) as count from sqlite_master`.execute(trx);
    if (Number(held.rows[0]?.count ?? 0) > 0) return false;
    for (const statement of SQLITE_SNAPSHOT.statements) await sql.raw(statement).execute(trx);
    // As kysely's Migrator records a migration: its name and the time it ran.
    const timestamp = new Date().toISOString();
    for (const name of SQLITE_SNAPSHOT.migrations) await sql`insert into kysely_migration (name, timestamp) values (${name}, ${timestamp})`.execute(trx);
    return true;
  });
}
