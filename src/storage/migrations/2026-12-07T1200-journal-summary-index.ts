import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The journal summed for the network check (storage/journal-summary.ts) on SQLite: an index
 * on exchanges holding everything that sum reads of an exchange, the item counts included
 * as expressions. The sum then walks this index and each exchange's people in the
 * exchange_people key, both in exchange id order, and never opens the exchanges' rows,
 * which carry notes and what was learned. Before it, each of an exchange's people looked
 * up their exchange's row by id: 57,000 lookups at 5,000 people, most of `waggle check`'s
 * load. The expressions must stay written as the summary's query writes them.
 * PostgreSQL gets none: it joins the two tables by hashing, one pass over each, and it
 * would not answer from an index over expressions without the rows (no index-only scan).
 * Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create index exchanges_journal_summary on exchanges (workspace_id, id, occurred_on, channel, json_array_length(gave), json_array_length(received))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`drop index exchanges_journal_summary`.execute(db);
}
