import { CompiledQuery, sql, SqliteAdapter, type Insertable, type Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/**
 * Statements insertRows compiled, by table, columns and batch size: given to several calls
 * (rows written a part at a time), each statement is compiled once for all of them. One
 * database's (one dialect's) statements only.
 */
export type InsertStatements = Map<string, string | null>;

/**
 * Inserts many rows of one table in batches, building and compiling the statement once
 * per batch size instead of once per batch. Kysely makes and walks a node for every
 * value it is given: for an import's 30,000 people of 33 columns that cost more than
 * SQLite's own writing (issue 15). The statement is compiled like any other query,
 * through the plugins (names cased, the write counted for data-version.ts), and each
 * batch runs it with its own values, in the compiled statement's column order.
 *
 * Rows of one shape only: the same columns in the same order, each a plain value.
 * A batch that is not, or a statement whose parameters are not the batch's values
 * in that order, goes through Kysely as usual.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: { batch?: number; afterBatch?: (done: number) => Promise<void>; statements?: InsertStatements } = {},
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const statements = options.statements ?? new Map<string, string | null>();
  const shape = `${table}(${columns.join(',')})`;
  let done = 0;
  for (const batch of chunks(rows, options.batch ?? 100)) {
    const values = plainValues(batch, columns);
    const key = `${shape}x${batch.length}`;
    let sql = values ? statements.get(key) : null;
    if (values && sql === undefined) {
      const compiled = db.insertInto(table).values(batch as never).compile();
      // Reused only when its parameters are exactly this batch's values, column by column.
      sql = compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]) ? compiled.sql : null;
      statements.set(key, sql);
      await db.executeQuery(compiled);
    } else if (values && sql) {
      await db.executeQuery(CompiledQuery.raw(sql, values));
    } else {
      await db.insertInto(table).values(batch as never).execute();
    }
    done += batch.length;
    await options.afterBatch?.(done);
  }
}

/**
 * The batch's values, row after row, each row's in the columns' order; null when a row is not of
 * that shape (other columns, another order, a value that is not a plain parameter). Read with
 * Object.keys and Object.values, which V8 answers from the shape rows built by one literal share,
 * rather than a property read by name for each column: those reads, one for each of an import's
 * 30,000 rows of 33 columns, cost more than SQLite's binding of the values (issue 15).
 */
function plainValues(batch: readonly object[], columns: readonly string[]): unknown[] | null {
  const values: unknown[] = [];
  for (const row of batch) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length) return null;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== columns[i]) return null;
    for (const value of Object.values(row)) {
      if (value === undefined || (typeof value === 'object' && value !== null && !(value instanceof Uint8Array))) return null;
      values.push(value);
    }
  }
  return values;
}

/** Below this many rows, inserting into the indexes as they are costs less than building them again. */
const REBUILD_MIN_ROWS = 5_000;

/**
 * Runs a large insert into a table that holds few rows yet (a first import of 30,000
 * LinkedIn connections) with the table's secondary indexes set aside, then builds them
 * again, on SQLite: one sort per index instead of 30,000 inserts into each of people's
 * nine (measured on the import's 30,000 people: the rows and their indexes 0.75 s of CPU
 * instead of 1.05 s). Only inside the caller's transaction, where SQLite's DDL rolls back
 * with the rows: an error or a crash leaves every index as it was, never one missing.
 * Elsewhere (PostgreSQL, where one table holds every workspace's people, a small insert,
 * a table with as many rows already), the work runs as it is.
 */
export async function withIndexesRebuilt<T>(db: Kysely<Database>, table: keyof Database & string, adding: number, work: () => Promise<T>): Promise<T> {
  if (!db.isTransaction || !(db.getExecutor().adapter instanceof SqliteAdapter) || adding < REBUILD_MIN_ROWS) return work();
  const name = table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const held = await sql<{ count: number }>`select count(*) as count from ${sql.table(table)}`.execute(db);
  if (Number(held.rows[0]?.count ?? 0) * 2 > adding) return work();
  // The table's own indexes, as written (a primary key's or a unique constraint's have no SQL and stay).
  const indexes = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = ${name} and sql is not null`.execute(db)).rows;
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
  const result = await work();
  for (const index of indexes) await sql.raw(index.sql).execute(db);
  return result;
}
