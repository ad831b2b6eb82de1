import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, type DialectAdapter, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import { checkpointOffThread, type CheckpointsOffThread } from './sqlite-checkpoints.js';
import { beginImmediateWithoutBlocking } from './sqlite-write-lock.js';
import { statementCounter, type StatementCounter } from './statement-count.js';

/** How long a writer waits for another process (the CLI beside a running server) before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * The page size of a database made from now on: 16 KB, where SQLite's default is 4 KB. A first
 * import of 30,000 people writes 38 MB of rows, indexes and search index in one transaction;
 * in pages four times as large SQLite's share of it fell from 762 ms to 596 ms (fewer pages
 * to split, link and log), and the whole process ran in 0.94 of the time, median of 16 runs
 * in turn (issue 15). The server's mixed read/write run answered as many requests either way:
 * its reads are index ranges and single rows through memory-mapped pages, where a page's size
 * is a pointer's difference.
 */
export const NEW_DATABASE_PAGE_BYTES = 16384;

/** A first load's page cache, as SQLite's `cache_size` gives it (negative: KiB): SQLite's own default, 2 MB (see createSqliteDialect). */
export const FIRST_LOAD_CACHE_KIB = -2000;

/**
 * SQLite with WAL, foreign keys and a busy timeout, whose write transactions take
 * the write lock up front (`begin immediate`). A deferred `begin` that later tries
 * to write can fail with SQLITE_BUSY without waiting when another process wrote in
 * between; taking the lock first makes the busy timeout apply instead, waited out without holding
 * the thread or the connection (sqlite-write-lock.ts). A transaction set `read only` (Kysely's
 * access mode) is a plain `begin` and takes no write lock.
 */
