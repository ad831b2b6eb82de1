import { CompiledQuery, type Kysely } from 'kysely';
import { isPostgres } from './json-dialects.js';
import type { Database } from './schema.js';
import { withoutPlugins } from './without-plugins.js';

/**
 * The ids a select of one `id` column gives, in its order: a listing's whole order (30,000 ids
 * for a workspace of that size), read when an order is first kept or read whole again.
 *
 * On SQLite as one JSON value, the select wrapped in `json_group_array`: better-sqlite3 makes an
 * object for each row, and Kysely's name plugin a second one, where here one string is parsed.
 * Measured on 30,000 people in better-sqlite3 alone: 18.7–27.8 ms for the rows as objects,
 * 5.6–5.9 ms as one JSON array. Such a read is one of the lumps a mixed load's requests wait
 * through on the one thread (README, Speed). SQLite does not flatten a subquery with an ORDER BY
 * into an aggregate query, so the aggregate is fed the rows in the subquery's order
 * (ids-in-order.test.ts holds it to that). PostgreSQL's driver sends the rows as they come.
 */
export async function selectIdsInOrder(db: Kysely<Database>, query: CompiledQuery<{ id: string }>): Promise<string[]> {
  if (isPostgres(db)) return (await db.executeQuery(query)).rows.map((row) => row.id);
  const wrapped = CompiledQuery.raw(`select json_group_array("id") as "ids" from (${query.sql})`, [...query.parameters]);
  const { rows } = await withoutPlugins(db).executeQuery<{ ids: string }>(wrapped);
  return JSON.parse(rows[0]?.ids ?? '[]') as string[];
}
