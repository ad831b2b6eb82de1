import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ExchangeFilter, FollowUpFilter } from '../contract/filters.js';
import type { JournalEntry } from '../core/check/types.js';
import type { Exchange, FollowUp, GivenItem, ReceivedItem } from '../core/model.js';
import type { Channel, Feeling, FollowUpKind, FollowUpStatus, Initiator } from '../core/vocabulary.js';
import { chunks } from './chunks.js';
import { compiledOnce } from './compiled-once.js';
import { parseJsonList } from './columns.js';
import { openTargetsCompletedUpdate } from './plans.js';
import type { Database, ExchangesTable, FollowUpsTable, PeopleTable } from './schema.js';

type ExchangePeopleTable = Database['exchangePeople'];

/* The journal aggregate: exchanges and their follow-ups. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toExchange(row: Selectable<ExchangesTable>, personIds: string[]): Exchange {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    channel: row.channel as Channel,
    initiatedBy: row.initiatedBy as Initiator,
    personIds,
    networkId: row.networkId,
    gave: parseJsonList(row.gave),
    received: parseJsonList(row.received),
    learned: row.learned,
    feeling: row.feeling as Feeling | null,
    notes: row.notes,
    createdAt: row.createdAt,
  };
}

export function toFollowUp(row: Selectable<FollowUpsTable>): FollowUp {
  return {
    id: row.id,
    exchangeId: row.exchangeId,
    personId: row.personId,
    kind: row.kind as FollowUpKind,
    description: row.description,
    dueOn: row.dueOn,
    status: row.status as FollowUpStatus,
    closedOn: row.closedOn,
    createdAt: row.createdAt,
  };
}

/**
 * What a person's row says before an exchange is logged with them: the stage and next contact logging may
 * move, what their next contact follows from (cadence, day added, last exchange), and their last logging sequence number (0 when none: the next exchange with them is one more),
 * read in the same statement rather than a second one per exchange logged.
 */
/*
 * The statements every logged exchange runs are compiled once (compiled-once.ts): building them
 * through Kysely cost more than running them.
 */
const peopleBeforeExchange = compiledOnce((db, { workspaceId, personIds }: { workspaceId: string; personIds: readonly string[] }) =>
  db
    .selectFrom('people')
    .select((eb) => [
      'id',
      'stage',
      'nextContactOn',
      'nextContactSetOn',
      'cadence',
      'addedOn',
      'lastExchangeOn',
      eb.selectFrom('exchangePeople as ep').select((e) => e.fn.max('ep.loggedSeq').as('seq')).where('ep.workspaceId', '=', workspaceId).whereRef('ep.personId', '=', 'people.id').as('lastLoggedSeq'),
    ])
    .where('workspaceId', '=', workspaceId)
    .where('id', 'in', [...personIds]),
);

/** peopleBeforeExchange compiled, not run: the write carries it in its lock's statement (people-list-patch.ts readFirst). */
export function peopleBeforeExchangeRead(db: Kysely<Database>, workspaceId: string, personIds: readonly string[]) {
  return peopleBeforeExchange.compiled(db, { workspaceId, personIds });
}

type PersonBeforeExchange = ReturnType<typeof peopleBeforeExchangeRead> extends CompiledQuery<infer R> ? R : never;

/** Its rows as the rules read them: the last logging sequence a number (0 for none), whether read as a row or carried as JSON. */
export function peopleBeforeExchangeRows(rows: readonly PersonBeforeExchange[]) {
  return rows.map((row) => ({ ...row, lastLoggedSeq: Number(row.lastLoggedSeq ?? 0) }));
}

/** An exchange's row, every column given (Insertable's optional ones as null): one statement text. */
type ExchangeRow = { [K in keyof Insertable<ExchangesTable>]-?: Exclude<Insertable<ExchangesTable>[K], undefined> };
const exchangeInsert = compiledOnce((db, row: ExchangeRow) => db.insertInto('exchanges').values(row));

export async function insertExchangeRow(db: Kysely<Database>, row: ExchangeRow): Promise<void> {
  await exchangeInsert(db, row);
}

