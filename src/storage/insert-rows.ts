import { CompiledQuery, sql, SqliteAdapter, type Insertable, type Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/**
 * Statements insertRows compiled, by table, columns and batch size: given to several calls
 * (rows written a part at a time), each statement is compiled once for all of them. One
 * database's (one dialect's) statements only.
 */
export type InsertStatements = Map<string, InsertStatement | null>;

/** A batch's statement, and the columns it binds once for all the batch's rows (see withSharedValues). */
interface InsertStatement {
  sql: string;
  shared: readonly number[];
}

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
  const statements: InsertStatements = options.statements ?? new Map();
  const shape = `${table}(${columns.join(',')})`;
  const sharesValues = db.getExecutor().adapter instanceof SqliteAdapter;
  let done = 0;
  for (const batch of chunks(rows, options.batch ?? 100)) {
    const values = plainValues(batch, columns);
    // On SQLite, the columns that hold one value in every row of the batch are bound once (see withSharedValues).
    const shared = values && sharesValues ? sharedColumns(values, columns.length) : [];
    const key = `${shape}x${batch.length}${shared.length ? `s${shared.join('.')}` : ''}`;
    let statement = values ? statements.get(key) : null;
    if (values && statement === undefined) {
      const compiled = db.insertInto(table).values(batch as never).compile();
      // Reused only when its parameters are exactly this batch's values, column by column.
      const plain = compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]);
      const once = plain && shared.length ? withSharedValues(compiled.sql, columns.length, batch.length, shared) : null;
      statement = plain ? (once ? { sql: once, shared } : { sql: compiled.sql, shared: [] }) : null;
      statements.set(key, statement);
      // Run as compiled (its queryId and node kept), so the plugins count the write as they count any other.
      if (statement) await db.executeQuery({ ...compiled, sql: statement.sql, parameters: boundValues(values, columns.length, statement.shared) });
      else await db.executeQuery(compiled);
    } else if (values && statement) {
      await db.executeQuery(CompiledQuery.raw(statement.sql, boundValues(values, columns.length, statement.shared)));
    } else {
      await db.insertInto(table).values(batch as never).execute();
    }
    done += batch.length;
    await options.afterBatch?.(done);
  }
}

/**
 * The columns (by position) whose value is the same in every row of the batch: of an import's 33
 * people columns, 20 or more (the stage, the zeros, the dates of the import, the workspace, the nulls
 * a LinkedIn file leaves). Only for a batch of two rows or more.
 */
function sharedColumns(values: readonly unknown[], width: number): number[] {
  const shared: number[] = [];
  if (values.length < width * 2) return shared;
  for (let column = 0; column < width; column++) {
    const value = values[column];
    let same = true;
    for (let at = column + width; at < values.length && same; at += width) same = values[at] === value;
    if (same) shared.push(column);
  }
  // Rows the same in every column keep one column of their own: a VALUES clause needs one.
  return shared.length < width ? shared : shared.slice(1);
}

/**
 * The batch's insert written so that the shared columns are bound once for the statement, the rest
 * once a row: `insert into t (a, b, c) select ?, column1, column2 from (values (?, ?), (?, ?))`,
 * SQLite naming a VALUES clause's columns column1, column2 and so on. better-sqlite3 binds each value
 * with a call of its own: 30,000 imported people of 33 columns were a million binds, most of them
 * the same zero or null, and binding cost more than SQLite's writing of those rows (measured on the
 * import's rows alone in better-sqlite3: 253–270 ms as one value a column and row, 106–112 ms with the
 * shared ones bound once). Null when the statement is not the plain multi-row insert expected.
 */
function withSharedValues(sql: string, width: number, rowCount: number, shared: readonly number[]): string | null {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const valuesClause = ` values ${Array.from({ length: rowCount }, () => tuple).join(', ')}`;
  if (!sql.endsWith(valuesClause)) return null;
  const isShared = new Set(shared);
  let own = 0;
  const selected = Array.from({ length: width }, (_, column) => (isShared.has(column) ? '?' : `column${++own}`));
  const ownTuple = `(${Array.from({ length: own }, () => '?').join(', ')})`;
  return `${sql.slice(0, sql.length - valuesClause.length)} select ${selected.join(', ')} from (values ${Array.from({ length: rowCount }, () => ownTuple).join(', ')})`;
}

/** The values in the statement's order: with shared columns (withSharedValues) theirs once (the first row's), then each row's own. */
function boundValues(values: unknown[], width: number, shared: readonly number[]): unknown[] {
  if (!shared.length) return values;
  const isShared = new Array<boolean>(width).fill(false);
  for (const column of shared) isShared[column] = true;
  // Made at its final length, as plainValues' array is: no copies as it grows.
  const bound = new Array<unknown>(shared.length + (values.length / width) * (width - shared.length));
  let to = 0;
  for (const column of shared) bound[to++] = values[column];
  for (let at = 0; at < values.length; at++) if (!isShared[at % width]) bound[to++] = values[at];
  return bound;
}

/**
 * The batch's values, row after row, each row's in the columns' order; null when a row is not of
 * that shape (other columns, another order, a value that is not a plain parameter). Read with
 * for-in, which V8 walks from the enum cache of the shape rows built by one literal share, each
 * value loaded by its field's index, rather than a property read by name for each column: those
 * reads, one for each of an import's 30,000 rows of 33 columns, cost more than SQLite's binding of
 * the values (issue 15). Nor an array a row (Object.keys, Object.values), nor one grown by push:
 * the import's rows made 60 MB of such garbage, and 30,000 rows' values were read in 105-146 ms
 * cold that way against 48-66 ms this way (a scavenge every 1-2 MB of garbage copies what the
 * import keeps alive).
 */
function plainValues(batch: readonly object[], columns: readonly string[]): unknown[] | null {
  const width = columns.length;
  const values = new Array<unknown>(batch.length * width);
  let at = 0;
  for (const row of batch) {
    let column = 0;
    for (const key in row) {
      // A row's own keys, in their order: an inherited enumerable key counts and fails the match too.
      if (key !== columns[column++]) return null;
      const value = (row as Record<string, unknown>)[key];
      if (value === undefined || (typeof value === 'object' && value !== null && !(value instanceof Uint8Array))) return null;
      values[at++] = value;
    }
    if (column !== width) return null;
  }
  return values;
}

/** Below this many rows, inserting into the indexes as they are costs less than building them again. */
const REBUILD_MIN_ROWS = 5_000;

/**
 * Runs a large insert into a table that holds few rows yet (a first import's 30,000
 * contact points) with the table's secondary indexes set aside, then builds them again, on
 * SQLite: one sort per index instead of an insert at a random place in it for each row
 * (measured when people's rows came in no index's order: the rows and their nine indexes
 * 0.75 s of CPU instead of 1.05 s; people's rows now come in their indexes' order, and take
 * them as they are: services/imports.ts). Only inside the caller's transaction, where SQLite's DDL rolls back
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
