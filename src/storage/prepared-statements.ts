import { PostgresAdapter, sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

/*
 * The statements PostgreSQL keeps prepared on each connection: the reads every request or
 * every page repeats with other values (a person's page, the data's version, a page's rows
 * by id, their channels). Sent unnamed, each was parsed and planned anew on every request:
 * a person's page spent four fifths of its time in PostgreSQL parsing and planning its one
 * statement and a fifth running it (issue 15). Named, a connection parses it once and, after
 * a few runs, keeps a plan for any values (PostgreSQL's own choice, `plan_cache_mode` auto).
 *
 * Only statements whose values are keys (ids, a workspace, a list's length) are named here:
 * a plan fit for any value of a key is the plan for each, where a search pattern or a range
 * of dates would want a plan of its own. SQLite needs none of this: storage/sqlite.ts keeps
 * each statement it has compiled, by its text.
 *
 * This module only names texts; storage/postgres.ts sends them (no driver is loaded here).
 */

/** At most this many texts are named (each connection keeps each one it has run, with its plan). */
export const MAX_PREPARED_STATEMENTS = 200;

const names = new Map<string, string>();

/**
 * Marks a statement's text to be kept prepared when `db` is PostgreSQL, and returns it
 * unchanged; past MAX_PREPARED_STATEMENTS texts it stays unnamed (parsed on every run).
 */
export function preparedOnPostgres(db: Kysely<Database>, text: string): string {
  if (!names.has(text) && names.size < MAX_PREPARED_STATEMENTS && db.getExecutor().adapter instanceof PostgresAdapter) {
    names.set(text, `waggle_${names.size + 1}`);
  }
  return text;
}

/** The name a text is prepared under, or undefined for one sent unnamed. */
export function preparedNameOf(text: string): string | undefined {
  return names.get(text);
}

/** Runs a query built with Kysely as a statement kept prepared on PostgreSQL (above); its rows as `execute()` returns them. */
export async function executePrepared<R>(db: Kysely<Database>, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  preparedOnPostgres(db, compiled.sql);
  return (await db.executeQuery(compiled)).rows;
}

/**
 * `column in (ids…)`, written on PostgreSQL as `column = any($n)` with the list as one array
 * value: one statement text whatever the list's length (a page of 50, the last page of 13), so
 * one prepared statement serves them all. One id (a person's page, the person a write gave back)
 * is `column = $n`, a text of its own: PostgreSQL prices a plan for any values of `= any($n)` as
 * for a list of ten, so against a list of one it found its own plan cheaper every time and planned
 * each run anew (issue 15: 2,387 plannings in a 15 s mixed run, one a run). SQLite keeps its `in`
 * list (a list of one `''` for none).
 */
export function idIn(db: Kysely<Database>, column: string, ids: readonly string[]): RawBuilder<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return ids.length === 1 ? sql<boolean>`${sql.ref(column)} = ${ids[0]}` : sql<boolean>`${sql.ref(column)} = any(${sql.val(ids)})`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(ids.length > 0 ? ids : [''])})`;
}
