import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { withShadowTablesWritable } from './sqlite-adapter.js';
import type { Database } from './schema.js';

/**
 * The search index (FTS5's people_search) of a large first import, built in a worker thread
 * while this one writes the people: on a machine of two cores the trigram index of 30,000
 * people (about 0.14 s of SQLite's work) then costs the import next to nothing in time (issue 15).
 *
 * The worker holds a database of its own in memory, with the same FTS5 table made by the same
 * statement (read from this database's schema) in the same SQLite library, and is handed each
 * person's search text in the order the people are inserted: the rowids they get in a people
 * table empty before them, 1, 2, 3... Its index is then, row for row, the one this database's
 * own fill would build, and its shadow tables' rows (people_search_data, people_search_idx)
 * replace this database's, inside the import's transaction.
 *
 * Used only where the people table held nobody before the import, so that the index is exactly
 * the new people's; and only when the rows it was handed are the rows the table holds (their
 * count, first and last rowid, and the first and last text): otherwise, or when the worker
 * fails, the caller fills the index in SQL as before (search-index.ts).
 */

/** The worker, as a script: plain CommonJS, so that it needs no file of its own in dist/ or the bundle. */
const BUILDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(':memory:');
// The content table the FTS5 table names: never read, as rows are inserted into the index by rowid.
db.exec('create table people (search_text text)');
db.exec(workerData.createSql);
db.exec("insert into people_search(people_search, rank) values ('hashsize', " + workerData.hashBytes + ")");
const insert = db.prepare('insert into people_search(rowid, search_text) values (?, ?)');
let rows = 0;
db.exec('begin');
parentPort.on('message', (message) => {
  if (message.texts) {
    for (const text of message.texts) insert.run(++rows, text);
    return;
  }
  db.exec('commit');
  const data = db.prepare('select id, block from people_search_data').raw().all();
  const idx = db.prepare('select segid, term, pgno from people_search_idx').raw().all();
  parentPort.postMessage({ rows, data, idx });
  db.close();
  parentPort.close();
});
`;

/** An FTS5 index's rows, as its shadow tables hold them. */
interface BuiltIndex {
  rows: number;
  data: [number, Uint8Array][];
  idx: [unknown, unknown, number][];
}

/** How many texts are sent to the worker at once. */
const TEXTS_SENT_AT_ONCE = 2_000;

export interface SearchIndexBuilder {
  /** The next people's search texts, in the order they are inserted. */
  add(texts: readonly string[]): void;
  /** Puts the built index in place of the table's; false when it could not (the caller then fills the index itself). */
  finish(db: Kysely<Database>): Promise<boolean>;
  /** Ends the worker, its index unused (the import failed). */
  cancel(): void;
}

/** Starts a builder for `createSql`, the FTS5 table's statement; `hashBytes` as withLargeFtsHash sets it. */
export function startSearchIndexBuilder(createSql: string, hashBytes: number): SearchIndexBuilder {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(BUILDER, { eval: true, workerData: { driver, createSql, hashBytes } });
  let failed = false;
  const built = new Promise<BuiltIndex | null>((resolve) => {
    worker.once('message', (index: BuiltIndex) => resolve(index));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  void built.then((index) => (failed = index === null));
  const first: string[] = [];
  let last: string | undefined;
  let pending: string[] = [];
  let sent = 0;
  const send = () => {
    if (!pending.length || failed) return;
    worker.postMessage({ texts: pending });
    sent += pending.length;
    pending = [];
  };
  return {
    add(texts) {
      if (!texts.length) return;
      if (!first.length) first.push(texts[0]!);
      last = texts[texts.length - 1];
      pending.push(...texts);
      if (pending.length >= TEXTS_SENT_AT_ONCE) send();
    },
    async finish(db) {
      send();
      worker.postMessage({ finish: true });
      const index = await built;
      if (!index || index.rows !== sent || sent === 0) return false;
      const held = (await sql<{ count: number; low: number; high: number }>`select count(*) as count, min(rowid) as low, max(rowid) as high from people`.execute(db)).rows[0];
      if (Number(held?.count) !== sent || Number(held?.low) !== 1 || Number(held?.high) !== sent) return false;
      const ends = (await sql<{ rowid: number; text: string }>`select rowid, search_text as text from people where rowid in (1, ${sent})`.execute(db)).rows;
      if (ends.find((r) => Number(r.rowid) === 1)?.text !== first[0] || ends.find((r) => Number(r.rowid) === sent)?.text !== last) return false;
      return withShadowTablesWritable(db, (database) => replaceIndexRows(database, index)) !== null;
    },
    cancel() {
      void worker.terminate();
    },
  };
}

/** The table's index rows, all of them, made the built index's. */
function replaceIndexRows(database: SqliteDatabase.Database, index: BuiltIndex): void {
  database.exec('delete from people_search_data; delete from people_search_idx');
  const data = database.prepare('insert into people_search_data(id, block) values (?, ?)');
  for (const [id, block] of index.data) data.run(id, block);
  const idx = database.prepare('insert into people_search_idx(segid, term, pgno) values (?, ?, ?)');
  for (const [segid, term, pgno] of index.idx) idx.run(segid, term, pgno);
}
