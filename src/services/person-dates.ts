import { changeDates, endOfMonth, type PersonDatesChange, upcomingDates as upcomingFrom, type PersonDate, type UpcomingDate } from '../core/person-dates.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { inTransaction, inTransactionOnPeople, nowTimestamp, today, type ServiceContext } from './context.js';
import { requirePerson } from './people.js';
import { writeDates } from './person-date-rows.js';
import { selectAllDates, selectDatesOf } from '../storage/person-dates.js';
import { touchPerson } from '../storage/people.js';

/** Dates that matter on people: birthdays, anniversaries and dates of the user's own naming. */

export async function listPersonDates(ctx: ServiceContext, personId: string): Promise<PersonDate[]> {
  await requirePerson(ctx, personId);
  return datesOf(ctx, [personId]).then((byPerson) => byPerson.get(personId) ?? []);
}

/** Every date of the people named, in the order the user gave them. */
export async function datesOf(ctx: ServiceContext, personIds: readonly string[]): Promise<Map<string, PersonDate[]>> {
  return selectDatesOf(ctx.db, ctx.workspaceId, personIds);
}

/** Replaces the person's dates with `dates` (an empty list clears them), in one transaction. */
export async function setPersonDates(ctx: ServiceContext, personId: string, dates: readonly PersonDate[]): Promise<PersonDate[]> {
  return inTransactionOnPeople(ctx, { personIds: [personId], columns: ['people.updated_at'] }, async (trx) => {
    await requirePerson(trx, personId);
    await writeDates(trx, personId, dates);
    await touchPerson(trx.db, trx.workspaceId, personId, nowTimestamp(trx));
    return [...dates];
  });
}

/** Changes only the kinds named (see core changeDates), in one transaction. */
export async function editPersonDates(ctx: ServiceContext, personId: string, change: PersonDatesChange): Promise<PersonDate[]> {
  return inTransaction(ctx, async (trx) => setPersonDates(trx, personId, changeDates(await listPersonDates(trx, personId), change)));
}

export interface UpcomingDates {
  from: IsoDate;
  until: IsoDate;
  dates: UpcomingDate[];
}

/**
 * The dates coming round from today: within `withinDays` days, or to the end of this
 * month with `'month'`. Reads every date in the workspace: a few per person at most.
 */
export async function upcomingDates(ctx: ServiceContext, within: number | 'month'): Promise<UpcomingDates> {
  const from = today(ctx);
  const until = within === 'month' ? endOfMonth(from) : addDays(from, within);
  return { from, until, dates: upcomingFrom(await selectAllDates(ctx.db, ctx.workspaceId), from, until) };
}
