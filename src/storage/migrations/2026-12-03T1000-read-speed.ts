import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { nextContact } from '../../core/next-contact.js';
import { searchText } from '../../core/search-text.js';
import { columnTypes } from './column-types.js';

/*
 * Reads whose cost depends on the page, not on the workspace:
 * - people.last_exchange_on: the date of the person's latest exchange, kept current
 *   by every write that adds or removes an exchange (services/rhythm.ts);
 * - people.next_contact_due: the date of the person's next contact (the core's
 *   nextContact rule), kept current by the same writes and by every change of the
 *   cadence, the hand-set date or the day added; null when never due;
 * - an index for each order the people list offers (name, strength, importance,
 *   added, next contact, last exchange) ending in name_key and id, so a page is an
 *   index walk, and indexes for a person's page (follow-ups, introductions).
 * - people.search_text: what a search reads (core/search-text.ts), one folded column
 *   instead of seven fields and the contact points; on PostgreSQL with pg_trgm (in
 *   Debian's postgresql package) a trigram index serves its LIKE '%…%'.
 * - people.goal_relevance: the person's highest relevance to an active goal (0 without
 *   one), kept current by every write to goal links and goals (services/goal-relevance.ts),
 *   so the quadrant filter is a comparison, not a join per person.
 * The four columns are derived: backups leave them out and a restore recomputes them.
 * The backfill uses the core's rule as it stood when this was written. Frozen once shipped.
 */

const NO_NEXT_CONTACT = '9999-12-31';
const NO_LAST_EXCHANGE = '0001-01-01';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('people').addColumn('last_exchange_on', t.date).execute();
  await db.schema.alterTable('people').addColumn('next_contact_due', t.date).execute();

  await db.schema.alterTable('people').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  const people = (await db.selectFrom('people').select(['id', 'name', 'organisation', 'role', 'location', 'tags', 'notes']).execute()) as { id: string; name: string; organisation: string | null; role: string | null; location: string | null; tags: string; notes: string | null }[];
  const points = (await db.selectFrom('contact_points').select(['person_id', 'value']).orderBy('person_id').orderBy('position').execute()) as { person_id: string; value: string }[];
  const channels = new Map<string, string[]>();
  for (const point of points) channels.set(point.person_id, [...(channels.get(point.person_id) ?? []), point.value]);
  for (const person of people) {
    const tags = JSON.parse(person.tags) as unknown;
    const text = searchText({ ...person, tags: Array.isArray(tags) ? tags.map(String) : [] }, channels.get(person.id) ?? []);
    await db.updateTable('people').set({ search_text: text }).where('id', '=', person.id).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) await trigramIndex(db);
  await db.schema.alterTable('people').addColumn('goal_relevance', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update people set goal_relevance = coalesce((select max(pg.relevance) from person_goals pg join goals g on g.id = pg.goal_id where pg.person_id = people.id and g.status = 'active'), 0)`.execute(db);

  await sql`update people set last_exchange_on = (select max(ep.occurred_on) from exchange_people ep where ep.person_id = people.id)`.execute(db);
  const rows = (await db.selectFrom('people').select(['id', 'next_contact_on', 'cadence', 'last_exchange_on', 'added_on']).where('cadence', 'is not', null).execute()) as {
    id: string;
    next_contact_on: string | null;
    cadence: string | null;
    last_exchange_on: string | null;
    added_on: string;
  }[];
  await sql`update people set next_contact_due = next_contact_on`.execute(db);
  for (const row of rows) {
    const next = nextContact({ nextContactOn: row.next_contact_on, cadence: row.cadence, lastExchangeOn: row.last_exchange_on, addedOn: row.added_on });
    await db.updateTable('people').set({ next_contact_due: next?.date ?? null }).where('id', '=', row.id).execute();
  }

  const index = (name: string, columns: string) => sql.raw(`create index ${name} on people (${columns})`).execute(db);
  // search_text and the scores the quadrant filter reads ride in the name index: a search or a quadrant in
  // name order, and its count, read the index alone (on SQLite a tenth of the time of reading every row),
  // whatever few or many match.
  await index('people_by_name', 'workspace_id, name_key, id, search_text, strength, importance, goal_relevance');
  await index('people_by_strength', 'workspace_id, strength desc, name_key, id');
  await index('people_by_importance', 'workspace_id, importance desc, name_key, id');
  await index('people_by_added', 'workspace_id, added_on desc, name_key, id');
  await index('people_by_next_contact', `workspace_id, (coalesce(next_contact_due, '${NO_NEXT_CONTACT}')), name_key, id`);
  await index('people_by_last_exchange', `workspace_id, (coalesce(last_exchange_on, '${NO_LAST_EXCHANGE}')) desc, name_key, id`);
  await index('people_by_stage', 'workspace_id, stage, name_key, id');
  await index('people_by_category', 'workspace_id, category, name_key, id');
  await index('people_by_source', 'workspace_id, source, name_key, id');
  await db.schema.dropIndex('people_workspace_name').execute();
  await db.schema.createIndex('follow_ups_person').on('follow_ups').columns(['person_id']).execute();
  await db.schema.createIndex('follow_ups_exchange').on('follow_ups').columns(['exchange_id']).execute();
  await db.schema.createIndex('introductions_person').on('introductions').columns(['person_id']).execute();
  await db.schema.createIndex('introductions_by').on('introductions').columns(['by_id']).execute();
  await db.schema.createIndex('introductions_to').on('introductions').columns(['to_id']).execute();
}

/**
 * pg_trgm ships with PostgreSQL (Debian's postgresql-15 has it) and is a trusted extension,
 * so a database owner may create it. Where it cannot be had, search still works, reading
 * every row: tried inside a savepoint so that a refusal leaves the migration going.
 */
async function trigramIndex(db: Kysely<any>): Promise<void> {
  await sql`savepoint trigram`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index people_search_trigram on people using gin (search_text gin_trgm_ops)`.execute(db);
    await sql`release savepoint trigram`.execute(db);
  } catch {
    await sql`rollback to savepoint trigram`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists people_search_trigram`.execute(db);
  await db.schema.alterTable('people').dropColumn('search_text').execute();
  await db.schema.alterTable('people').dropColumn('goal_relevance').execute();
  for (const name of ['introductions_to', 'introductions_by', 'introductions_person', 'follow_ups_exchange', 'follow_ups_person', 'people_by_source', 'people_by_category', 'people_by_stage', 'people_by_last_exchange', 'people_by_next_contact', 'people_by_added', 'people_by_importance', 'people_by_strength', 'people_by_name']) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.createIndex('people_workspace_name').on('people').columns(['workspace_id', 'name_key']).execute();
  await db.schema.alterTable('people').dropColumn('next_contact_due').execute();
  await db.schema.alterTable('people').dropColumn('last_exchange_on').execute();
}
