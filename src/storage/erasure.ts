import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * What a removal leaves behind, scrubbed once its transaction has committed.
 *
 * SQLite runs with `secure_delete = ON` (see sqlite.ts), so a deleted row's bytes are
 * overwritten with zeros in the page that held it; but until a checkpoint the page
 * images from before the delete still sit in the write-ahead log (`waggle.db-wal`).
 * `wal_checkpoint(TRUNCATE)` copies the log into the database and cuts the log to
 * zero bytes.
 *
 * PostgreSQL keeps a deleted row as a dead tuple until VACUUM; VACUUM cannot run in a
 * transaction, so it runs here, after the commit, on a connection of the pool. A plain
 * VACUUM is not enough: it frees the space but a B-tree index page keeps the removed
 * entry's bytes (the canary test found an e-mail address left in `contact_points_value`).
 * So erase-everything runs VACUUM FULL, which writes each table and its indexes anew
 * and drops the old files. It locks each table while it rewrites it: fine for a
 * one-person map, a pause of a moment for others on a shared server. A single removal
 * on PostgreSQL is left to autovacuum (see the README for what that does not cover).
 *
 * Inside a caller's transaction this does nothing: the caller that owns the
 * transaction calls it again after committing.
 */
export type ErasureScope =
  /** One record (a person, network, goal or exchange) and what went with it. */
  | { kind: 'record' }
  /** Everything in a workspace: every table of the workspace's data. */
  | { kind: 'workspace' };

/** Kysely's own bookkeeping: every other table holds a workspace's data, so erase-everything touched it. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export async function scrubAfterErase(db: Kysely<Database>, scope: ErasureScope): Promise<void> {
  if (db.isTransaction) return;
  const raw = db.withoutPlugins();
  if (raw.getExecutor().adapter instanceof SqliteAdapter) {
    await checkpointSqlite(raw);
    return;
  }
  if (scope.kind === 'workspace') await vacuumPostgres(raw);
}

/**
 * Copies the write-ahead log into the database file and truncates the log. Another
 * process reading at this moment (the CLI beside a running server) can hold the log
 * open: SQLite then reports `busy` and the next erase, or the last connection's
 * close, finishes the job; a few short retries cover the common case.
 */
async function checkpointSqlite(db: Kysely<Database>): Promise<void> {
  await forgetSampledKeys(db);
  await mergeSearchIndex(db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    if (!rows[0] || Number(rows[0].busy) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
  }
}

/**
 * The search index merged into one segment (FTS5's `optimize`): a person's text, now and as it was
 * before each edit, leaves the index's pages only when the entries marked deleted meet their
 * originals in a merge (FTS5's secure-delete is off: migration 2026-12-10T1000). Merged whole, none
 * is left; the pages freed are zeroed (secure_delete) and the log cut below. About 130 ms at
 * 30,000 people, once an erasure.
 */
async function mergeSearchIndex(db: Kysely<Database>): Promise<void> {
  await sql`insert into people_search(people_search) values ('optimize')`.execute(db);
}

/**
 * ANALYZE (run by `pragma optimize`, see sqlite.ts) keeps sample index keys in
 * sqlite_stat4 when SQLite is built with STAT4, as better-sqlite3's is: names, e-mail
 * addresses, the search text. An erased person's keys would stay there. The samples
 * are dropped (secure_delete zeroes them); the planner falls back on sqlite_stat1's
 * counts until the next analysis samples what is left.
 */
async function forgetSampledKeys(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_schema where name = 'sqlite_stat4'`.execute(db);
  if (Number(rows[0]?.n ?? 0) > 0) await sql`delete from sqlite_stat4`.execute(db);
}

/**
 * VACUUM FULL copies a deleted row into the new files while a transaction that
 * started before the delete could still see it. So it first waits, 30 seconds at
 * most (a loaded machine stretched 5 s too thin in a full test run), for the
 * transactions whose snapshot is older than the erase (`mark`, an id taken after the
 * erase committed) to end: those of every database the role may see, not only this
 * one, since the canary test kept rows while other databases of the same server were
 * busy and this one was idle. A transaction counts by its own id too, not only by its
 * snapshot: one that wrote and sits between statements holds no snapshot, yet every
 * snapshot taken while it runs (VACUUM's own horizon among them) reaches back to its id,
 * so the erased rows would still count as visible to someone. Snapshots taken since cannot see the
 * erased rows, so a busy server's fresh reads do not make the erase wait. A longer
 * one (say, a report left open) keeps those rows until the next erase or
 * autovacuum; it is named on stderr, so an operator (or a failing canary test) can
 * see what held them.
 */
async function waitForOlderSnapshots(db: Kysely<Database>): Promise<void> {
  const { rows: marks } = await sql<{ mark: string }>`select (txid_current() % 4294967296)::text as mark`.execute(db);
  const mark = marks[0]!.mark;
  for (let attempt = 0; attempt < 300; attempt++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where pid <> pg_backend_pid()
        and (age(backend_xmin) >= age(${mark}::xid) or age(backend_xid) >= age(${mark}::xid))`.execute(db);
    if (!rows[0] || Number(rows[0].n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rows: holders } = await sql<{ pid: number; backendType: string; state: string; query: string }>`
    select pid, backend_type as "backendType", state, left(query, 200) as query from pg_stat_activity
    where pid <> pg_backend_pid()
      and (age(backend_xmin) >= age(${mark}::xid) or age(backend_xid) >= age(${mark}::xid))`.execute(db);
  process.stderr.write(`waggle: erasure went ahead while older transactions still ran, so their rows stay until the next erase or autovacuum: ${JSON.stringify(holders)}\n`);
}

async function vacuumPostgres(db: Kysely<Database>): Promise<void> {
  await waitForOlderSnapshots(db);
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  for (const { name } of rows) {
    if (MIGRATION_TABLES.has(name)) continue;
    await sql`vacuum full ${sql.table(name)}`.execute(db);
  }
}
