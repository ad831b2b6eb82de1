import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { ONLINE_CHANNELS, type JournalSummary, type PersonJournal } from '../core/check/journal-summary.js';
import type { Database } from './schema.js';

/**
 * The journal as the network check needs it (core/check/journal-summary.ts), summed by the
 * database with the same rules as the core's `summariseJournal`, which the check's tests hold
 * it to on both databases. Each person's sums are kept on their row by the writes that change
 * them (`refreshJournalColumns`, storage/derived.ts; migration 2026-12-09T1300-person-journal-totals),
 * so the check reads one entry a person with exchanges (on SQLite from a partial index holding them,
 * written to match the where clause here); grouping every exchange's people here was
 * most of `waggle check`'s database time at 5,000 people. The totals are one pass over the
 * exchanges: on SQLite through an index holding what it sums (migration
 * 2026-12-07T1200-journal-summary-index: the length expressions here must be written as it writes them).
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
        exchanges: p.exchanges,
        gave: p.gave,
        received: p.received,
        lastExchangeOn: p.lastExchangeOn,
        onlineOnly: p.onlineOnly === 1,
      }),
    ),
  };
}

/** Lists are JSON text in both databases; PostgreSQL reads them as json first. */
function itemCount(db: Kysely<Database>, column: 'gave' | 'received') {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return sql.raw(postgres ? `json_array_length(e.${column}::json)` : `json_array_length(e.${column})`);
}

/** The summary's two queries, apart so that a test can ask the database how it plans them. */
export function journalSummaryQueries(db: Kysely<Database>, workspaceId: string) {
  return {
    totals: sql<{ exchanges: number | string; gave: number | string | null; received: number | string | null }>`
      select count(*) as exchanges, sum(${itemCount(db, 'gave')}) as gave, sum(${itemCount(db, 'received')}) as received
      from exchanges e where e.workspace_id = ${workspaceId}`,
    people: sql<{ personId: string; exchanges: number; gave: number; received: number; lastExchangeOn: string; onlineOnly: number }>`
      select p.id as "personId", p.journal_exchanges as exchanges, p.journal_gave as gave, p.journal_received as received,
        p.last_exchange_on as "lastExchangeOn", p.journal_online_only as "onlineOnly"
      from people p where p.workspace_id = ${workspaceId} and p.journal_exchanges > 0`,
  };
}

/**
 * Each person's sums over their exchanges, grouped from the exchanges' people: what
 * `refreshJournalColumns` keeps on the person's row, by the rules of the core's `countExchange`
 * (someone is in an exchange once, by its key; online only when every exchange was).
 */
export function journalSumsByPerson(db: Kysely<Database>, workspaceId: string) {
  const online = sql.join([...ONLINE_CHANNELS].map((c) => sql.lit(c)));
  return db
    .selectFrom('exchangePeople as ep')
    .innerJoin('exchanges as e', 'e.id', 'ep.exchangeId')
    .select((eb) => [
      'ep.personId',
      eb.fn.countAll<number>().as('exchanges'),
      sql<number>`sum(${itemCount(db, 'gave')})`.as('gave'),
      sql<number>`sum(${itemCount(db, 'received')})`.as('received'),
      eb.fn.max('e.occurredOn').as('lastExchangeOn'),
      sql<number>`min(case when e.channel in (${online}) then 1 else 0 end)`.as('onlineOnly'),
    ])
    .where('ep.workspaceId', '=', workspaceId)
    .groupBy('ep.personId');
}
