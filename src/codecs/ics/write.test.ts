import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../core/calendar.js';
import { addDays, fromDayNumber, toDayNumber } from '../../core/dates.js';
import { parseIcs } from '../../test-support/read-ics.js';
import { renderIcs } from './write.js';

/** Every offset a real zone uses, from UTC−12 to UTC+14 (the list of dates.test.ts). */
const ZONES = ['Etc/GMT+12', 'Pacific/Pago_Pago', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/St_Johns', 'America/Sao_Paulo', 'Atlantic/Azores', 'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Helsinki', 'Asia/Tehran', 'Asia/Dubai', 'Asia/Kabul', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Australia/Eucla', 'Asia/Tokyo', 'Australia/Adelaide', 'Australia/Sydney', 'Pacific/Noumea', 'Pacific/Auckland', 'Pacific/Chatham', 'Pacific/Tongatapu', 'Pacific/Kiritimati'];

const NOW = new Date('2026-11-22T09:00:00Z');

/** What a text value reads back as: line breaks as `\n`, without the control characters RFC 5545 forbids. */
function asText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Runs `work` with the host's time zone set to `zone`, then puts the old one back. */
function inZone<T>(zone: string, work: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return work();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

const december: CalendarEntry = {
  uid: 'plan-target-tgt_1@waggle',
  start: '2026-12-01',
  end: '2027-01-01',
  summary: 'This month: reach Ana Silva',
  description: 'Ask about the trial design',
  categories: ['waggle', 'plan-target'],
};

describe('the ICS feed', () => {
  it('writes all-day events an independent parser reads back exactly', () => {
    const entries: CalendarEntry[] = [
      december,
      { uid: 'follow-up-fu_1@waggle', start: '2026-11-25', end: '2026-11-26', summary: 'Follow up: Send the article, the long one; today (Zoë 李)', description: 'Due on 2026-11-25.\nKind: resource.', categories: ['waggle', 'follow-up'] },
    ];
    const text = renderIcs(entries, { calendarName: 'Waggle reminders', now: NOW });
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Waggle//Waggle networking planner//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Waggle reminders');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toEqual([
      { uid: 'plan-target-tgt_1@waggle', summary: 'This month: reach Ana Silva', description: 'Ask about the trial design', start: '2026-12-01', end: '2027-01-01', allDay: true, categories: ['waggle', 'plan-target'] },
      { uid: 'follow-up-fu_1@waggle', summary: 'Follow up: Send the article, the long one; today (Zoë 李)', description: 'Due on 2026-11-25.\nKind: resource.', start: '2026-11-25', end: '2026-11-26', allDay: true, categories: ['waggle', 'follow-up'] },
    ]);
    const lines = text.split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261201');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTSTAMP:20261122T090000Z');
    expect(text).not.toMatch(/TZID|VTIMEZONE/);
  });

  it('uses CRLF line endings and folds lines at 75 octets', () => {
    const long = 'Follow up: ' + 'Ünïcødé 日本語 🐝, ; '.repeat(30);
    const text = renderIcs([{ ...december, summary: long, description: long }], { calendarName: 'Waggle reminders', now: NOW });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(parseIcs(text).events[0]?.summary).toBe(long);
  });

  it('drops control characters RFC 5545 does not allow in text', () => {
    const text = renderIcs([{ ...december, summary: 'Bell\u0007 and\r\nbreak\u0000' }], { calendarName: 'Waggle reminders', now: NOW });
    expect(parseIcs(text).events[0]?.summary).toBe('Bell and\nbreak');
  });

  it('switching the host zone really changes local time (so the property below means something)', () => {
    const instant = new Date(Date.UTC(2026, 0, 1));
    expect(inZone('Pacific/Kiritimati', () => instant.getTimezoneOffset())).toBe(-14 * 60);
    expect(inZone('Etc/GMT+12', () => instant.getTimezoneOffset())).toBe(12 * 60);
  });

  it('writes the same dates on the farthest zones from UTC', () => {
    for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
      const text = inZone(zone, () => renderIcs([december], { calendarName: 'Waggle reminders', now: NOW }));
      expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20270101\r\n');
    }
  });

  it('event dates equal the due dates in every zone from UTC−12 to UTC+14', () => {
    const day = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2099-12-31') }).map(fromDayNumber);
    const piece = fc.oneof(fc.constantFrom(',', ';', '\n', '\\', ':', '"', ' ', 'Ünïcødé', 'Zoë', '日本語の名前', 'Ελληνικά', 'العربية', 'Кирилл', '🐝', 'e\u0301'), fc.string({ unit: 'grapheme', maxLength: 8 }));
    const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
    const entry = fc.record({ start: day, days: fc.integer({ min: 1, max: 62 }), summary: text, description: text });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (drafts) => {
        const entries: CalendarEntry[] = drafts.map((d, i) => ({ uid: `entry-${i}@waggle`, start: d.start, end: addDays(d.start, d.days), summary: d.summary, description: d.description, categories: ['waggle'] }));
        for (const zone of ZONES) {
          const events = inZone(zone, () => parseIcs(renderIcs(entries, { calendarName: 'Waggle reminders', now: NOW })).events);
          expect(events).toHaveLength(entries.length);
          entries.forEach((e, i) => {
            expect(events[i]).toMatchObject({ uid: e.uid, start: e.start, end: e.end, allDay: true, summary: asText(e.summary), description: asText(e.description) });
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
