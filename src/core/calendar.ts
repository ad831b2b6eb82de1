import { describeCadence } from './cadence.js';
import { addDays, addMonths, type IsoDate } from './dates.js';
import type { FollowUp, Month, Person, PlanTarget } from './model.js';

/**
 * The reminders calendar: next contacts, open follow-ups and this month's plan
 * targets as all-day calendar entries, ready to render as an ICS feed. Each entry's
 * uid is derived from the record it stands for, so when a date moves the calendar
 * app replaces the event instead of adding a second one.
 */

export interface CalendarEntry {
  /** Stable: the same record always gives the same uid. */
  uid: string;
  start: IsoDate;
  /** Exclusive, all-day: a one-day entry ends the day after it starts. */
  end: IsoDate;
  summary: string;
  description: string;
  categories: string[];
  /** Comes round every year on its start's month and day (a date that matters); a 29 February on the month's last day. */
  yearly?: boolean;
}

export interface CalendarInput {
  people: Person[];
  followUps: FollowUp[];
  targets: PlanTarget[];
  today: IsoDate;
}

export interface CalendarOptions {
  /** Put the user's notes about people in the descriptions (off by default: feeds get shared). */
  includeNotes?: boolean;
}

/**
 * Overdue reminders are placed on `today`, not on their past due date: an all-day
 * event left in the past scrolls out of sight, and a reminder nobody sees is no
 * reminder. Because the uid stays the same, the event moves forward each day the
 * feed refreshes until the contact happens; the due date is kept in the description.
 */
export function calendarEntries(input: CalendarInput, options: CalendarOptions = {}): CalendarEntry[] {
  const { today } = input;
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const entries: CalendarEntry[] = [];

  for (const person of input.people) {
    if (person.nextContact === null) continue;
    entries.push(nextContactEntry(person, person.nextContact.date, today, options));
  }

  for (const followUp of input.followUps) {
    if (followUp.status !== 'open') continue;
    let who: string | null = null;
    if (followUp.personId !== null) {
      who = names.get(followUp.personId) ?? null;
      if (who === null) continue;
    }
    entries.push(followUpEntry(followUp, who, today));
  }

  const thisMonth: Month = today.slice(0, 7);
  for (const target of input.targets) {
    if (target.status !== 'open' || target.month < thisMonth) continue;
    const name = names.get(target.personId);
    if (name === undefined) continue;
    entries.push(targetEntry(target, name));
  }

  return entries.sort((a, b) => compare(a.start, b.start) || compare(a.uid, b.uid));
}

function nextContactEntry(person: Person, due: IsoDate, today: IsoDate, options: CalendarOptions): CalendarEntry {
  const overdue = due < today;
  const start = overdue ? today : due;
  const lines: string[] = [overdue ? `Was due on ${due}.` : `Due on ${due}.`];
  const basis = person.nextContact?.basis;
  if (basis === 'manual') lines.push('Date set by hand.');
  else if (person.cadence !== null) lines.push(`Your rhythm: ${describeCadence(person.cadence)}.`);
  lines.push(person.lastExchangeOn !== null ? `Last exchange: ${person.lastExchangeOn}.` : 'No exchange logged yet.');
  if (person.preferredChannel !== null) lines.push(`Prefers: ${words(person.preferredChannel)}.`);
  if (options.includeNotes === true && person.notes !== null && person.notes.trim() !== '') lines.push(`Notes: ${person.notes}`);
  return {
    uid: `next-contact-${person.id}@waggle`,
    start,
    end: addDays(start, 1),
    summary: overdue ? `Overdue: get in touch with ${person.name}` : `Get in touch with ${person.name}`,
    description: lines.join('\n'),
    categories: overdue ? ['waggle', 'next-contact', 'overdue'] : ['waggle', 'next-contact'],
  };
}

function followUpEntry(followUp: FollowUp, who: string | null, today: IsoDate): CalendarEntry {
  const overdue = followUp.dueOn < today;
  const start = overdue ? today : followUp.dueOn;
  return {
    uid: `follow-up-${followUp.id}@waggle`,
    start,
    end: addDays(start, 1),
    summary: who === null ? `Follow up: ${followUp.description}` : `Follow up: ${followUp.description} (${who})`,
    description: [overdue ? `Was due on ${followUp.dueOn}.` : `Due on ${followUp.dueOn}.`, `Kind: ${words(followUp.kind)}.`].join('\n'),
    categories: overdue ? ['waggle', 'follow-up', 'overdue'] : ['waggle', 'follow-up'],
  };
}

function targetEntry(target: PlanTarget, name: string): CalendarEntry {
  const start = `${target.month}-01`;
  return {
    uid: `plan-target-${target.id}@waggle`,
    start,
    end: addMonths(start, 1),
    summary: `This month: reach ${name}`,
    description: target.reason,
    categories: ['waggle', 'plan-target'],
  };
}

/** "social-media" → "social media". */
function words(value: string): string {
  return value.replace(/-/g, ' ');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
