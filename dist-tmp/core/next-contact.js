import { addCadence } from './cadence.js';
import { compareDates, daysBetween } from './dates.js';
/**
 * A person's next contact: the date set by hand while it stands, else the last
 * exchange plus the cadence (or, before any exchange, the day they were added plus
 * the cadence). No cadence and no hand-set date: never due (null).
 *
 * A hand-set date stands until an exchange fulfils it (see `fulfilsHandSetDate`).
 */
export function nextContact(rhythm) {
    if (rhythm.nextContactOn !== null) {
        return { date: rhythm.nextContactOn, basis: 'manual' };
    }
    if (rhythm.cadence === null)
        return null;
    if (rhythm.lastExchangeOn !== null) {
        return { date: addCadence(rhythm.lastExchangeOn, rhythm.cadence), basis: 'cadence-after-exchange' };
    }
    return { date: addCadence(rhythm.addedOn, rhythm.cadence), basis: 'cadence-after-added' };
}
/**
 * Whether logging an exchange on `exchangeOn` fulfils a hand-set next contact
 * that was set on `setOn`: an exchange on or after that day is the contact the
 * date asked for, so the date is cleared and the cadence takes over again. A
 * back-dated exchange from before the date was set leaves it standing.
 */
export function fulfilsHandSetDate(setOn, exchangeOn) {
    return setOn === null || compareDates(exchangeOn, setOn) >= 0;
}
/**
 * Where a date stands relative to today, given a look-ahead window in days:
 * before today is overdue, today is due today, within the window is upcoming.
 */
export function dueStatus(date, today, withinDays) {
    const days = daysBetween(today, date);
    if (days < 0)
        return 'overdue';
    if (days === 0)
        return 'due-today';
    return days <= withinDays ? 'upcoming' : 'later';
}
//# sourceMappingURL=next-contact.js.map