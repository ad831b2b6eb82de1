import type SqliteDatabase from 'better-sqlite3';
import { SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not, so its
 * migrator would run each migration's statements one by one: a process killed in the
 * middle of a migration (the chaos run found it) left a column added and the migration
 * unrecorded, and every later start failed with "duplicate column name". Saying so
 * makes the migrator run each migration and its record in one transaction.
 */
export class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  /** The connection, for the one write Kysely cannot make (withShadowTablesWritable). */
  constructor(readonly database: SqliteDatabase.Database) {
    super();
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Runs `work` on the connection itself with SQLite's defensive mode off, in which a virtual
 * table's shadow tables may be written by plain SQL (better-sqlite3's unsafe mode), then sets it
 * back. Only for a virtual table's rows made whole elsewhere (search-index-builder.ts); inside
 * the caller's transaction, so the rows roll back with it. Afterwards the schema is read again,
 * which makes every virtual table load its state anew: FTS5 keeps its index's structure in
 * memory, and would otherwise go on from the one it held before. Null on a database this is not
 * (PostgreSQL, a read-only reader).
 */
export function withShadowTablesWritable<T>(db: Kysely<Database>, work: (database: SqliteDatabase.Database) => T): { value: T } | null {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof TransactionalDdlSqliteAdapter)) return null;
  const { database } = adapter;
  database.unsafeMode(true);
  try {
    const value = work(database);
    database.pragma('writable_schema = reset');
    return { value };
  } finally {
    database.unsafeMode(false);
  }
}
