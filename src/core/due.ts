import { daysBetween, type IsoDate } from './dates.js';
import type { FollowUp, Person } from './model.js';
import { compareNames } from './names.js';
import { dueStatus, type DueStatus, type NextContactBasis } from './next-contact.js';

export const DEFAULT_DUE_WINDOW_DAYS = 7;

export interface DueContact {
  personId: string;
  name: string;
  date: IsoDate;
  basis: NextContactBasis;
  status: Exclude<DueStatus, 'later'>;
  /** Positive when overdue: how many days past the date. */
  daysOverdue: number;
  lastExchangeOn: IsoDate | null;
  cadence: string | null;
  preferredChannel: Person['preferredChannel'];
}

export interface DueFollowUp {
  followUp: FollowUp;
  personName: string | null;
  status: Exclude<DueStatus, 'later'>;
  daysOverdue: number;
}

export interface DueReport {
  today: IsoDate;
  withinDays: number;
  contacts: DueContact[];
  followUps: DueFollowUp[];
  /** Open follow-ups due after the window, not listed. */
  laterFollowUps: number;
  /** How many contacts and follow-ups are due in all: more than listed when the list was cut (see `cutDueReport`). */
  contactsTotal: number;
  followUpsTotal: number;
}

const ORDER: Record<Exclude<DueStatus, 'later'>, number> = { overdue: 0, 'due-today': 1, upcoming: 2 };

/**
 * Who is due: overdue first (longest overdue first), then due today, then due
 * within the window, soonest first; the same for open follow-ups.
 */
export function dueReport(people: readonly Person[], openFollowUps: readonly FollowUp[], today: IsoDate, withinDays = DEFAULT_DUE_WINDOW_DAYS): DueReport {
  const contacts: DueContact[] = [];
  for (const person of people) {
    if (!person.nextContact) continue;
    const status = dueStatus(person.nextContact.date, today, withinDays);
    if (status === 'later') continue;
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
  // Among people due the same day, the list order: family name where known, titles aside.
  const familyOf = new Map(people.map((p) => [p.id, p.familyName]));
  const named = (c: DueContact) => ({ name: c.name, familyName: familyOf.get(c.personId) ?? null });
  contacts.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.date.localeCompare(b.date) || compareNames(named(a), named(b)));

  const names = new Map(people.map((p) => [p.id, p.name]));
  const followUps: DueFollowUp[] = [];
  let laterFollowUps = 0;
  for (const followUp of openFollowUps) {
    if (followUp.status !== 'open') continue;
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
  return { today, withinDays, contacts, followUps, laterFollowUps, contactsTotal: contacts.length, followUpsTotal: followUps.length };
}

/** The first `limit` contacts and follow-ups of a report, the totals kept. */
export function cutDueReport(report: DueReport, limit: number, contactsTotal = report.contactsTotal): DueReport {
  return { ...report, contacts: report.contacts.slice(0, limit), followUps: report.followUps.slice(0, limit), contactsTotal };
}
