/**
 * A PostgreSQL timestamptz, as PostgreSQL writes it, read as the ISO string the core uses
 * (`2026-11-22T10:00:00.500Z`: milliseconds, further digits dropped). Both of its forms:
 * - the column's text, which the driver hands to storage/postgres.ts: `2026-11-22 10:00:00.5+00`;
 * - inside a statement's JSON (people-page.ts, person-detail.ts): `2026-11-22T10:00:00.5+00:00`; read
 *   here rather than formatted in SQL (`to_char`), which was 7–9% of PostgreSQL's time for a page of
 *   fifty people (docs/speed-history.md).
 *
 * Either is written in the session's time zone (the server's `TimeZone`, the host's own on many
 * installs). Before about 1900 a zone's offset is its local mean time, in seconds
 * (`0999-01-01 05:53:28+05:53:28` in Asia/Kolkata, `-00:36:45` in Europe/Lisbon), which
 * JavaScript's Date cannot read: `new Date(value)` gave an invalid date there, and its
 * `toISOString()` threw, failing the whole request for one old timestamp (a restored backup can
 * hold one). Years past 9999 and before year 1 (`… BC`) are read as well, as ISO's signed years.
 *
 * In UTC, either form is cut and joined as text: a Date made and written for each value cost ten
 * times as long, for every row read. Any other offset is taken off by hand. A value of no such form
 * (`infinity`, or a DateStyle other than PostgreSQL's default ISO) is returned as it is, rather than
 * failing the read.
 */
export function isoFromPostgresTimestamp(value: string): string {
  // The fast path: a year of four digits, in UTC, in either form.
  if (value.length >= 22 && value.charCodeAt(4) === DASH) {
    const separator = value.charCodeAt(10);
    const end = separator === SPACE && value.endsWith(UTC_TEXT) ? value.length - UTC_TEXT.length : separator === T && value.endsWith(UTC_JSON) ? value.length - UTC_JSON.length : -1;
    if (end === 19) return `${value.slice(0, 10)}T${value.slice(11, 19)}.000Z`;
    if (end > 20 && value.charCodeAt(19) === DOT) return `${value.slice(0, 10)}T${value.slice(11, 20)}${`${value.slice(20, Math.min(end, 23))}00`.slice(0, 3)}Z`;
  }
  const parts = POSTGRES_TIMESTAMP.exec(value);
  if (!parts) return value;
  const [year, month, day, hours, minutes, seconds] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const milliseconds = Number(`${parts[7] ?? ''}000`.slice(0, 3));
  const offsetSeconds = (parts[8] === '-' ? -1 : 1) * (Number(parts[9]) * 3600 + Number(parts[10] ?? 0) * 60 + Number(parts[11] ?? 0));
  // Set field by field: Date.UTC would read a year under 100 as 19xx. There is no year 0: 1 BC is ISO's 0000.
  const date = new Date(0);
  date.setUTCFullYear(parts[12] ? 1 - year : year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds - offsetSeconds, milliseconds);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

const UTC_TEXT = '+00';
const UTC_JSON = '+00:00';
const T = 'T'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);
const DASH = '-'.charCodeAt(0);
const DOT = '.'.charCodeAt(0);
/**
 * Year (four digits or more), month, day, hours, minutes, seconds, the fraction's digits, the offset's sign, hours,
 * minutes and seconds, and the era: the date and time apart by `T` (JSON) or a space (the column's text).
 */
const POSTGRES_TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?( BC)?$/;
