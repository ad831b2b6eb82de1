import type { ExchangeFilter, FollowUpFilter } from '../contract/filters.js';
import type { FollowUpInput, LogExchangeInput } from '../contract/inputs.js';
import { addDays, compareDates, type IsoDate } from '../core/dates.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { JournalEntry } from '../core/check/types.js';
import type { Exchange, FollowUp } from '../core/model.js';
import { stageAfterExchange, stageWithoutExchange, type StageStep } from '../core/stage-rules.js';
import { fulfilsHandSetDate, handSetDateAfterRemoval, nextContact } from '../core/next-contact.js';
import { refreshJournalAfterOneExchange, type OneExchangeWrites } from '../storage/derived.js';
import { PostgresAdapter, type Kysely, type Updateable } from 'kysely';
import { monthOf } from '../core/plan.js';
import type { Database, PeopleTable } from '../storage/schema.js';
import { STAGES, type Channel, type FollowUpKind, type FollowUpStatus, type Initiator, type Stage } from '../core/vocabulary.js';
import { inTransaction, inTransactionOnPeople, nowTimestamp, today, type ServiceContext } from './context.js';
import { getNetwork } from './networks.js';
import { completeTargetsByExchange, reopenTargetsOfExchange } from './plan-completion.js';
import {
  closeFollowUpRow,
  deleteExchange,
  findExchange,
  findFollowUpRow,
  findPersonBeforeUndo,
  insertExchangePersonRow,
  insertExchangeRow,
  insertExchangeWithOnePerson,
  insertFollowUpRow,
  selectExchanges,
  selectFollowUps,
  selectJournalEntries,
  selectLoggedExchangesOf,
  peopleBeforeExchangeRead,
  peopleBeforeExchangeRows,
  toExchange,
  toFollowUp,
  updateExchangePersonRecord,
  updatePersonAfterExchange,
} from '../storage/journal.js';
import { requirePerson } from './people.js';
import { scrubAfterErase } from '../storage/erasure.js';
import { refreshRhythm, settleNextContactDue } from './rhythm.js';

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

/** What logging an exchange may write to its people's rows: the stage, the hand-set date, the last exchange and the next contact (the rest are other tables). */
const EXCHANGE_WRITES = ['people.stage', 'people.next_contact_on', 'people.next_contact_set_on', 'people.last_exchange_on', 'people.next_contact_due', 'people.updated_at'];

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
  // What the rules read of each person, read with the workspace's lock on PostgreSQL (readFirst).
  const readFirst = (db: Kysely<Database>) => peopleBeforeExchangeRead(db, ctx.workspaceId, personIds);
  return inTransactionOnPeople(ctx, { personIds, columns: EXCHANGE_WRITES, readFirst }, async (trx, readPeople) => {
    const people = peopleBeforeExchangeRows(await readPeople());
    const missing = personIds.filter((id) => !people.some((p) => p.id === id));
    if (missing.length > 0) throw new NotFoundError('person', missing.join(', '));
    if (input.networkId) await getNetwork(trx, input.networkId);

    const id = trx.ids('ex');
    const initiatedBy = input.initiatedBy ?? 'me';
    const row = {
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
    };
    // PostgreSQL, one person (every exchange the app logs from a person's page): the exchange, its link and the plan's targets it meets in one statement.
    const together = personIds.length === 1 && trx.db.getExecutor().adapter instanceof PostgresAdapter;
    if (!together) await insertExchangeRow(trx.db, row);
    for (const personId of personIds) {
      const person = people.find((p) => p.id === personId)!;
      // Only what the rules move: the one-person statement writes exactly these beside the journal's columns (OneExchangeWrites).
      const changes: Omit<OneExchangeWrites, 'updatedAt' | 'nextContactDue'> = {};
      const stage = stageAfterExchange(person.stage as Stage, input.channel, initiatedBy);
      if (stage !== person.stage) changes.stage = stage;
      const clears = person.nextContactOn !== null && fulfilsHandSetDate(person.nextContactSetOn, occurredOn);
      if (clears) {
        changes.nextContactOn = null;
        changes.nextContactSetOn = null;
      }
      const link = {
        exchangeId: id,
        personId,
        workspaceId: trx.workspaceId,
        occurredOn,
        stageBefore: person.stage,
        stageAfter: stage,
        loggedSeq: person.lastLoggedSeq + 1,
        clearedNextContactOn: clears ? person.nextContactOn : null,
        clearedNextContactSetOn: clears ? person.nextContactSetOn : null,
      };
      if (together) await insertExchangeWithOnePerson(trx.db, row, link, { month: monthOf(occurredOn) });
      else await insertExchangePersonRow(trx.db, link);
      if (personIds.length === 1) {
        // One person: the stage, the hand-set date, the journal's columns and the next contact expected after it in one
        // statement (the rhythm settled after it only if the journal says otherwise).
        const nextContactOn = clears ? null : person.nextContactOn;
        const lastExchangeOn = person.lastExchangeOn !== null && compareDates(person.lastExchangeOn, occurredOn) > 0 ? person.lastExchangeOn : occurredOn;
        const expected = nextContact({ nextContactOn, cadence: person.cadence, lastExchangeOn, addedOn: person.addedOn })?.date ?? null;
        const moved = Object.keys(changes).length > 0;
        const writes: OneExchangeWrites = { ...changes, ...(moved ? { updatedAt: nowTimestamp(trx) } : {}), nextContactDue: expected };
        const rows = await refreshJournalAfterOneExchange(trx.db, trx.workspaceId, personId, writes);
        await settleNextContactDue(trx, rows);
      } else if (Object.keys(changes).length > 0) await updatePersonAfterExchange(trx.db, person.id, { ...changes, updatedAt: nowTimestamp(trx) });
    }

    if (personIds.length > 1) await refreshRhythm(trx, personIds, { eachHasAnExchange: true });
    if (!together) await completeTargetsByExchange(trx, id, personIds, occurredOn);

    const followUps: FollowUp[] = [];
    for (const followUp of input.followUps ?? []) {
      const personId = followUp.personId ?? personIds[0] ?? null;
      if (personId && !personIds.includes(personId)) {
        throw new ValidationError('followUps.personId', `${personId} is not one of the people in this exchange`);
      }
      followUps.push(await insertFollowUp(trx, followUp, { exchangeId: id, personId, from: occurredOn }));
    }
    // The row as inserted, not read back (two statements fewer a write): its people in id order, as findExchange reads them.
    return { exchange: toExchange(row, [...personIds].sort()), followUps };
  });
}

