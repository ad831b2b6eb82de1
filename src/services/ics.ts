import { renderIcs } from '../codecs/ics/write.js';
import { calendarEntries, type CalendarEntry } from '../core/calendar.js';
import { addDays, isLeapYear, type IsoDate } from '../core/dates.js';
import { occurrenceIn, personDateTitle } from '../core/person-dates.js';
import { today, type ServiceContext } from './context.js';
import { listFollowUps } from './exchanges.js';
import { listPeople } from './people.js';
import { selectOpenTargets, toPlanTarget } from '../storage/plans.js';
import { selectDateRows } from '../storage/person-dates.js';

const CALENDAR_NAME = 'Waggle reminders';

/** The reminders feed of the context's workspace: next contacts, open follow-ups and open plan targets, and the dates that matter, yearly. */
export async function calendarIcs(ctx: ServiceContext, options: { includeNotes?: boolean } = {}): Promise<string> {
  const people = (await listPeople(ctx)).items;
  const followUps = await listFollowUps(ctx, { status: 'open' });
  const targets = (await selectOpenTargets(ctx.db, ctx.workspaceId)).map(toPlanTarget);
  const entries = [...calendarEntries({ people, followUps, targets, today: today(ctx) }, { includeNotes: options.includeNotes ?? false }), ...(await dateEntries(ctx, today(ctx)))];
  return renderIcs(entries, { calendarName: CALENDAR_NAME, now: ctx.clock.now() });
}

/**
 * Birthdays, anniversaries and named dates as yearly all-day events. Each starts in the
 * year it first happened when that is known (from 1900 on; calendars show the whole
 * series), else in this year.
 */
async function dateEntries(ctx: ServiceContext, day: IsoDate): Promise<CalendarEntry[]> {
  const rows = await selectDateRows(ctx.db, ctx.workspaceId);
  return rows.map((row) => {
    let year = Math.max(1900, row.year ?? Number(day.slice(0, 4)));
    // A 29 February starts in a leap year, so that its rule (the last day of February) is read from a 29th.
    if (row.month === 2 && row.day === 29) while (!isLeapYear(year)) year -= 1;
    const first = occurrenceIn(row, year);
    return {
      uid: `date-${row.personId}-${row.position}@waggle`,
      start: first,
      end: addDays(first, 1),
      summary: `${personDateTitle(row)}: ${row.name}`,
      description: '',
      categories: ['Waggle', 'Date'],
      yearly: true,
    };
  });
}
