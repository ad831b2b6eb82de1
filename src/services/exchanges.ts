import type { ExchangeFilter, FollowUpFilter } from '../contract/filters.js';
import type { FollowUpInput, LogExchangeInput } from '../contract/inputs.js';
import { addDays, compareDates, type IsoDate } from '../core/dates.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { JournalEntry } from '../core/check/types.js';
import type { Exchange, FollowUp, GivenItem, ReceivedItem } from '../core/model.js';
import { stageAfterExchange, stageWithoutExchange, type StageStep } from '../core/stage-rules.js';
import { fulfilsHandSetDate, handSetDateAfterRemoval } from '../core/next-contact.js';
import { sql, type Updateable } from 'kysely';
import type { PeopleTable } from '../storage/schema.js';
import { STAGES, type Channel, type FollowUpKind, type FollowUpStatus, type Initiator, type Stage } from '../core/vocabulary.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { getNetwork } from './networks.js';
import { completeTargetsByExchange, reopenTargetsOfExchange } from './plan-completion.js';
import { chunks } from '../storage/chunks.js';
import { parseJsonList } from '../storage/columns.js';
import { toExchange, toFollowUp } from '../storage/journal.js';
import { scrubAfterErase } from '../storage/erasure.js';
import { refreshRhythm } from './rhythm.js';

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

/** The refusal of an exchange dated after today: it has not happened yet, so it is planned, not logged. */
export function futureExchangeError(occurredOn: IsoDate, todayIs: IsoDate): ValidationError {
  return new ValidationError(
    'occurredOn',
    `${occurredOn} is after today (${todayIs}): log an exchange once it has happened. To plan it, put the person in a month's plan (waggle plan add NAME) or add a follow-up on that date (waggle follow-up add TEXT --person NAME --due ${occurredOn}).`,
  );
}

/**
 * Records an exchange with one or more people, with its follow-ups, in one
 * transaction. Logging moves each person's next contact (see core/next-contact)
 * and advances an early stage (see core/stage-rules); what it did to each person
 * is kept on the exchange, so that removing it can undo exactly that. An
 * exchange dated after today (in the profile's time zone) is refused.
 */
export async function logExchange(ctx: ServiceContext, input: LogExchangeInput): Promise<LoggedExchange> {
  const personIds = [...new Set(input.personIds)];
  const todayIs = today(ctx);
  const occurredOn = input.occurredOn ?? todayIs;
  if (compareDates(occurredOn, todayIs) > 0) throw futureExchangeError(occurredOn, todayIs);
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
    const seqs = await trx.db
      .selectFrom('exchangePeople')
      .select(['personId', (e) => e.fn.max('loggedSeq').as('seq')])
      .where('workspaceId', '=', trx.workspaceId)
      .where('personId', 'in', personIds)
      .groupBy('personId')
      .execute();
    const lastSeq = new Map(seqs.map((s) => [s.personId, Number(s.seq ?? 0)]));
    for (const personId of personIds) {
      const person = people.find((p) => p.id === personId)!;
      const changes: Updateable<PeopleTable> = {};
      const stage = stageAfterExchange(person.stage as Stage, input.channel, initiatedBy);
      if (stage !== person.stage) changes.stage = stage;
      const clears = person.nextContactOn !== null && fulfilsHandSetDate(person.nextContactSetOn, occurredOn);
      if (clears) {
        changes.nextContactOn = null;
        changes.nextContactSetOn = null;
      }
      await trx.db
        .insertInto('exchangePeople')
        .values({
          exchangeId: id,
          personId,
          workspaceId: trx.workspaceId,
          occurredOn,
          stageBefore: person.stage,
          stageAfter: stage,
          loggedSeq: (lastSeq.get(personId) ?? 0) + 1,
          clearedNextContactOn: clears ? person.nextContactOn : null,
          clearedNextContactSetOn: clears ? person.nextContactSetOn : null,
        })
        .execute();
      if (Object.keys(changes).length > 0) {
        await trx.db.updateTable('people').set({ ...changes, updatedAt: nowTimestamp(trx) }).where('id', '=', person.id).execute();
      }
    }

    await refreshRhythm(trx, personIds);
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

/** Exchanges, newest first. */
export async function listExchanges(ctx: ServiceContext, filter: ExchangeFilter = {}): Promise<{ items: Exchange[]; total: number }> {
  let base = ctx.db.selectFrom('exchanges').where('exchanges.workspaceId', '=', ctx.workspaceId);
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
    const links = await ctx.db.selectFrom('exchangePeople').select(['exchangeId', 'personId']).where('workspaceId', '=', ctx.workspaceId).orderBy('exchangeId').orderBy('personId').execute();
    for (const link of links) addLink(link);
  } else {
    for (const chunk of chunks(rows.map((r) => r.id))) {
      for (const link of await ctx.db.selectFrom('exchangePeople').select(['exchangeId', 'personId']).where('exchangeId', 'in', chunk).orderBy('personId').execute()) addLink(link);
    }
  }
  return { items: rows.map((r) => toExchange(r, peopleByExchange.get(r.id) ?? [])), total };
}

