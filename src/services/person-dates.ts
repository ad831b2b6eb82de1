import { changeDates, endOfMonth, type PersonDatesChange, upcomingDates as upcomingFrom, type PersonDate, type UpcomingDate } from '../core/person-dates.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { requirePerson } from './people.js';
import { writeDates } from './person-date-rows.js';

/** Dates that matter on people: birthdays, anniversaries and dates of the user's own naming. */

export async function listPersonDates(ctx: ServiceContext, personId: string): Promise<PersonDate[]> {
  await requirePerson(ctx, personId);
  return datesOf(ctx, [personId]).then((byPerson) => byPerson.get(personId) ?? []);
}

/** Every date of the people named, in the order the user gave them. */
export async function datesOf(ctx: ServiceContext, personIds: readonly string[]): Promise<Map<string, PersonDate[]>> {
  const byPerson = new Map<string, PersonDate[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await ctx.db
    .selectFrom('personDates')
    .innerJoin('people', 'people.id', 'personDates.personId')
    .select(['personDates.personId', 'kind', 'label', 'month', 'day', 'year'])
    .where('people.workspaceId', '=', ctx.workspaceId)
    .where('personDates.personId', 'in', [...personIds])
    .orderBy('personDates.personId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byPerson.get(row.personId) ?? [];
    list.push({ kind: row.kind, label: row.label, month: row.month, day: row.day, year: row.year });
    byPerson.set(row.personId, list);
  }
  return byPerson;
}

/** Replaces the person's dates with `dates` (an empty list clears them), in one transaction. */
export async function setPersonDates(ctx: ServiceContext, personId: string, dates: readonly PersonDate[]): Promise<PersonDate[]> {
  return inTransaction(ctx, async (trx) => {
    await requirePerson(trx, personId);
    await writeDates(trx, personId, dates);
    await trx.db.updateTable('people').set({ updatedAt: nowTimestamp(trx) }).where('id', '=', personId).where('workspaceId', '=', trx.workspaceId).execute();
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
  const rows = await ctx.db
    .selectFrom('personDates')
    .innerJoin('people', 'people.id', 'personDates.personId')
    .select(['personDates.personId', 'people.name', 'kind', 'label', 'month', 'day', 'year'])
    .where('people.workspaceId', '=', ctx.workspaceId)
    .orderBy('personDates.personId')
    .orderBy('position')
    .execute();
  const people = new Map<string, { personId: string; personName: string; dates: PersonDate[] }>();
  for (const row of rows) {
    const entry = people.get(row.personId) ?? { personId: row.personId, personName: row.name, dates: [] };
    entry.dates.push({ kind: row.kind, label: row.label, month: row.month, day: row.day, year: row.year });
    people.set(row.personId, entry);
  }
  return { from, until, dates: upcomingFrom([...people.values()], from, until) };
}
