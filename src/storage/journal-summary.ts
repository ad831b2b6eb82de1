import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { ONLINE_CHANNELS, type JournalSummary, type PersonJournal } from '../core/check/journal-summary.js';
import type { Database } from './schema.js';

/**
 * The journal as the network check needs it (core/check/journal-summary.ts), summed by
 * the database: two grouped queries whose answers grow with the people, not with the
 * exchanges. Reading 50,000 exchanges and their 57,000 participants into the process
 * to add them up was most of `waggle check`'s time at 5,000 people. The same rules as
 * the core's `summariseJournal`, which the check's tests hold it to on both databases.
 * On SQLite both sums read the exchanges from an index holding what they add up
 * (migration 2026-12-07T1200-journal-summary-index: the length expressions here must be
 * written as it writes them), and the cross join walks the exchanges first, in that
 * index's id order, finding each one's people by the exchange_people key. PostgreSQL
 * plans a cross join with its condition in the where clause as any join: it hashes.
 */
export async function readJournalSummary(db: Kysely<Database>, workspaceId: string): Promise<JournalSummary> {
  // Without the camel-case plugin and with the names aliased in SQL, as the journal's other bulk read does.
  const raw = db.withoutPlugins();
  const queries = journalSummaryQueries(db, workspaceId);
  const totals = await queries.totals.execute(raw);
  const people = await queries.people.execute(raw);
  const row = totals.rows[0];
  // PostgreSQL answers count and sum as bigint/numeric text.
  return {
    exchanges: Number(row?.exchanges ?? 0),
    gave: Number(row?.gave ?? 0),
    received: Number(row?.received ?? 0),
    people: people.rows.map(
      (p): PersonJournal => ({
        personId: p.personId,
        exchanges: Number(p.exchanges),
        gave: Number(p.gave),
        received: Number(p.received),
        lastExchangeOn: p.lastExchangeOn,
        onlineOnly: Number(p.onlineOnly) === 1,
      }),
    ),
  };
}

/** The summary's two queries, apart so that a test can ask the database how it plans them. */
export function journalSummaryQueries(db: Kysely<Database>, workspaceId: string) {
  // Lists are JSON text in both databases; PostgreSQL reads them as json first.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const length = (column: 'gave' | 'received') => (postgres ? sql.raw(`json_array_length(e.${column}::json)`) : sql.raw(`json_array_length(e.${column})`));
  const online = sql.join([...ONLINE_CHANNELS].map((c) => sql.lit(c)));
  return {
    totals: sql<{ exchanges: number | string; gave: number | string | null; received: number | string | null }>`
      select count(*) as exchanges, sum(${length('gave')}) as gave, sum(${length('received')}) as received
      from exchanges e where e.workspace_id = ${workspaceId}`,
    people: sql<{ personId: string; exchanges: number | string; gave: number | string; received: number | string; lastExchangeOn: string; onlineOnly: number | string }>`
      select ep.person_id as "personId", count(*) as exchanges, sum(${length('gave')}) as gave, sum(${length('received')}) as received,
        max(e.occurred_on) as "lastExchangeOn", min(case when e.channel in (${online}) then 1 else 0 end) as "onlineOnly"
      from exchanges e cross join exchange_people ep
      where e.workspace_id = ${workspaceId} and ep.exchange_id = e.id
      group by ep.person_id`,
  };
}
