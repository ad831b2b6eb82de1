import { daysBetween } from './dates.js';
import { dueStatus } from './next-contact.js';
export const DEFAULT_DUE_WINDOW_DAYS = 7;
const ORDER = { overdue: 0, 'due-today': 1, upcoming: 2 };
/**
 * Who is due: overdue first (longest overdue first), then due today, then due
 * within the window, soonest first; the same for open follow-ups.
 */
export function dueReport(people, openFollowUps, today, withinDays = DEFAULT_DUE_WINDOW_DAYS) {
    const contacts = [];
    for (const person of people) {
        if (!person.nextContact)
            continue;
        const status = dueStatus(person.nextContact.date, today, withinDays);
        if (status === 'later')
            continue;
        contacts.push({
            personId: person.id,
            name: person.name,
            date: person.nextContact.date,
            basis: person.nextContact.basis,
            status,
            daysOverdue: Math.max(0, daysBetween(person.nextContact.date, today)),
            lastExchangeOn: person.lastExchangeOn,
            cadence: person.cadence,
            preferredChannel: person.preferredChannel,
        });
    }
    contacts.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    const names = new Map(people.map((p) => [p.id, p.name]));
    const followUps = [];
    let laterFollowUps = 0;
    for (const followUp of openFollowUps) {
        if (followUp.status !== 'open')
            continue;
        const status = dueStatus(followUp.dueOn, today, withinDays);
        if (status === 'later') {
            laterFollowUps += 1;
            continue;
        }
        followUps.push({
            followUp,
            personName: followUp.personId ? (names.get(followUp.personId) ?? null) : null,
            status,
            daysOverdue: Math.max(0, daysBetween(followUp.dueOn, today)),
        });
    }
    followUps.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.followUp.dueOn.localeCompare(b.followUp.dueOn));
    return { today, withinDays, contacts, followUps, laterFollowUps };
}
//# sourceMappingURL=due.js.map