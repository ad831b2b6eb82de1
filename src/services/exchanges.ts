import type { FollowUpInput, LogExchangeInput } from '../contract/inputs.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { JournalEntry } from '../core/check/types.js';
import type { Exchange, FollowUp, GivenItem, ReceivedItem } from '../core/model.js';
import { stageAfterExchange } from '../core/stage-rules.js';
import { fulfilsHandSetDate } from '../core/next-contact.js';
import { sql, type Updateable } from 'kysely';
import type { PeopleTable } from '../storage/schema.js';
import type { Channel, FollowUpKind, FollowUpStatus, Initiator, Stage } from '../core/vocabulary.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { getNetwork } from './networks.js';
import { completeTargetsByExchange } from './plan-completion.js';
import { chunks, parseJsonList, toExchange, toFollowUp } from './rows.js';
import { scrubAfterErase } from '../storage/erasure.js';

/** A thank-you is due within two days; other follow-ups within a week, unless a date is given. */
export const FOLLOW_UP_DEFAULT_DAYS: Record<FollowUpKind, number> = {
  'thank-you': 2,
  question: 7,
  resource: 7,
  introduction: 7,
  other: 7,
};

export interface LoggedExchange {
  exchange: Exchange;
  followUps: FollowUp[];
}

/**
 * Records an exchange with one or more people, with its follow-ups, in one
 * transaction. Logging moves each person's next contact (see core/next-contact)
 * and advances an early stage (see core/stage-rules).
 */
export async function logExchange(ctx: ServiceContext, input: LogExchangeInput): Promise<LoggedExchange> {
  const personIds = [...new Set(input.personIds)];
  const occurredOn = input.occurredOn ?? today(ctx);
  return inTransaction(ctx, async (trx) => {
    const people = await trx.db.selectFrom('people').select(['id', 'stage', 'nextContactOn', 'nextContactSetOn']).where('workspaceId', '=', trx.workspaceId).where('id', 'in', personIds).execute();
    const missing = personIds.filter((id) => !people.some((p) => p.id === id));
    if (missing.length > 0) throw new NotFoundError('person', missing.join(', '));
    if (input.networkId) await getNetwork(trx, input.networkId);

    const id = trx.ids('ex');
    const initiatedBy = input.initiatedBy ?? 'me';
    await trx.db
      .insertInto('exchanges')
      .values({
        id,
        workspaceId: trx.workspaceId,
        occurredOn,
        channel: input.channel,
        initiatedBy,
        networkId: input.networkId ?? null,
        gave: JSON.stringify((input.gave ?? []).map((g) => ({ kind: g.kind, note: g.note ?? null }))),
        received: JSON.stringify((input.received ?? []).map((r) => ({ kind: r.kind, note: r.note ?? null }))),
        learned: input.learned ?? null,
        feeling: input.feeling ?? null,
        notes: input.notes ?? null,
        createdAt: nowTimestamp(trx),
      })
      .execute();
    await trx.db
      .insertInto('exchangePeople')
      .values(personIds.map((personId) => ({ exchangeId: id, personId, workspaceId: trx.workspaceId, occurredOn })))
      .execute();

    for (const person of people) {
      const changes: Updateable<PeopleTable> = {};
      const stage = stageAfterExchange(person.stage as Stage, input.channel, initiatedBy);
      if (stage !== person.stage) changes.stage = stage;
      if (person.nextContactOn !== null && fulfilsHandSetDate(person.nextContactSetOn, occurredOn)) {
        changes.nextContactOn = null;
        changes.nextContactSetOn = null;
      }
      if (Object.keys(changes).length > 0) {
        await trx.db.updateTable('people').set({ ...changes, updatedAt: nowTimestamp(trx) }).where('id', '=', person.id).execute();
      }
    }

    await completeTargetsByExchange(trx, id, personIds, occurredOn);

    const followUps: FollowUp[] = [];
    for (const followUp of input.followUps ?? []) {
      const personId = followUp.personId ?? personIds[0] ?? null;
      if (personId && !personIds.includes(personId)) {
        throw new ValidationError('followUps.personId', `${personId} is not one of the people in this exchange`);
      }
      followUps.push(await insertFollowUp(trx, followUp, { exchangeId: id, personId, from: occurredOn }));
    }
    return { exchange: await getExchange(trx, id), followUps };
  });
}

