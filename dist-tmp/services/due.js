import { DEFAULT_DUE_WINDOW_DAYS, dueReport } from '../core/due.js';
import { today } from './context.js';
import { listFollowUps } from './exchanges.js';
import { listPeople } from './people.js';
/** Who is due or overdue for contact, and which follow-ups, as of today in the user's time zone. */
export async function whatIsDue(ctx, withinDays = DEFAULT_DUE_WINDOW_DAYS) {
    const [{ items: people }, followUps] = await Promise.all([listPeople(ctx), listFollowUps(ctx, { status: 'open' })]);
    return dueReport(people, followUps, today(ctx), withinDays);
}
//# sourceMappingURL=due.js.map