/**
 * Removes an exchange as if it had never been logged: each person's stage moves
 * back where logging moved it (never undoing a stage set by hand since; see
 * core/stage-rules `stageWithoutExchange`), a hand-set next contact it fulfilled
 * comes back (see core/next-contact `handSetDateAfterRemoval`), the last
 * exchange (and so the cadence's next contact) is the one before, and a plan
 * target it completed is open again.
 */
export async function removeExchange(ctx: ServiceContext, id: string): Promise<Exchange> {
  const removed = await inTransaction(ctx, async (trx) => {
    const exchange = await getExchange(trx, id);
    for (const personId of exchange.personIds) await undoForPerson(trx, id, personId);
    await reopenTargetsOfExchange(trx, id);
    await trx.db.deleteFrom('exchanges').where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
    await refreshRhythm(trx, exchange.personIds);
    return exchange;
  });
  await scrubAfterErase(ctx.db, { kind: 'record' });
  return removed;
}

/** A recorded stage, or null when there is none or it is not a stage (a hand-edited backup): no record, nothing undone. */
function knownStage(value: string | null): Stage | null {
  return value !== null && (STAGES as readonly string[]).includes(value) ? (value as Stage) : null;
}

/** Undoes what logging exchange `id` did to one person (before the exchange itself is deleted). */
async function undoForPerson(ctx: ServiceContext, id: string, personId: string): Promise<void> {
  const person = await ctx.db.selectFrom('people').select(['stage', 'nextContactOn']).where('id', '=', personId).where('workspaceId', '=', ctx.workspaceId).executeTakeFirst();
  if (!person) return;
  const links = await ctx.db
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
    .where('exchangePeople.workspaceId', '=', ctx.workspaceId)
    .execute();
  // The order the rules ran in: exchanges with no record first (they came before records were kept), then as logged.
  links.sort((a, b) => (a.loggedSeq ?? 0) - (b.loggedSeq ?? 0) || compareDates(a.occurredOn, b.occurredOn) || a.createdAt.localeCompare(b.createdAt));
  const removedAt = links.findIndex((l) => l.exchangeId === id);
  const link = links[removedAt];
  if (!link) return;
  const steps: StageStep[] = links.map((l) => ({
    exchangeId: l.exchangeId,
    channel: l.channel as Channel,
    initiatedBy: l.initiatedBy as Initiator,
    stageBefore: knownStage(l.stageBefore),
    stageAfter: knownStage(l.stageAfter),
  }));
  const undo = stageWithoutExchange(person.stage as Stage, steps, id);
  for (const step of undo.rewritten) {
    await ctx.db.updateTable('exchangePeople').set({ stageBefore: step.stageBefore, stageAfter: step.stageAfter }).where('exchangeId', '=', step.exchangeId).where('personId', '=', personId).execute();
  }
  const cleared = link.clearedNextContactOn === null ? null : { nextContactOn: link.clearedNextContactOn, setOn: link.clearedNextContactSetOn };
  const later = links.slice(removedAt + 1).filter((l) => l.loggedSeq !== null);
  const date = handSetDateAfterRemoval(cleared, person.nextContactOn, later);
  if (date.passTo) {
    await ctx.db
      .updateTable('exchangePeople')
      .set({ clearedNextContactOn: link.clearedNextContactOn, clearedNextContactSetOn: link.clearedNextContactSetOn })
      .where('exchangeId', '=', date.passTo)
      .where('personId', '=', personId)
      .execute();
  }
  const changes: Updateable<PeopleTable> = {};
  if (undo.stage !== person.stage) changes.stage = undo.stage;
  if (date.restore) {
    changes.nextContactOn = date.restore.nextContactOn;
    changes.nextContactSetOn = date.restore.setOn;
  }
  if (Object.keys(changes).length > 0) await ctx.db.updateTable('people').set({ ...changes, updatedAt: nowTimestamp(ctx) }).where('id', '=', personId).execute();
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

export async function listFollowUps(ctx: ServiceContext, filter: FollowUpFilter = {}): Promise<FollowUp[]> {
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