export function createSqliteDialect(file: string, options: { readOnly?: boolean; checkpointsOffThread?: boolean; firstLoad?: boolean } = {}): SqliteDialect {
  if (options.readOnly) return createReadOnlySqliteDialect(file);
  restrictToOwner(file);
  const database = new SqliteDatabase(file);
  // Set before anything is written: SQLite takes it only for a file with no pages yet, and WAL
  // fixes it from then on, so a database made before keeps its own (see NEW_DATABASE_PAGE_BYTES).
  database.pragma(`page_size = ${NEW_DATABASE_PAGE_BYTES}`);
  // A first load's new file, which no other process knows of and which is synced and moved into
  // place only when whole (sqlite-first-load.ts): its rollback journal in memory (a failed
  // statement or transaction still rolls back) and nothing synced on the way.
  database.pragma(options.firstLoad ? 'journal_mode = MEMORY' : 'journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma(options.firstLoad ? 'synchronous = OFF' : 'synchronous = NORMAL');
  // A first load writes each page of its new file about once, in order, and reads almost none
  // back: a large page cache holds nothing it will use, and each of its pages is fresh memory,
  // a page fault and a memset. better-sqlite3 builds SQLite with a 16 MB cache; SQLite's own
  // default of 2 MB took a 30,000-row LinkedIn import to 0.935 of the wall and 0.959 of the CPU
  // (farm-bench, 19 pairs against the build before; peak RSS 142 -> 128 MB) on a host where a page
  // fault cost about 11 µs. 0.5 MB and 4 MB were slower than 2 (1.05 and 1.08 of it); 1 MB the same.
  if (options.firstLoad) database.pragma(`cache_size = ${FIRST_LOAD_CACHE_KIB}`);
  // Statement journals and temporary tables in memory, not in files SQLite makes and unlinks in /var/tmp:
  // each multi-row INSERT of an import copies the pages it touches to a statement journal (to undo that
  // statement alone), and past 64 KB that journal went to a file. A 30,000-row LinkedIn import wrote
  // 73 MB to such files in 9,342 writes (strace), for a statement journal no larger than the pages one
  // statement touches (a few hundred KB); sorts are held in memory up to the cache's size either way.
  database.pragma('temp_store = MEMORY');
  // A deleted row's bytes are overwritten with zeros, not left in free pages for
  // anyone reading the file: erasing a person must erase them (see erasure.ts).
  database.pragma('secure_delete = ON');
  // Keep the query planner's statistics fresh, as SQLite advises applications to.
  // Without them, or with sampled ones, it reads a one-workspace table through the
  // workspace index: twice as slow as a plain scan. So the statistics are exact, and
  // `optimize` re-analyses only tables that changed a lot since the last time.
  database.pragma('analysis_limit = 0');
  database.pragma('optimize = 0x10002');
  // A server's checkpoints in a worker thread, not inside a request's commit (sqlite-checkpoints.ts).
  const checkpoints = options.checkpointsOffThread ? checkpointOffThread(file, database) : null;
  return new ImmediateSqliteDialect(database, checkpoints);
}

/**
 * A reader beside the writer (the network check's worker thread): read-only, so its
 * transactions are plain deferred `begin`s that take WAL's snapshot and no write lock.
 * A `begin immediate` here would hold the writer (and, through better-sqlite3's
 * synchronous busy wait, the server's event loop) for as long as the reader reads.
 */
function createReadOnlySqliteDialect(file: string): SqliteDialect {
  const database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return new SqliteDialect({ database: withStatementCache(database) });
}

/** How many prepared statements are kept: every query the app makes, with room for the varying ones. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with its statements prepared once per SQL text, not
 * on every call: an import writes 30,000 rows in batches of the same INSERT, and
 * preparing a 3,000-parameter statement each time was a tenth of the write. SQLite
 * re-prepares a kept statement by itself after a schema change. Least recently used
 * statements are dropped first; one still being iterated is never handed out twice.
 */
function withStatementCache(database: SqliteDatabase.Database): { close(): void; prepare(sql: string): SqliteDatabase.Statement } {
  const kept = new Map<string, SqliteDatabase.Statement>();
  // Kysely's driver asks for the statement once per run: counted here, it is every statement run (when measuring, statement-count.ts).
  const counter = statementCounter();
  return {
    close: () => database.close(),
    prepare(sql) {
      counter?.count(sql);
      const statement = kept.get(sql);
      if (statement !== undefined) {
        kept.delete(sql);
        if (!statement.busy) {
          kept.set(sql, statement);
          return statement;
        }
      }
      const fresh = counter ? timed(database.prepare(sql), sql, counter) : database.prepare(sql);
      kept.set(sql, fresh);
      if (kept.size > STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value as string);
      return fresh;
    },
  };
}

/** When measuring: the statement's runs timed under its text (what Kysely's driver calls: all and run). */
function timed(statement: SqliteDatabase.Statement, sql: string, counter: StatementCounter): SqliteDatabase.Statement {
  const timing =
    <R>(method: (...params: unknown[]) => R) =>
    (...params: unknown[]): R => {
      const start = performance.now();
      try {
        return method(...params);
      } finally {
        counter.time(sql, performance.now() - start);
      }
    };
  return Object.assign(statement, { all: timing(statement.all.bind(statement)), run: timing(statement.run.bind(statement)) });
}

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not, so its
 * migrator would run each migration's statements one by one: a process killed in the
 * middle of a migration (the chaos run found it) left a column added and the migration
 * unrecorded, and every later start failed with "duplicate column name". Saying so
 * makes the migrator run each migration and its record in one transaction.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: SqliteDatabase.Database,
    private readonly checkpoints: CheckpointsOffThread | null,
  ) {
    super({ database: withStatementCache(database) });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection, settings: TransactionSettings) => {
      if (settings.accessMode === 'read only') {
        // A read (a kept listing caught up in one picture of the data) takes no write lock: under
        // `begin immediate` it waited, the server's thread with it, for a command line's import
        // holding the lock. Its picture is taken by its first statement, `pragma data_version`
        // included, so the version it reads names the data it reads after (sqlite.test.ts).
        await connection.executeQuery(CompiledQuery.raw('begin'));
        return;
      }
      // Another process's write holding the lock is waited for without holding this thread or the connection (sqlite-write-lock.ts).
      await beginImmediateWithoutBlocking(this.database, () => connection.executeQuery(CompiledQuery.raw('begin immediate')), { handBack: () => driver.releaseConnection(connection), takeAgain: async () => void (await driver.acquireConnection()) });
    };
    const destroy = driver.destroy.bind(driver);
    driver.destroy = async () => {
      // The worker's connection closed first: the last connection to close checkpoints the log and removes it.
      await this.checkpoints?.stop();
      if (this.database.open) this.database.pragma('optimize');
      await destroy();
    };
    return driver;
  }
}

/**
 * The database holds data about other people: only its owner may read it. A new file
 * is created 0600 before SQLite opens it (SQLite gives its -wal and -shm files the
 * database file's mode); an existing one readable by others is tightened.
 */
export function restrictToOwner(file: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    } catch {
      // Not there (no -wal yet), or not ours to change: SQLite will say if it cannot open it.
    }
  }
}
