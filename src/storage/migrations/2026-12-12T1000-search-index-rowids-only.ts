import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * SQLite's search index (people_search, 2026-12-06T1000) keeps only which people hold each
 * trigram (`detail=none`), not where in their text, and no per-person sizes (`columnsize=0`,
 * which only ranking reads; Waggle does not rank). A search asks for every third trigram of what
 * was typed and its last (storage/search-index.ts trigramsMatch), and the LIKE beside it, which
 * every search has always kept, says whether they are in a row: the same people as before. The index is
 * a third of its size (8.2 -> 2.7 MB at 30,000 imported people) and a 30,000-row import's fill
 * of it costs less (issue 15). Secure-delete stays off, as 2026-12-10T1000 left it. PostgreSQL's
 * index is another thing: nothing is done. Frozen once shipped.
 */

/**
 * The FTS5 table dropped and made again with these options, and filled from people. The
 * triggers on people that keep it stay as they are: SQLite resolves the table they write to
 * when they fire, and nothing writes to people in between.
 */
async function remake(db: Kysely<any>, options: string): Promise<void> {
  await sql`drop table people_search`.execute(db);
  await sql.raw(`create virtual table people_search using fts5(search_text, content='people', content_rowid='rowid', tokenize='trigram remove_diacritics 1'${options})`).execute(db);
  // Written down, as 2026-12-10T1000 left it, though it is FTS5's default: the table's settings say what holds.
  await sql`insert into people_search(people_search, rank) values ('secure-delete', 0)`.execute(db);
  await sql`insert into people_search(people_search) values ('rebuild')`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await remake(db, ', detail=none, columnsize=0');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await remake(db, '');
}
