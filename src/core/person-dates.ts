import { addDays, daysBetween, daysInMonth, isLeapYear, type IsoDate } from './dates.js';
import { compareNames } from './names.js';

/*
 * Dates that matter on a person: birthdays, anniversaries and dates of the user's own
 * naming ("Started at the trust"). Each is a month and a day, with the year when known,
 * and comes round every year.
 */

export const PERSON_DATE_KINDS = ['birthday', 'anniversary', 'other'] as const;
export type PersonDateKind = (typeof PERSON_DATE_KINDS)[number];

export interface DayOfYear {
  month: number;
  day: number;
  /** The year it first happened (the year of birth), when known. */
  year: number | null;
}

export interface PersonDate extends DayOfYear {
  kind: PersonDateKind;
  /** The user's name for an `other` date; null for birthdays and anniversaries. */
  label: string | null;
}

export class PersonDateError extends Error {}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads a date that matters as written on the command line or in a vCard: `1985-04-12`,
 * `19850412`, `04-12` or `--04-12` and `--0412` (vCard 4's form without a year). A time
 * after the date (`1985-04-12T00:00:00Z`, some exporters add one) is ignored.
 */
export function parseDayOfYear(text: string): DayOfYear {
  const value = text.trim().replace(/T.*$/, '');
  const match =
    /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(value) ??
    /^(?:--)?()(\d{2})-?(\d{2})$/.exec(value);
  if (!match) throw new PersonDateError(`"${text}" is not a date: write YYYY-MM-DD, or MM-DD without a year`);
  const year = match[1] ? Number(match[1]) : null;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) throw new PersonDateError(`"${text}": there is no month ${month}`);
  const longest = year === null ? DAYS_IN_MONTH[month - 1]! : daysInMonth(year, month);
  if (day < 1 || day > longest) throw new PersonDateError(`"${text}": month ${month} has no day ${day}${year === null ? '' : ` in ${year}`}`);
  if (year !== null && year < 1) throw new PersonDateError(`"${text}": the year must be 0001 or later`);
  return { month, day, year };
}

/** Reads `LABEL=DATE` as given to `--date`. */
export function parseNamedDate(text: string): PersonDate {
  const at = text.lastIndexOf('=');
  if (at < 0) throw new PersonDateError(`"${text}" needs a name and a date: "Started at the trust=2019-09-01"`);
  const label = text.slice(0, at).trim();
  if (!label) throw new PersonDateError(`"${text}" has no name before "="`);
  return { kind: 'other', label, ...parseDayOfYear(text.slice(at + 1)) };
}

/** `1985-04-12`, or `--04-12` without a year (vCard 4's form, read back by parseDayOfYear). */
export function formatDayOfYear(date: DayOfYear): string {
  const md = `${pad(date.month)}-${pad(date.day)}`;
  return date.year === null ? `--${md}` : `${String(date.year).padStart(4, '0')}-${md}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The day a date falls on in a given year. A 29 February falls on 28 February in a
 * year that has none: it stays in its own month, and a reminder a day early can still
 * be acted on where one a day late cannot.
 */
export function occurrenceIn(date: DayOfYear, year: number): IsoDate {
  const day = date.month === 2 && date.day === 29 && !isLeapYear(year) ? 28 : date.day;
  return `${String(year).padStart(4, '0')}-${pad(date.month)}-${pad(day)}`;
}

/** The next time the date comes round, today included. */
export function nextOccurrence(date: DayOfYear, today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const thisYear = occurrenceIn(date, year);
  return thisYear >= today ? thisYear : occurrenceIn(date, year + 1);
}

export interface UpcomingDate extends PersonDate {
  personId: string;
  personName: string;
  /** When it next comes round. */
  on: IsoDate;
  daysAway: number;
  /** How many years it will be on that day (the age at a birthday), when the year is known. */
  years: number | null;
}

/** Dates coming round from today to `until` (inclusive), soonest first, then by name. */
export function upcomingDates(
  people: readonly { personId: string; personName: string; dates: readonly PersonDate[] }[],
  today: IsoDate,
  until: IsoDate,
): UpcomingDate[] {
  const out: UpcomingDate[] = [];
  for (const person of people) {
    for (const date of person.dates) {
      const on = nextOccurrence(date, today);
      if (on > until) continue;
      const years = date.year === null ? null : Number(on.slice(0, 4)) - date.year;
      out.push({ ...date, personId: person.personId, personName: person.personName, on, daysAway: daysBetween(today, on), years: years !== null && years >= 0 ? years : null });
    }
  }
  return out.sort((a, b) => a.on.localeCompare(b.on) || compareNames({ name: a.personName }, { name: b.personName }) || a.kind.localeCompare(b.kind));
}

/** What a date is called in lists: "Birthday", "Anniversary", or the user's own name. */
export function personDateTitle(date: Pick<PersonDate, 'kind' | 'label'>): string {
  if (date.kind === 'other') return date.label ?? 'Date';
  return date.kind === 'birthday' ? 'Birthday' : 'Anniversary';
}

/** The last day of the month `today` is in: This month's window. */
export function endOfMonth(today: IsoDate): IsoDate {
  return addDays(`${today.slice(0, 7)}-01`, daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7))) - 1);
}

/** A change to some of a person's dates: a kind given replaces that kind, `null` clears it. */
export interface PersonDatesChange {
  birthday?: DayOfYear | null;
  anniversary?: DayOfYear | null;
  /** Replace every date of the user's own naming (an empty list clears them). */
  others?: PersonDate[];
}

/** The dates after `change`: the kinds not named stay as they were; birthday first, then anniversary, then the others. */
export function changeDates(current: readonly PersonDate[], change: PersonDatesChange): PersonDate[] {
  const pick = (kind: 'birthday' | 'anniversary'): PersonDate[] => {
    const given = change[kind];
    if (given === undefined) return current.filter((d) => d.kind === kind);
    return given === null ? [] : [{ kind, label: null, month: given.month, day: given.day, year: given.year }];
  };
  return [...pick('birthday'), ...pick('anniversary'), ...(change.others ?? current.filter((d) => d.kind === 'other'))];
}

/** What is wrong with a stored date (a day its month never has, a name on the wrong kind), or null. */
export function personDateProblem(date: PersonDate): { field: 'day' | 'label'; message: string } | null {
  try {
    parseDayOfYear(formatDayOfYear(date));
  } catch (error) {
    if (error instanceof PersonDateError) return { field: 'day', message: error.message };
    throw error;
  }
  if (date.kind === 'other' && date.label === null) return { field: 'label', message: 'a date of your own naming needs a name' };
  if (date.kind !== 'other' && date.label !== null) return { field: 'label', message: 'only a date of kind "other" takes a name' };
  return null;
}

/**
 * Whether `dates` already holds `date`, as an import judges it: a person has one
 * birthday and one anniversary, so any of that kind counts; a date of the user's own
 * naming counts when one of the same name falls on the same day.
 */
export function holdsDate(dates: readonly Pick<PersonDate, 'kind' | 'label' | 'month' | 'day' | 'year'>[], date: PersonDate): boolean {
  if (date.kind !== 'other') return dates.some((d) => d.kind === date.kind);
  const name = date.label?.trim().toLowerCase();
  return dates.some((d) => d.kind === 'other' && d.label?.trim().toLowerCase() === name && d.month === date.month && d.day === date.day && d.year === date.year);
}