export async function getExchange(ctx: ServiceContext, id: string): Promise<Exchange> {
  const exchange = await findExchange(ctx.db, ctx.workspaceId, id);
  if (!exchange) throw new NotFoundError('exchange', id);
  return exchange;
}

/** Exchanges, newest first. */
export async function listExchanges(ctx: ServiceContext, filter: ExchangeFilter = {}): Promise<{ items: Exchange[]; total: number }> {
  return selectExchanges(ctx.db, ctx.workspaceId, filter);
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
    await deleteExchange(trx.db, trx.workspaceId, id);
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
  const person = await findPersonBeforeUndo(ctx.db, ctx.workspaceId, personId);
  if (!person) return;
  const links = await selectLoggedExchangesOf(ctx.db, ctx.workspaceId, personId);
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
    await updateExchangePersonRecord(ctx.db, step.exchangeId, personId, { stageBefore: step.stageBefore, stageAfter: step.stageAfter });
  }
  const cleared = link.clearedNextContactOn === null ? null : { nextContactOn: link.clearedNextContactOn, setOn: link.clearedNextContactSetOn };
  const later = links.slice(removedAt + 1).filter((l) => l.loggedSeq !== null);
  const date = handSetDateAfterRemoval(cleared, person.nextContactOn, later);
  if (date.passTo) {
    await updateExchangePersonRecord(ctx.db, date.passTo, personId, { clearedNextContactOn: link.clearedNextContactOn, clearedNextContactSetOn: link.clearedNextContactSetOn });
  }
  const changes: Updateable<PeopleTable> = {};
  if (undo.stage !== person.stage) changes.stage = undo.stage;
  if (date.restore) {
    changes.nextContactOn = date.restore.nextContactOn;
    changes.nextContactSetOn = date.restore.setOn;
  }
  if (Object.keys(changes).length > 0) await updatePersonAfterExchange(ctx.db, personId, { ...changes, updatedAt: nowTimestamp(ctx) });
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
  await insertFollowUpRow(ctx.db, row);
  return toFollowUp(row);
}

/** A follow-up on its own, not tied to a logged exchange. */
export async function addFollowUp(ctx: ServiceContext, input: FollowUpInput): Promise<FollowUp> {
  if (input.personId) await requirePerson(ctx, input.personId);
  return insertFollowUp(ctx, input, { exchangeId: null, personId: input.personId ?? null, from: today(ctx) });
}

export async function listFollowUps(ctx: ServiceContext, filter: FollowUpFilter = {}): Promise<FollowUp[]> {
  return (await selectFollowUps(ctx.db, ctx.workspaceId, filter)).map(toFollowUp);
}

/** Marks a follow-up done or dropped, today. */
export async function closeFollowUp(ctx: ServiceContext, id: string, status: Exclude<FollowUpStatus, 'open'>): Promise<FollowUp> {
  const row = await findFollowUpRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFoundError('follow-up', id);
  const closedOn = today(ctx);
  await closeFollowUpRow(ctx.db, id, status, closedOn);
  return toFollowUp({ ...row, status, closedOn });
}

/** The whole journal as the network check reads it (see storage/journal `selectJournalEntries`). */
export async function listJournalEntries(ctx: ServiceContext): Promise<JournalEntry[]> {
  return selectJournalEntries(ctx.db, ctx.workspaceId);
}
