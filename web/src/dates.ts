/**
 * Dates written for people, in the browser's language (Intl): "December 2026",
 * "dezembro de 2026", "2. Dezember 2026". The API keeps ISO dates; only the page
 * writes them out. UTC throughout, so that no time zone moves a day or a month.
 */

/** "2026-12" → "December 2026" (in the given or the browser's locale); anything else as it is. */
export function monthWritten(month: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [y, m] = [Number(match[1]), Number(match[2])];
  if (m < 1 || m > 12) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** "2026-12-03" → "3 December 2026" (in the given or the browser's locale); anything else as it is. */
export function dayWritten(date: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(at).toISOString().slice(0, 10) !== date) return date;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/**
 * A day that comes round every year, without its year: "12 April", "April 12", "12. April".
 * Written as in a leap year, so that 29 February is a day like any other.
 */
export function dayOfYearWritten(month: number, day: number, locale?: string): string {
  const at = Date.UTC(2000, month - 1, day);
  const date = new Date(at);
  if (!Number.isInteger(month) || !Number.isInteger(day) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `${month}-${day}`;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(at);
}
