/**
 * Calendar dates without a time of day ("2026-11-22"). Reminders, follow-ups and
 * next contacts are days, not instants: keeping them as civil dates means no
 * reminder moves a day when the user's time zone changes. All arithmetic here is
 * on the proleptic Gregorian calendar and never touches the host's time zone.
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/** Why a string is not a calendar date, or null when it is one. */
export function dateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return 'must be a date written YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200) return 'year must be between 1900 and 2200';
  if (month < 1 || month > 12) return `month ${match[2]} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `${value} is not a day of the calendar (month ${month} of ${year} has ${daysInMonth(year, month)} days)`;
  return null;
}

export function isIsoDate(value: string): value is IsoDate {
  return dateProblem(value) === null;
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function parts(date: IsoDate): CivilDate {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return format({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months; the 31st of January plus one month is the last day of February. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/** Whether a string names a time zone this runtime knows ("Europe/London", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Zones already asked about by usableTimeZone: a server asks for a workspace's zone on every request. */
const knownZones = new Map<string, boolean>();

/**
 * The zone itself when this runtime knows it, else UTC: what the C library keeps time by for a `TZ`
 * it cannot read (empty, `UTC0`, a misspelt name), and what ICU then calls "Etc/Unknown" or leaves
 * unnamed. A workspace made under such a `TZ` held a zone no date could be worked out in, and every
 * command failed on it. UTC is answered without asking ICU (see dateInTimeZone).
 */
export function usableTimeZone(zone: string | null | undefined): string {
  if (zone === 'UTC') return zone;
  if (typeof zone !== 'string' || zone === '') return 'UTC';
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = isTimeZone(zone);
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known ? zone : 'UTC';
}

/** One formatter per zone: making one costs about half a millisecond, and a mailbox asks for a date 100,000 times. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at `instant` on a wall clock in `timeZone`. */
export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  // UTC's date is the instant's own: no formatter, so a UTC host's command never loads ICU's locale data (16–30 ms).
  if (timeZone === 'UTC') {
    const iso = instant.toISOString();
    // Years 1 to 9999 only: outside them toISOString writes a sign and six digits (and year 0 is the formatter's 1 BC).
    if (iso.length === 24 && !iso.startsWith('0000')) return iso.slice(0, 10) as IsoDate;
  }
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, format);
  }
  const fields = format.formatToParts(instant);
  const get = (type: string) => fields.find((f) => f.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/**
 * The day of an instant in a zone, quickly: the zone's offset is asked of the
 * calendar twice per UTC day (at its start and its end); on the days they agree
 * (every day but the two of a clock change) the offset is added, and only on
 * those two days is each instant asked for itself. A mailbox of 100,000
 * messages over three years asks about 2,000 times, not 100,000; a calendar likewise.
 */
export function dayFinder(timeZone: string): (ms: number) => IsoDate {
  // The last day written, by its number: a server asks what day it is a few times a request, nearly always the same day.
  let lastDay = Number.NaN;
  let lastDate = '';
  const dayOf = (localMs: number): IsoDate => {
    const day = Math.floor(localMs / 86_400_000);
    if (day !== lastDay) {
      lastDate = dateInTimeZone(new Date(localMs), 'UTC');
      lastDay = day;
    }
    return lastDate;
  };
  if (timeZone === 'UTC') return dayOf;
  const clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const offsetAt = (ms: number) => {
    const parts: Record<string, number> = {};
    for (const part of clock.formatToParts(new Date(ms))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - ms;
  };
  const steady = new Map<number, number | null>();
  return (ms) => {
    const utcDay = Math.floor(ms / 86_400_000);
    let offset = steady.get(utcDay);
    if (offset === undefined) {
      const start = offsetAt(utcDay * 86_400_000);
      offset = start === offsetAt((utcDay + 1) * 86_400_000) ? start : null;
      steady.set(utcDay, offset);
    }
    return offset === null ? dateInTimeZone(new Date(ms), timeZone) : dayOf(ms + offset);
  };
}
