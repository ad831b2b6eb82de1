import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * After a write of thousands of rows, the planner's statistics told anew. PostgreSQL
 * plans from what ANALYZE last saw: right after a bulk load of 30,000 people it still
 * believed `people` held 188 rows and read every person, by the wrong index, to sort a
 * page deep in the list (0.9 s a page, where the sort's index answers in 1 ms) until
 * autovacuum got round to the table. Vacuumed too: a new row's page is not marked
 * all-visible until then, and until it is, an order or count an index answers alone
 * (the orders by date, migration 2026-12-11T1000) must visit every row's page, so the
 * planner walks the table and sorts it instead (the order by next contact at 30,000
 * people: 140 ms against 18). SQLite plans from sqlite_stat1, which `pragma optimize`
 * brings up to date where it is stale. Outside a transaction only (VACUUM cannot run
 * in one): the caller's own transaction calls this after its commit.
 */
const LOADED_TABLES = ['people', 'contact_points', 'memberships', 'person_goals', 'network_goals', 'ties', 'exchanges', 'exchange_people', 'introductions', 'networks', 'goals'];

export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  if (db.isTransaction) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`vacuum (analyze) ${sql.join(LOADED_TABLES.map((table) => sql.table(table)))}`.execute(db);
    return;
  }
  await sql`pragma optimize`.execute(db);
}
