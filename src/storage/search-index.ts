import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { searchText } from '../core/search-text.js';
import { chunks } from './chunks.js';
import { parseJsonList } from './columns.js';
import { isPostgres } from './json-dialects.js';
import { containsPattern } from './like.js';
import type { Database } from './schema.js';

/*
 * Search over people.search_text, the one folded column (core/search-text.ts: name,
 * organisation, role, location, tags, notes, channels; lower-cased, accents off, fields
 * apart), matched as a part anywhere in it, as LIKE '%…%' says. Two ways to find it:
 * - walking the people list's index (people_by_name holds search_text) and testing each,
 *   which finds a page of a common fragment ("hospital": one person in five) at once, but
 *   reads every person for a rare one, and for the count;
 * - a trigram index: on SQLite the FTS5 table people_search (migration
 *   2026-12-06T1000-people-search; which people hold each trigram, not where, since
 *   2026-12-12T1000), on PostgreSQL pg_trgm's GIN index on search_text
 *   (2026-12-03T1000-read-speed), which name the few who hold a rare fragment straight
 *   away. The list chooses (people-list.ts) from the count: SQLite's planner cannot see
 *   inside the FTS table, and PostgreSQL's, guessing from its statistics, walked the list
 *   for a short fragment few or none held.
 * A trigram index cannot serve fewer than three characters: those are walked.
 * The LIKE is kept beside the trigram match either way, so both ways find exactly the same
 * people: the index only narrows where to look.
 */

/** How few characters a trigram index can find. */
export const MIN_INDEXED_SEARCH = 3;

export type SearchWay = 'walk' | 'trigrams';

/** Whether this database has SQLite's FTS5 table to ask (PostgreSQL's planner asks its own index). */
export function searchesByFts(db: Kysely<Database>): boolean {
  return !(db.getExecutor().adapter instanceof PostgresAdapter);
}

/** Whether a folded search can be looked up by trigrams at all. */
export function indexableSearch(folded: string): boolean {
  return [...folded].length >= MIN_INDEXED_SEARCH;
}

/**
 * FTS5's MATCH for "these characters somewhere in the text": every third trigram of the text
 * and its last, each a quoted term, all required. The index keeps no positions (migration
 * 2026-12-12T1000), so it cannot say the trigrams are in a row: the LIKE that every search
 * keeps beside it does. Any of the text's trigrams would name everyone who holds it (and
 * others); three apart, covering every character, they narrow about as well as all of them
 * with a third of the lookups. Each term is in double quotes with its own quotes doubled, so
 * that `"`, `*`, `NEAR`, `-`, `AND` and parentheses are characters to find, never query syntax.
 */