type ExchangePersonRow = { [K in keyof Insertable<ExchangePeopleTable>]-?: Exclude<Insertable<ExchangePeopleTable>[K], undefined> };
const exchangePersonInsert = compiledOnce((db, row: ExchangePersonRow) => db.insertInto('exchangePeople').values(row));

export async function insertExchangePersonRow(db: Kysely<Database>, row: ExchangePersonRow): Promise<void> {
  await exchangePersonInsert(db, row);
}

/**
 * PostgreSQL: a new exchange with one person, its link to them, and the plan's open targets it meets
 * (`completing`, plans.ts), in one statement of data-modifying CTEs where they were three round trips.
 * One statement, one snapshot: the three write different tables and none reads what another writes (the
 * link's reference to the exchange is checked at the statement's end, when both rows are in). SQLite has
 * no writes in a `with`: there, and for more people, the caller writes them one by one.
 */
const exchangeWithOnePersonInsert = compiledOnce((db, v: ExchangeRow & { [K in keyof ExchangePersonRow as `person_${K}`]: ExchangePersonRow[K] } & { targetsMonth: string }) =>
  db
    .with('exchange', (qb) =>
      qb.insertInto('exchanges').values({
        id: v.id,
        workspaceId: v.workspaceId,
        occurredOn: v.occurredOn,
        channel: v.channel,
        initiatedBy: v.initiatedBy,
        networkId: v.networkId,
        gave: v.gave,
        received: v.received,
        learned: v.learned,
        feeling: v.feeling,
        notes: v.notes,
        createdAt: v.createdAt,
      }),
    )
    .with('targets', (qb) => openTargetsCompletedUpdate(qb as unknown as Kysely<Database>, { workspaceId: v.workspaceId, month: v.targetsMonth, personIds: [v.person_personId], exchangeId: v.id, occurredOn: v.occurredOn }))
    .insertInto('exchangePeople')
    .values({
      exchangeId: v.person_exchangeId,
      personId: v.person_personId,
      workspaceId: v.person_workspaceId,
      occurredOn: v.person_occurredOn,
      stageBefore: v.person_stageBefore,
      stageAfter: v.person_stageAfter,
      loggedSeq: v.person_loggedSeq,
      clearedNextContactOn: v.person_clearedNextContactOn,
      clearedNextContactSetOn: v.person_clearedNextContactSetOn,
    }),
);

export async function insertExchangeWithOnePerson(db: Kysely<Database>, row: ExchangeRow, person: ExchangePersonRow, completing: { month: string }): Promise<void> {
  const prefixed = Object.fromEntries(Object.entries(person).map(([key, value]) => [`person_${key}`, value])) as { [K in keyof ExchangePersonRow as `person_${K}`]: ExchangePersonRow[K] };
  await exchangeWithOnePersonInsert(db, { ...row, ...prefixed, targetsMonth: completing.month });
}

/** A change a logged (or removed) exchange makes to a person's stage and next contact. */
export async function updatePersonAfterExchange(db: Kysely<Database>, personId: string, changes: Updateable<PeopleTable>): Promise<void> {
  await db.updateTable('people').set(changes).where('id', '=', personId).execute();
}

/** The exchange, with the people in it in id order; undefined when the workspace has none by that id. */
export async function findExchange(db: Kysely<Database>, workspaceId: string, id: string): Promise<Exchange | undefined> {
  const row = await db.selectFrom('exchanges').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const people = await db.selectFrom('exchangePeople').select('personId').where('exchangeId', '=', id).orderBy('personId').execute();
  return toExchange(row, people.map((p) => p.personId));
}

