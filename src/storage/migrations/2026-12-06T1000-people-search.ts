import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Search and the people list's order, the same on both databases and fast on each:
 * - SQLite: people_search, an FTS5 table over people.search_text with the trigram
 *   tokenizer (parts of words, accents and case aside: SQLite 3.45 or later, which
 *   better-sqlite3 bundles), kept by triggers on every insert, delete and change of
 *   search_text, so no write can forget it. External content (the text stays in
 *   people; the table holds only the index), keyed by people's rowid: SQLite keeps a
 *   rowid table's rowids but for VACUUM, which Waggle never runs; after one by hand,
 *   `insert into people_search(people_search) values ('rebuild')` puts it right.
 *   secure-delete on: a removed person's trigrams leave the index at once, not at the
 *   next merge (personal data: storage/erasure.ts).
 * - PostgreSQL: people.sort_name compared byte by byte (collate "C"), as SQLite compares
 *   it, so both databases list people in the same order whatever the server's locale,
 *   and the sort indexes compare with memcmp instead of the locale's rules. Search
 *   already has its trigram index (2026-12-03T1000-read-speed).
 * Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table people alter column sort_name type text collate "C"`.execute(db);
    return;
  }
  await sql`create virtual table people_search using fts5(search_text, content='people', content_rowid='rowid', tokenize='trigram remove_diacritics 1')`.execute(db);
  await sql`insert into people_search(people_search, rank) values ('secure-delete', 1)`.execute(db);
  await sql`create trigger people_search_insert after insert on people begin
    insert into people_search(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger people_search_delete after delete on people begin
    insert into people_search(people_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger people_search_update after update of search_text on people begin
    insert into people_search(people_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into people_search(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`insert into people_search(people_search) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table people alter column sort_name type text collate "default"`.execute(db);
    return;
  }
  for (const trigger of ['people_search_update', 'people_search_delete', 'people_search_insert']) await sql.raw(`drop trigger ${trigger}`).execute(db);
  await sql`drop table people_search`.execute(db);
}
