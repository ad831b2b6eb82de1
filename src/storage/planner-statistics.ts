import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * After a write of thousands of rows, the planner's statistics told anew. PostgreSQL
 * plans from what ANALYZE last saw: right after a bulk load of 30,000 people it still
 * believed `people` held 188 rows and read every person, by the wrong index, to sort a
 * page deep in the list (0.9 s a page, where the sort's index answers in 1 ms) until
 * autovacuum got round to the table. SQLite plans from sqlite_stat1, which
 * `pragma optimize` brings up to date where it is stale. Outside a transaction only:
 * the caller's own transaction calls this after its commit.
 */
const LOADED_TABLES = ['people', 'contact_points', 'memberships', 'person_goals', 'network_goals', 'ties', 'exchanges', 'exchange_people', 'introductions', 'networks', 'goals'];

export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  if (db.isTransaction) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`analyze ${sql.join(LOADED_TABLES.map((table) => sql.table(table)))}`.execute(db);
    return;
  }
  await sql`pragma optimize`.execute(db);
}
