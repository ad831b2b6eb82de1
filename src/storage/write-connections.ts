import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * PostgreSQL: the handle a store's writes to a few people take their connections through, a pool of
 * their own beside the requests' (postgres.ts createPostgresDialects), by the store's handle. Same
 * database, plugins and prepared statements; only the connections differ. SQLite has one connection:
 * none is kept, and such writes go through the store's handle.
 */
const writers = new WeakMap<Kysely<Database>, Kysely<Database>>();

export function keepWriterFor(db: Kysely<Database>, writer: Kysely<Database>): void {
  writers.set(db, writer);
}

/** The handle for `db`'s writes to a few people: its own pool's on PostgreSQL, else `db` itself. */
export function writerFor(db: Kysely<Database>): Kysely<Database> {
  return writers.get(db) ?? db;
}
