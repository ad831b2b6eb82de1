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
  // Two rounds of reads, each asked together: the follow-ups beside the due people, then the people
  // the follow-ups name beside everyone on the last date shown. One after another they were four
  // round trips on PostgreSQL, and under load the report waited longest of all the reads.
  const [followUps, first] = await Promise.all([listFollowUps(ctx, { status: 'open' }), listPeople(ctx, limit === undefined ? { dueBy } : { dueBy, sort: 'next-contact', limit })]);
  const lastDate = limit === undefined ? undefined : first.items.at(-1)?.nextContact?.date;
  const [named, sameDay] = await Promise.all([
    listPeople(ctx, { ids: [...new Set(followUps.flatMap((f) => (f.personId ? [f.personId] : [])))] }),
    lastDate ? listPeople(ctx, { dueBy: lastDate, dueFrom: lastDate }).then((page) => page.items) : [],
  ]);
  const due: Person[] = [...first.items, ...sameDay];
  const total = limit === undefined ? undefined : first.total;
  const people = new Map([...due, ...named.items].map((p) => [p.id, p]));
  const report = dueReport([...people.values()], followUps, now, withinDays);
  return limit === undefined ? report : cutDueReport(report, limit, total);
}
