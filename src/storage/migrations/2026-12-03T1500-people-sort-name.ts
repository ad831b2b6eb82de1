import { sql, type Kysely } from 'kysely';
import { sortKey } from '../../core/names.js';

/*
 * The people list files a person under their name, not their title: "Dr Ana Silva"
 * sorts under A. A stored `sort_name` (the name without its title, folded like
 * name_key) is kept on every write that sets a name; every list order ends in it and
 * the id, so each order's index (2026-12-03T1000-read-speed) is rebuilt on it.
 * Frozen once shipped.
 */

// As 2026-12-03T1000-read-speed wrote them: the far dates that stand for "nothing planned" and "never met".
const NO_NEXT_CONTACT = '9999-12-31';
const NO_LAST_EXCHANGE = '0001-01-01';

const ORDERS: [name: string, columns: string][] = [
  ['people_by_name', 'workspace_id, sort_name, id, search_text, strength, importance, goal_relevance'],
  ['people_by_strength', 'workspace_id, strength desc, sort_name, id'],
  ['people_by_importance', 'workspace_id, importance desc, sort_name, id'],
  ['people_by_added', 'workspace_id, added_on desc, sort_name, id'],
  ['people_by_next_contact', `workspace_id, (coalesce(next_contact_due, '${NO_NEXT_CONTACT}')), sort_name, id`],
  ['people_by_last_exchange', `workspace_id, (coalesce(last_exchange_on, '${NO_LAST_EXCHANGE}')) desc, sort_name, id`],
  ['people_by_stage', 'workspace_id, stage, sort_name, id'],
  ['people_by_category', 'workspace_id, category, sort_name, id'],
  ['people_by_source', 'workspace_id, source, sort_name, id'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('sort_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  const people = (await db.selectFrom('people').select(['id', 'name']).execute()) as { id: string; name: string }[];
  for (const person of people) await db.updateTable('people').set({ sort_name: sortKey(person.name) }).where('id', '=', person.id).execute();
  for (const [name, columns] of ORDERS) {
    await db.schema.dropIndex(name).execute();
    await sql.raw(`create index ${name} on people (${columns})`).execute(db);
  }
}