export function trigramsMatch(folded: string): string {
  const characters = [...folded];
  const starts: number[] = [];
  for (let at = 0; at + MIN_INDEXED_SEARCH <= characters.length; at += MIN_INDEXED_SEARCH) starts.push(at);
  const last = characters.length - MIN_INDEXED_SEARCH;
  if (last >= 0 && starts.at(-1) !== last) starts.push(last);
  return starts.map((at) => `"${characters.slice(at, at + MIN_INDEXED_SEARCH).join('').replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * People of `workspaceId` whose search text holds `folded` (a query folded by foldQuery), found the given way.
 * By trigrams on PostgreSQL: found in a subquery of their own, which its planner answers from the trigram index
 * (there is no order to walk there), for the page's order to sort the few found; left to itself, the planner
 * walked the name index for a page of a short fragment however few held it (people-list.ts says when).
 */
export function matchesSearch(db: Kysely<Database>, workspaceId: string, folded: string, way: SearchWay): RawBuilder<boolean> {
  const like = sql<boolean>`${sql.ref('people.searchText')} like ${containsPattern(folded)} escape '\\'`;
  if (way === 'walk' || !indexableSearch(folded)) return like;
  if (!searchesByFts(db)) return sql<boolean>`(people.id = any(array(select found.id from people as found where found.workspace_id = ${workspaceId} and found.search_text like ${containsPattern(folded)} escape '\\')) and ${like})`;
  return sql<boolean>`(people.rowid in (select rowid from people_search where people_search match ${trigramsMatch(folded)}) and ${like})`;
}

/** The columns of `people` the search text is made from, with the text stored now (to write it only when it moves). */
export const SEARCHED_COLUMNS = ['id', 'name', 'organisation', 'role', 'location', 'tags', 'notes', 'searchText'] as const;

/** A person's searched columns as SEARCHED_COLUMNS reads them. */
export interface SearchedRow {
  id: string;
  name: string;
  organisation: string | null;
  role: string | null;
  location: string | null;
  tags: string;
  notes: string | null;
  searchText: string | null;
}

/** PostgreSQL: a person's channels in their order, as one array value beside a select's columns of `people`. */
export const channelsOfPerson = () => sql<string[]>`array(select cp.value from contact_points cp where cp.person_id = people.id order by cp.position)`.as('channels');

/**
 * Writes `people.search_text` again for these people, from their fields and channels as
 * stored now, inside the caller's transaction (on SQLite the FTS table follows by trigger).
 * Writes that have the whole person in hand (adding one, an import's new people, a restore)
 * compute it as they insert.
 */
export async function refreshSearchText(db: Kysely<Database>, workspaceId: string, personIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...new Set(personIds)])) {
    const select = db.selectFrom('people').select([...SEARCHED_COLUMNS]).where('workspaceId', '=', workspaceId).where('id', 'in', ids);
    const channels = new Map<string, string[]>();
    let people: readonly SearchedRow[];
    if (isPostgres(db)) {
      // Each person's channels in the same statement, in their order: one round trip where there were two.
      const rows = await select.select(channelsOfPerson()).execute();
      for (const row of rows) channels.set(row.id, row.channels);
      people = rows;
    } else {
      people = await select.execute();
      const points = await db.selectFrom('contactPoints').select(['personId', 'value']).where('personId', 'in', ids).orderBy('personId').orderBy('position').execute();
      for (const point of points) channels.set(point.personId, [...(channels.get(point.personId) ?? []), point.value]);
    }
    for (const person of people) {
      const text = searchText({ ...person, tags: parseJsonList<string>(person.tags) }, channels.get(person.id) ?? []);
      if (text !== person.searchText) await db.updateTable('people').set({ searchText: text }).where('id', '=', person.id).execute();
    }
  }
}

/** Below this many new people, the trigger's word per row costs less than setting it aside. */
const FILL_AFTER_MIN_ROWS = 5_000;

/**
 * Runs a large insert into people (an import's 30,000 LinkedIn connections) with the FTS
 * table's insert trigger set aside, then indexes the new rows' search text in one
 * `insert … select`, on SQLite: the trigger's statement per row cost about 10x the bulk
 * fill's CPU (30,000 people: ~1.1 s against ~0.16 s in better-sqlite3 alone). SQLite gives
 * a new row of a rowid table a rowid above every one it holds, so the rows this insert added
 * are those above the largest before it. Only inside the caller's transaction, where SQLite's
 * DDL rolls back with the rows: an error or a crash leaves the trigger, and the index, as
 * they were. Elsewhere (PostgreSQL's trigram index is an index; a small insert), the work
 * runs as it is.
 */
export async function withSearchIndexFilledAfter<T>(db: Kysely<Database>, adding: number, work: () => Promise<T>): Promise<T> {
  if (!db.isTransaction || !searchesByFts(db) || adding < FILL_AFTER_MIN_ROWS) return work();
  const trigger = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name = 'people_search_insert'`.execute(db)).rows[0];
  if (!trigger) return work();
  const last = (await sql<{ last: number | null }>`select max(rowid) as last from people`.execute(db)).rows[0]?.last ?? 0;
  await sql`drop trigger people_search_insert`.execute(db);
  const result = await work();
  await withLargeFtsHash(db, () => sql`insert into people_search(rowid, search_text) select rowid, search_text from people where rowid > ${last}`.execute(db));
  await sql.raw(trigger.sql).execute(db);
  return result;
}

/** FTS5's own default for `hashsize`: how many bytes of new terms it holds in memory before writing a segment. */
const FTS_DEFAULT_HASH_BYTES = 1024 * 1024;
/** The hash for a bulk fill: a 30,000-person import's trigrams in a few segments rather than dozens. */
const FTS_BULK_HASH_BYTES = 64 * 1024 * 1024;

/**
 * Runs a bulk fill of people_search with FTS5's in-memory hash of new terms made large, then
 * sets it back as it was, in the caller's transaction. At its default (1 MB) FTS5 writes a
 * segment, and merges segments, every megabyte of terms: for 30,000 imported people that was
 * about a third of the fill's CPU (measured 0.28-0.47 s -> 0.19-0.21 s on the import's rows).
 * The setting is kept in the table's config (people_search_config), so it rolls back with
 * the transaction.
 */
async function withLargeFtsHash<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const kept = (await sql<{ v: number }>`select v from people_search_config where k = 'hashsize'`.execute(db)).rows[0]?.v ?? FTS_DEFAULT_HASH_BYTES;
  // Written into the statement: FTS5 takes the size only as an integer, and a bound JavaScript number may arrive as a real.
  await sql`insert into people_search(people_search, rank) values ('hashsize', ${sql.lit(FTS_BULK_HASH_BYTES)})`.execute(db);
  const result = await work();
  await sql`insert into people_search(people_search, rank) values ('hashsize', ${sql.lit(Math.trunc(Number(kept)))})`.execute(db);
  return result;
}
