import { addDays } from '../core/dates.js';
import { cutDueReport, DEFAULT_DUE_WINDOW_DAYS, dueReport, type DueReport } from '../core/due.js';
import type { Person } from '../core/model.js';
import { today, type ServiceContext } from './context.js';
import { listFollowUps } from './exchanges.js';
import { listPeople } from './people.js';

/**
 * Who is due or overdue for contact, and which follow-ups, as of today in the user's
 * time zone. Reads only the people due within the window (an index range on the kept
 * next contact) and those the follow-ups name. With `limit`, only the first contacts:
 * the `limit` soonest dates and everyone else on the last of those dates (the report
 * orders a day's people by name), so the list is the full report's, cut.
 */
export async function whatIsDue(ctx: ServiceContext, withinDays = DEFAULT_DUE_WINDOW_DAYS, limit?: number): Promise<DueReport> {
  const now = today(ctx);
  const dueBy = addDays(now, withinDays);
  const followUps = await listFollowUps(ctx, { status: 'open' });
  const named = await listPeople(ctx, { ids: [...new Set(followUps.flatMap((f) => (f.personId ? [f.personId] : [])))] });
  let due: Person[];
  let total: number | undefined;
  if (limit === undefined) {
    due = (await listPeople(ctx, { dueBy })).items;
  } else {
    const first = await listPeople(ctx, { dueBy, sort: 'next-contact', limit });
    const lastDate = first.items.at(-1)?.nextContact?.date;
    const sameDay = lastDate ? (await listPeople(ctx, { dueBy: lastDate, dueFrom: lastDate })).items : [];
    due = [...first.items, ...sameDay];
    total = first.total;
  }
  const people = new Map([...due, ...named.items].map((p) => [p.id, p]));
  const report = dueReport([...people.values()], followUps, now, withinDays);
  return limit === undefined ? report : cutDueReport(report, limit, total);
}
