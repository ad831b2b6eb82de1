import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The journal summed per person, kept on the person's row beside `last_exchange_on`: how many
 * exchanges, the items given and received over them, and whether every one was online (email,
 * social media, video). The network check read these by grouping every exchange's people
 * (57,000 rows at 5,000 people, the most of `waggle check`'s database time); now it reads one
 * row a person. Kept by the writes that keep `last_exchange_on` (services/rhythm.ts,
 * storage/derived.ts), derived, so left out of backups and worked out again on restore.
 * Filled here for the exchanges already logged. On SQLite a partial index holds all the check
 * reads of them, for the people with exchanges only: reading the wide people rows instead cost
 * three times as much on a first read. Frozen once shipped.
 */
const COLUMNS = ['journal_exchanges', 'journal_gave', 'journal_received', 'journal_online_only'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of COLUMNS) await db.schema.alterTable('people').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const length = (column: 'gave' | 'received') => sql.raw(postgres ? `json_array_length(e.${column}::json)` : `json_array_length(e.${column})`);
  await sql`
    update people set
      journal_exchanges = j.exchanges, journal_gave = j.gave, journal_received = j.received, journal_online_only = j.online_only
    from (
      select ep.person_id, count(*) as exchanges, sum(${length('gave')}) as gave, sum(${length('received')}) as received,
        min(case when e.channel in ('email', 'social-media', 'video') then 1 else 0 end) as online_only
      from exchange_people ep join exchanges e on e.id = ep.exchange_id
      group by ep.person_id
    ) j
    where people.id = j.person_id`.execute(db);
  if (postgres) return;
  await sql`create index people_journal on people (workspace_id, id, last_exchange_on, journal_exchanges, journal_gave, journal_received, journal_online_only) where journal_exchanges > 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists people_journal`.execute(db);
  for (const column of COLUMNS) await db.schema.alterTable('people').dropColumn(column).execute();
}
