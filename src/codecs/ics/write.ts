/**
 * The reminders feed's file: calendar entries (core/calendar.ts) as an iCalendar
 * (RFC 5545) document, written with ical-generator.
 */
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { CalendarEntry } from '../../core/calendar.js';
import type { IsoDate } from '../../core/dates.js';

/**
 * The instant ical-generator should print as `date` in an all-day event. With no
 * time zone on the event or the calendar it formats all-day dates with the UTC
 * getters (getUTCFullYear, getUTCMonth, getUTCDate), so midnight UTC of the civil
 * date prints as that date whatever the host's zone. (A local-time Date would come
 * out a day early east of UTC; ics.test.ts checks every zone from UTC−12 to UTC+14.)
 */
function allDayInstant(date: IsoDate): Date {
  const instant = new Date(0);
  instant.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a calendar date: ${date}`);
  return instant;
}

/** RFC 5545 allows no control characters in text but the tab; line breaks are written as `\n`. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** The entries as an iCalendar (RFC 5545) document: all-day events, no time zones, CRLF line endings. */
export function renderIcs(entries: readonly CalendarEntry[], options: { calendarName: string; now: Date }): string {
  const calendar = ical({ name: options.calendarName, prodId: { company: 'Waggle', product: 'Waggle networking planner', language: 'EN' } });
  for (const entry of entries) {
    const description = cleanText(entry.description);
    calendar.createEvent({
      id: entry.uid,
      allDay: true,
      start: allDayInstant(entry.start),
      end: allDayInstant(entry.end),
      stamp: options.now,
      summary: cleanText(entry.summary),
      description: description === '' ? null : description,
      categories: entry.categories.filter((name) => name !== '').map((name) => ({ name })),
      // RFC 5545 skips a yearly 29 February in other years; "the last day of February" keeps the birthday on the 28th there.
      repeating: entry.yearly ? (entry.start.slice(5) === '02-29' ? { freq: ICalEventRepeatingFreq.YEARLY, byMonth: [2], byMonthDay: [-1] } : { freq: ICalEventRepeatingFreq.YEARLY }) : null,
    });
  }
  // Every content line ends with CRLF, the last one included (RFC 5545, section 3.1).
  return `${calendar.toString()}\r\n`;
}
