import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * SQLite's search index (people_search, 2026-12-06T1000) without FTS5's secure-delete: with it,
 * every change of a person's search text (a notes edit) took each of the old text's trigrams
 * out of the index's pages in place, and the write's COMMIT cost about 2 ms where it now costs
 * 0.3 (30,000 people): most of a write's time on the server's thread. The old trigrams are
 * marked deleted instead (no search finds them) until FTS5 merges them away; and each erasure
 * now merges the whole index (`optimize`, storage/erasure.ts scrubAfterErase), so a removed
 * person's trigrams, from their text now and from every text they had before, leave the index
 * then, as they did before and more. PostgreSQL's index is another thing: nothing is done.
 * Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`insert into people_search(people_search, rank) values ('secure-delete', 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`insert into people_search(people_search, rank) values ('secure-delete', 1)`.execute(db);
}
