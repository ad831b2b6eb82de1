import { addDays } from '../core/dates.js';
import { DEFAULT_DUE_WINDOW_DAYS, dueReport, type DueReport } from '../core/due.js';
import { today, type ServiceContext } from './context.js';
import { listFollowUps } from './exchanges.js';
import { listPeople } from './people.js';

/** Who is due or overdue for contact, and which follow-ups, as of today in the user's time zone. */
export async function whatIsDue(ctx: ServiceContext, withinDays = DEFAULT_DUE_WINDOW_DAYS): Promise<DueReport> {
  const now = today(ctx);
  const followUps = await listFollowUps(ctx, { status: 'open' });
  // Only the people due within the window (an index range on the kept-current next contact), and the people the follow-ups name.
  const [due, named] = await Promise.all([
    listPeople(ctx, { dueBy: addDays(now, withinDays) }),
    listPeople(ctx, { ids: [...new Set(followUps.flatMap((f) => (f.personId ? [f.personId] : [])))] }),
  ]);
  const people = new Map([...due.items, ...named.items].map((p) => [p.id, p]));
  return dueReport([...people.values()], followUps, now, withinDays);
}