/** Exchanges, newest first: a page of them by the filter, and their count. */
export async function selectExchanges(db: Kysely<Database>, workspaceId: string, filter: ExchangeFilter = {}): Promise<{ items: Exchange[]; total: number }> {
  let base = db.selectFrom('exchanges').where('exchanges.workspaceId', '=', workspaceId);
  const personId = filter.personId;
  // From the person's own links (an index on person_id), not a walk through the workspace's journal.
  if (personId) base = base.where('exchanges.id', 'in', (eb) => eb.selectFrom('exchangePeople').select('exchangePeople.exchangeId').where('exchangePeople.personId', '=', personId));
  if (filter.networkId) base = base.where('exchanges.networkId', '=', filter.networkId);
  if (filter.from) base = base.where('exchanges.occurredOn', '>=', filter.from);
  if (filter.to) base = base.where('exchanges.occurredOn', '<=', filter.to);
  const paged = filter.limit !== undefined || filter.offset !== undefined;
  let rowsQuery = base.selectAll('exchanges').orderBy('exchanges.occurredOn', 'desc').orderBy('exchanges.createdAt', 'desc').orderBy('exchanges.id');
  if (filter.limit !== undefined) rowsQuery = rowsQuery.limit(filter.limit);
  if (filter.offset !== undefined) rowsQuery = (filter.limit === undefined ? rowsQuery.limit(Number.MAX_SAFE_INTEGER) : rowsQuery).offset(filter.offset);
  const rows = await rowsQuery.execute();
  // Without paging the rows are the total; only a page needs counting.
  const total = paged ? Number((await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count) : rows.length;
  const peopleByExchange = new Map<string, string[]>();
  const addLink = (link: { exchangeId: string; personId: string }) => {
    const list = peopleByExchange.get(link.exchangeId);
    if (list) list.push(link.personId);
    else peopleByExchange.set(link.exchangeId, [link.personId]);
  };
  const everything = !paged && !filter.personId && !filter.networkId && !filter.from && !filter.to;
  if (everything) {
    // The whole journal (the network check reads it): one query, not one per thousand.
    const links = await db.selectFrom('exchangePeople').select(['exchangeId', 'personId']).where('workspaceId', '=', workspaceId).orderBy('exchangeId').orderBy('personId').execute();
    for (const link of links) addLink(link);
  } else {
    for (const chunk of chunks(rows.map((r) => r.id))) {
      for (const link of await db.selectFrom('exchangePeople').select(['exchangeId', 'personId']).where('exchangeId', 'in', chunk).orderBy('personId').execute()) addLink(link);
    }
  }
  return { items: rows.map((r) => toExchange(r, peopleByExchange.get(r.id) ?? [])), total };
}

export async function deleteExchange(db: Kysely<Database>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('exchanges').where('id', '=', id).where('workspaceId', '=', workspaceId).execute();
}

/** Each person's days with an exchange, one row per exchange and person, in no order. */
export async function selectExchangeDays(db: Kysely<Database>, workspaceId: string): Promise<{ personId: string; occurredOn: string }[]> {
  return db.selectFrom('exchangePeople').select(['personId', 'occurredOn']).where('workspaceId', '=', workspaceId).execute();
}

/** The exchanges logged with a person, by id. */
export async function exchangeIdsWith(db: Kysely<Database>, personId: string): Promise<string[]> {
  return (await db.selectFrom('exchangePeople').select('exchangeId').where('personId', '=', personId).execute()).map((r) => r.exchangeId);
}

/** Deletes those of these exchanges that nobody is left in (once a person has gone); an exchange shared with others stays. */
export async function deleteExchangesWithNobody(db: Kysely<Database>, exchangeIds: readonly string[]): Promise<void> {
  for (const chunk of chunks(exchangeIds)) {
    await db
      .deleteFrom('exchanges')
      .where('id', 'in', chunk)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('exchangePeople').select('personId').whereRef('exchangePeople.exchangeId', '=', 'exchanges.id'))))
      .execute();
  }
}

/** A person's stage and hand-set next contact, which removing an exchange may move back. */
export async function findPersonBeforeUndo(db: Kysely<Database>, workspaceId: string, personId: string): Promise<{ stage: string; nextContactOn: string | null } | undefined> {
  return db.selectFrom('people').select(['stage', 'nextContactOn']).where('id', '=', personId).where('workspaceId', '=', workspaceId).executeTakeFirst();
}