export async function getExchange(ctx: ServiceContext, id: string): Promise<Exchange> {
  const row = await ctx.db.selectFrom('exchanges').selectAll().where('workspaceId', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('exchange', id);
  const people = await ctx.db.selectFrom('exchangePeople').select('personId').where('exchangeId', '=', id).orderBy('personId').execute();
  return toExchange(row, people.map((p) => p.personId));
}

export interface ExchangeFilter {
  personId?: string;
  networkId?: string;
  from?: IsoDate;
  to?: IsoDate;
  limit?: number;
  offset?: number;
}

/** Exchanges, newest first. */
export async function listExchanges(ctx: ServiceContext, filter: ExchangeFilter = {}): Promise<{ items: Exchange[]; total: number }> {
  let base = ctx.db.selectFrom('exchanges').where('exchanges.workspaceId', '=', ctx.workspaceId);
  const personId = filter.personId;
  if (personId) base = base.where((eb) => eb.exists(eb.selectFrom('exchangePeople').select('personId').whereRef('exchangePeople.exchangeId', '=', 'exchanges.id').where('exchangePeople.personId', '=', personId)));
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
    const links = await ctx.db.selectFrom('exchangePeople').select(['exchangeId', 'personId']).where('workspaceId', '=', ctx.workspaceId).orderBy('exchangeId').orderBy('personId').execute();
    for (const link of links) addLink(link);
  } else {
    for (const chunk of chunks(rows.map((r) => r.id))) {
      for (const link of await ctx.db.selectFrom('exchangePeople').select(['exchangeId', 'personId']).where('exchangeId', 'in', chunk).orderBy('personId').execute()) addLink(link);
    }
  }
  return { items: rows.map((r) => toExchange(r, peopleByExchange.get(r.id) ?? [])), total };
}

export async function removeExchange(ctx: ServiceContext, id: string): Promise<Exchange> {
  const removed = await inTransaction(ctx, async (trx) => {
    const exchange = await getExchange(trx, id);
    await trx.db.deleteFrom('exchanges').where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
    return exchange;
  });
  await scrubAfterErase(ctx.db, { kind: 'record' });
  return removed;
}

async function insertFollowUp(ctx: ServiceContext, input: FollowUpInput, link: { exchangeId: string | null; personId: string | null; from: IsoDate }): Promise<FollowUp> {
  const kind = input.kind ?? 'other';
  const id = ctx.ids('fu');
  const row = {
    id,
    workspaceId: ctx.workspaceId,
    exchangeId: link.exchangeId,
    personId: link.personId,
    kind,
    description: input.description,
    dueOn: input.dueOn ?? addDays(link.from, FOLLOW_UP_DEFAULT_DAYS[kind]),
    status: 'open',
    closedOn: null,
    createdAt: nowTimestamp(ctx),
  };
  await ctx.db.insertInto('followUps').values(row).execute();
  return toFollowUp(row);
}

/** A follow-up on its own, not tied to a logged exchange. */
export async function addFollowUp(ctx: ServiceContext, input: FollowUpInput): Promise<FollowUp> {
  if (input.personId) {
    const found = await ctx.db.selectFrom('people').select('id').where('workspaceId', '=', ctx.workspaceId).where('id', '=', input.personId).executeTakeFirst();
    if (!found) throw new NotFoundError('person', input.personId);
  }
  return insertFollowUp(ctx, input, { exchangeId: null, personId: input.personId ?? null, from: today(ctx) });
}

export async function listFollowUps(ctx: ServiceContext, filter: { status?: FollowUpStatus; personId?: string } = {}): Promise<FollowUp[]> {
  let q = ctx.db.selectFrom('followUps').selectAll().where('workspaceId', '=', ctx.workspaceId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.personId) q = q.where('personId', '=', filter.personId);
  return (await q.orderBy('dueOn').orderBy('id').execute()).map(toFollowUp);
}

/** Marks a follow-up done or dropped, today. */
export async function closeFollowUp(ctx: ServiceContext, id: string, status: Exclude<FollowUpStatus, 'open'>): Promise<FollowUp> {
  const row = await ctx.db.selectFrom('followUps').selectAll().where('workspaceId', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('follow-up', id);
  const closedOn = today(ctx);
  await ctx.db.updateTable('followUps').set({ status, closedOn }).where('id', '=', id).execute();
  return toFollowUp({ ...row, status, closedOn });
}

/**
 * The whole journal as the network check reads it: who, when, how and what went
 * each way, without the words. Two queries, no sorting, for maps with tens of
 * thousands of exchanges.
 */
interface JournalRow {
  id: string;
  occurredOn: string;
  channel: string;
  initiatedBy: string;
  networkId: string | null;
  gave: string;
  received: string;
}

export async function listJournalEntries(ctx: ServiceContext): Promise<JournalEntry[]> {
  // Without the camel-case plugin and with the names aliased in SQL: on 50,000 rows
  // the plugin's per-row copy costs more than the query itself.
  const raw = ctx.db.withoutPlugins();
  const rows = (
    await sql<JournalRow>`select id, occurred_on as "occurredOn", channel, initiated_by as "initiatedBy", network_id as "networkId", gave, received
      from exchanges where workspace_id = ${ctx.workspaceId}`.execute(raw)
  ).rows;
  const links = (await sql<{ exchangeId: string; personId: string }>`select exchange_id as "exchangeId", person_id as "personId" from exchange_people where workspace_id = ${ctx.workspaceId}`.execute(raw)).rows;
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
