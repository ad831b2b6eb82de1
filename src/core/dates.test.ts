import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInTimeZone, dateProblem, dayFinder, daysBetween, fromDayNumber, isIsoDate, toDayNumber } from './dates.js';

const civilDate = fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Every offset a real zone uses, from UTC−12 to UTC+14, including the odd half and quarter hours. */
const ZONES = ['Etc/GMT+12', 'Pacific/Pago_Pago', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/St_Johns', 'America/Sao_Paulo', 'Atlantic/Azores', 'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Helsinki', 'Asia/Tehran', 'Asia/Dubai', 'Asia/Kabul', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Australia/Eucla', 'Asia/Tokyo', 'Australia/Adelaide', 'Australia/Sydney', 'Pacific/Noumea', 'Pacific/Auckland', 'Pacific/Chatham', 'Pacific/Tongatapu', 'Pacific/Kiritimati'];

describe('calendar dates', () => {
  it('refuses dates that are not on the calendar, saying why', () => {
    expect(dateProblem('2026-02-30')).toMatch(/not a day of the calendar.*28 days/);
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2100-02-29')).not.toBeNull();
    expect(dateProblem('2026-13-01')).toMatch(/month 13/);
    expect(dateProblem('26-1-1')).toMatch(/YYYY-MM-DD/);
    expect(dateProblem('2026-01-01T10:00')).toMatch(/YYYY-MM-DD/);
  });

  it('day numbers round-trip and agree with the UTC calendar', () => {
    fc.assert(
      fc.property(civilDate, (date) => {
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
        expect(toDayNumber(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
      }),
    );
  });

  it('adding days moves by exactly that many days', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(moved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(daysBetween(date, moved)).toBe(days);
      }),
    );
  });

  it('adding months keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 0, max: 240 }), (date, months) => {
        const moved = addMonths(date, months);
        const monthsApart = (Number(moved.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + Number(moved.slice(5, 7)) - Number(date.slice(5, 7));
        expect(monthsApart).toBe(months);
        expect(Number(moved.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
    );
  });

  it("today in a zone is the wall-clock date there, within a day of UTC's", () => {
    expect(dateInTimeZone(new Date('2026-04-22T23:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-04-23');
    expect(dateInTimeZone(new Date('2026-04-22T23:30:00Z'), 'Etc/GMT+12')).toBe('2026-04-22');
    expect(dateInTimeZone(new Date('2026-04-23T05:00:00Z'), 'Etc/GMT+12')).toBe('2026-04-22');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom(...ZONES), (instant, zone) => {
        const local = dateInTimeZone(instant, zone);
        expect(isIsoDate(local)).toBe(true);
        expect(Math.abs(daysBetween(instant.toISOString().slice(0, 10), local))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('answers again within the same second, and the next day from the first millisecond after midnight, zone by zone', () => {
    const beforeMidnight = new Date('2026-04-22T23:59:59.999Z');
    expect(dateInTimeZone(new Date('2026-04-22T23:59:59.000Z'), 'UTC')).toBe('2026-04-22');
    expect(dateInTimeZone(beforeMidnight, 'UTC')).toBe('2026-04-22');
    expect(dateInTimeZone(new Date('2026-04-23T00:00:00.000Z'), 'UTC')).toBe('2026-04-23');
    // The same instant in zones asked in turn: each its own date, never the zone asked before.
    expect(dateInTimeZone(beforeMidnight, 'Pacific/Kiritimati')).toBe('2026-04-23');
    expect(dateInTimeZone(beforeMidnight, 'UTC')).toBe('2026-04-22');
    expect(dateInTimeZone(beforeMidnight, 'Pacific/Kiritimati')).toBe('2026-04-23');
    // Kathmandu is 5:45 ahead: its midnight is 18:15 UTC.
    expect(dateInTimeZone(new Date('2026-04-22T18:14:59.999Z'), 'Asia/Kathmandu')).toBe('2026-04-22');
    expect(dateInTimeZone(new Date('2026-04-22T18:15:00.000Z'), 'Asia/Kathmandu')).toBe('2026-04-23');
    expect(() => dateInTimeZone(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

export { ZONES };

describe('UTC without a formatter', () => {
  // dateInTimeZone and dayFinder answer UTC from the instant itself, so that a UTC host never loads ICU's locale data.
  const icuUtc = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  const icuDay = (instant: Date) => {
    const fields = icuUtc.formatToParts(instant);
    const get = (type: string) => fields.find((f) => f.type === type)?.value ?? '';
    return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
  };

  it("gives the formatter's own date for any instant of years 1 to 9999, and at each day's first and last millisecond (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (instant) => {
        expect(dateInTimeZone(instant, 'UTC')).toBe(icuDay(instant));
        expect(dayFinder('UTC')(instant.getTime())).toBe(icuDay(instant));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), fc.boolean(), (day, last) => {
        const instant = new Date(day * 86_400_000 + (last ? 86_399_999 : 0));
        expect(dateInTimeZone(instant, 'UTC')).toBe(icuDay(instant));
      }),
    );
  });

  it('leaves the years a six-digit ISO string writes to the formatter, as before', () => {
    const far = new Date('+010000-01-01T00:00:00Z');
    expect(dateInTimeZone(far, 'UTC')).toBe(icuDay(far));
    const yearZero = new Date('0000-06-01T00:00:00Z');
    expect(dateInTimeZone(yearZero, 'UTC')).toBe(icuDay(yearZero));
  });
});

describe('dayFinder', () => {
  it('gives the same day as dateInTimeZone for any instant, in zones with odd offsets and clock changes (property)', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'UTC']) {
      const find = dayFinder(zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') }), (ms) => {
          expect(find(ms)).toBe(dateInTimeZone(new Date(ms), zone));
        }),
        { numRuns: 400 },
      );
      // Around a clock change, minute by minute.
      const change = Date.parse('2026-03-29T00:00:00Z');
      for (let ms = change - 86_400_000; ms < change + 2 * 86_400_000; ms += 15 * 60_000) expect(find(ms)).toBe(dateInTimeZone(new Date(ms), zone));
    }
  });
});
