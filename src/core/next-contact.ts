import { addCadence, type Cadence } from './cadence.js';
import { compareDates, daysBetween, type IsoDate } from './dates.js';

/** What the next-contact rule needs to know about one person. */
export interface ContactRhythm {
  /** A date the user set by hand, if any. */
  nextContactOn: IsoDate | null;
  cadence: Cadence | null;
  /** The most recent exchange with this person. */
  lastExchangeOn: IsoDate | null;
  /** The day the person was added to Waggle, the base of the cadence before any exchange. */
  addedOn: IsoDate;
}

export type NextContactBasis = 'manual' | 'cadence-after-exchange' | 'cadence-after-added';

export interface NextContact {
  date: IsoDate;
  basis: NextContactBasis;
}

/**
 * A person's next contact: the date set by hand while it stands, else the last
 * exchange plus the cadence (or, before any exchange, the day they were added plus
 * the cadence). No cadence and no hand-set date: never due (null).
 *
 * A hand-set date stands until an exchange fulfils it (see `fulfilsHandSetDate`).
 */
export function nextContact(rhythm: ContactRhythm): NextContact | null {
  if (rhythm.nextContactOn !== null) {
    return { date: rhythm.nextContactOn, basis: 'manual' };
  }
  if (rhythm.cadence === null) return null;
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
export function fulfilsHandSetDate(setOn: IsoDate | null, exchangeOn: IsoDate): boolean {
  return setOn === null || compareDates(exchangeOn, setOn) >= 0;
}

export type DueStatus = 'overdue' | 'due-today' | 'upcoming' | 'later';

/**
 * Where a date stands relative to today, given a look-ahead window in days:
 * before today is overdue, today is due today, within the window is upcoming.
 */
export function dueStatus(date: IsoDate, today: IsoDate, withinDays: number): DueStatus {
  const days = daysBetween(today, date);
  if (days < 0) return 'overdue';
  if (days === 0) return 'due-today';
  return days <= withinDays ? 'upcoming' : 'later';
}

/** A hand-set next contact an exchange fulfilled and cleared. */
export interface ClearedDate {
  nextContactOn: IsoDate;
  setOn: IsoDate | null;
}

/**
 * What becomes of a hand-set next contact that a removed exchange had cleared,
 * as if the exchange had never been logged: it comes back, unless the user has
 * set another date since (that one stands) or another remaining exchange would
 * have fulfilled it too (then that exchange holds the clearing, so removing it
 * later brings the date back in turn).
 */
export function handSetDateAfterRemoval(
  cleared: ClearedDate | null,
  currentNextContactOn: IsoDate | null,
  remaining: readonly { exchangeId: string; occurredOn: IsoDate }[],
): { restore: ClearedDate | null; passTo: string | null } {
  if (cleared === null || currentNextContactOn !== null) return { restore: null, passTo: null };
  const fulfiller = remaining.find((e) => fulfilsHandSetDate(cleared.setOn, e.occurredOn));
  return fulfiller ? { restore: null, passTo: fulfiller.exchangeId } : { restore: cleared, passTo: null };
}