/** Every exchange logged with a person, with what logging it recorded (stages, the next contact it cleared), in no order. */
export async function selectLoggedExchangesOf(db: Kysely<Database>, workspaceId: string, personId: string) {
  return db
    .selectFrom('exchangePeople')
    .innerJoin('exchanges', 'exchanges.id', 'exchangePeople.exchangeId')
    .select([
      'exchangePeople.exchangeId',
      'exchangePeople.occurredOn',
      'exchangePeople.stageBefore',
      'exchangePeople.stageAfter',
      'exchangePeople.loggedSeq',
      'exchangePeople.clearedNextContactOn',
      'exchangePeople.clearedNextContactSetOn',
      'exchanges.channel',
      'exchanges.initiatedBy',
      'exchanges.createdAt',
    ])
    .where('exchangePeople.personId', '=', personId)
    .where('exchangePeople.workspaceId', '=', workspaceId)
    .execute();
}

/** Changes what one exchange recorded for one person (its stages, or the next contact it cleared). */
export async function updateExchangePersonRecord(db: Kysely<Database>, exchangeId: string, personId: string, changes: Updateable<ExchangePeopleTable>): Promise<void> {
  await db.updateTable('exchangePeople').set(changes).where('exchangeId', '=', exchangeId).where('personId', '=', personId).execute();
}

export async function insertFollowUpRow(db: Kysely<Database>, row: Insertable<FollowUpsTable>): Promise<void> {
  await db.insertInto('followUps').values(row).execute();
}

/** Follow-ups by the filter, soonest due first. */
export async function selectFollowUps(db: Kysely<Database>, workspaceId: string, filter: FollowUpFilter = {}): Promise<Selectable<FollowUpsTable>[]> {
  let q = db.selectFrom('followUps').selectAll().where('workspaceId', '=', workspaceId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.personId) q = q.where('personId', '=', filter.personId);
  return q.orderBy('dueOn').orderBy('id').execute();
}

export async function findFollowUpRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<Selectable<FollowUpsTable> | undefined> {
  return db.selectFrom('followUps').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function closeFollowUpRow(db: Kysely<Database>, id: string, status: Exclude<FollowUpStatus, 'open'>, closedOn: string): Promise<void> {
  await db.updateTable('followUps').set({ status, closedOn }).where('id', '=', id).execute();
}

type JournalRow = Pick<ExchangesTable, 'id' | 'occurredOn' | 'channel' | 'initiatedBy' | 'networkId' | 'gave' | 'received'>;

/**
 * The whole journal as the network check reads it: who, when, how and what went
 * each way, without the words. Two queries, no sorting, for maps with tens of
 * thousands of exchanges.
 */
export async function selectJournalEntries(db: Kysely<Database>, workspaceId: string): Promise<JournalEntry[]> {
  // Without the camel-case plugin and with the names aliased in SQL: on 50,000 rows
  // the plugin's per-row copy costs more than the query itself.
  const raw = db.withoutPlugins();
  const rows = (
    await sql<JournalRow>`select id, occurred_on as "occurredOn", channel, initiated_by as "initiatedBy", network_id as "networkId", gave, received
      from exchanges where workspace_id = ${workspaceId}`.execute(raw)
  ).rows;
  const links = (await sql<{ exchangeId: string; personId: string }>`select exchange_id as "exchangeId", person_id as "personId" from exchange_people where workspace_id = ${workspaceId}`.execute(raw)).rows;
  const people = new Map<string, string[]>();
  for (const link of links) {
    const list = people.get(link.exchangeId);
    if (list) list.push(link.personId);
    else people.set(link.exchangeId, [link.personId]);
  }
  return rows.map((row) => ({
    id: row.id,
    occurredOn: row.occurredOn,
    channel: row.channel as Channel,
    initiatedBy: row.initiatedBy as Initiator,
    personIds: people.get(row.id) ?? [],
    networkId: row.networkId,
    gave: parseJsonList<GivenItem>(row.gave),
    received: parseJsonList<ReceivedItem>(row.received),
  }));
}
