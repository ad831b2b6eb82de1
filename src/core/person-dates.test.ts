import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeDates, endOfMonth, formatDayOfYear, nextOccurrence, occurrenceIn, parseDayOfYear, parseNamedDate, PersonDateError, upcomingDates, type PersonDate } from './person-dates.js';
import { daysInMonth } from './dates.js';

describe('reading a date that matters', () => {
  it('takes a full date, a date without a year, and the vCard forms', () => {
    expect(parseDayOfYear('1985-04-12')).toEqual({ year: 1985, month: 4, day: 12 });
    expect(parseDayOfYear('19850412')).toEqual({ year: 1985, month: 4, day: 12 });
    expect(parseDayOfYear('04-12')).toEqual({ year: null, month: 4, day: 12 });
    expect(parseDayOfYear('--04-12')).toEqual({ year: null, month: 4, day: 12 });
    expect(parseDayOfYear('--0412')).toEqual({ year: null, month: 4, day: 12 });
    expect(parseDayOfYear('1985-04-12T00:00:00Z')).toEqual({ year: 1985, month: 4, day: 12 });
  });

  it('refuses what is not a day of the calendar, saying why', () => {
    expect(() => parseDayOfYear('1985-02-29')).toThrow(/month 2 has no day 29 in 1985/);
    expect(parseDayOfYear('1984-02-29')).toEqual({ year: 1984, month: 2, day: 29 });
    expect(parseDayOfYear('02-29')).toEqual({ year: null, month: 2, day: 29 });
    expect(() => parseDayOfYear('04-31')).toThrow(/month 4 has no day 31/);
    expect(() => parseDayOfYear('13-01')).toThrow(/no month 13/);
    expect(() => parseDayOfYear('12 April')).toThrow(PersonDateError);
    expect(() => parseDayOfYear('')).toThrow(/YYYY-MM-DD/);
  });

  it('reads a named date, the name taking everything before the last "="', () => {
    expect(parseNamedDate('Started at the trust=2019-09-01')).toEqual({ kind: 'other', label: 'Started at the trust', year: 2019, month: 9, day: 1 });
    expect(parseNamedDate('a=b=12-25')).toMatchObject({ label: 'a=b', month: 12, day: 25, year: null });
    expect(() => parseNamedDate('2019-09-01')).toThrow(/needs a name and a date/);
    expect(() => parseNamedDate(' =2019-09-01')).toThrow(/no name/);
  });

  const dayOfYear = fc
    .record({ year: fc.option(fc.integer({ min: 1, max: 9999 }), { nil: null }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter((d) => d.day <= (d.year === null ? [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]! : daysInMonth(d.year, d.month)));

  it('reads back every date it writes, in each form a flag or a vCard may carry (property)', () => {
    fc.assert(
      fc.property(dayOfYear, (d) => {
        expect(parseDayOfYear(formatDayOfYear(d))).toEqual(d);
        const md = formatDayOfYear(d).slice(-5);
        expect(parseDayOfYear(md)).toEqual({ ...d, year: null });
        if (d.year !== null) expect(parseDayOfYear(formatDayOfYear(d).replace(/-/g, ''))).toEqual(d);
        else expect(parseDayOfYear(`--${md.replace('-', '')}`)).toEqual(d);
      }),
    );
  });

  it('either reads a string as a valid day of the year or throws its own error, never anything else (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(--)?\d{2}-?\d{2}$/), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)), (text) => {
        try {
          const d = parseDayOfYear(text);
          expect(d.month).toBeGreaterThanOrEqual(1);
          expect(d.month).toBeLessThanOrEqual(12);
          expect(d.day).toBeLessThanOrEqual(d.year === null ? 31 : daysInMonth(d.year, d.month));
        } catch (error) {
          expect(error).toBeInstanceOf(PersonDateError);
        }
      }),
    );
  });
});

describe('when a date comes round', () => {
  const leapling = { month: 2, day: 29, year: 1984 };

  it('puts a 29 February on 28 February in a year without one (same month; a day early can still be acted on)', () => {
    expect(occurrenceIn(leapling, 2027)).toBe('2027-02-28');
    expect(occurrenceIn(leapling, 2028)).toBe('2028-02-29');
    expect(occurrenceIn(leapling, 2100)).toBe('2100-02-28');
    expect(nextOccurrence(leapling, '2027-02-28')).toBe('2027-02-28');
    expect(nextOccurrence(leapling, '2027-03-01')).toBe('2028-02-29');
  });

  it('counts today as coming round; a date already past this year comes next year', () => {
    expect(nextOccurrence({ month: 4, day: 12, year: null }, '2026-04-12')).toBe('2026-04-12');
    expect(nextOccurrence({ month: 4, day: 12, year: null }, '2026-04-13')).toBe('2027-04-12');
    expect(nextOccurrence({ month: 1, day: 2, year: null }, '2026-12-30')).toBe('2027-01-02');
  });

  it('is never before today and never a year or more away (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.date({ min: new Date('1901-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (month, rawDay, instant) => {
        const day = Math.min(rawDay, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);
        const today = instant.toISOString().slice(0, 10);
        const next = nextOccurrence({ month, day, year: null }, today);
        expect(next >= today).toBe(true);
        const yearLater = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
        expect(next <= yearLater).toBe(true);
      }),
    );
  });

  it('lists what comes round within the window, soonest first, with the age when the year is known', () => {
    const people = [
      { personId: 'p1', personName: 'Ana', dates: [{ kind: 'birthday', label: null, month: 12, day: 3, year: 1985 } as PersonDate] },
      { personId: 'p2', personName: 'Bo', dates: [{ kind: 'other', label: 'Joined', month: 11, day: 30, year: null } as PersonDate, { kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 } as PersonDate] },
    ];
    const upcoming = upcomingDates(people, '2026-11-29', '2026-12-05');
    expect(upcoming.map((d) => [d.personName, d.on, d.daysAway, d.years])).toEqual([
      ['Bo', '2026-11-30', 1, null],
      ['Ana', '2026-12-03', 4, 41],
    ]);
    expect(upcomingDates(people, '2026-11-29', endOfMonth('2026-11-29')).map((d) => d.personName)).toEqual(['Bo']);
  });

  it('knows the end of each month', () => {
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2028-02-01')).toBe('2028-02-29');
    expect(endOfMonth('2026-12-31')).toBe('2026-12-31');
  });
});

describe('changing some of the dates', () => {
  const current: PersonDate[] = [
    { kind: 'birthday', label: null, month: 4, day: 12, year: 1985 },
    { kind: 'other', label: 'Joined', month: 9, day: 1, year: 2019 },
  ];
  it('replaces only the kinds named; null clears one', () => {
    expect(changeDates(current, { anniversary: { month: 6, day: 1, year: null } }).map((d) => d.kind)).toEqual(['birthday', 'anniversary', 'other']);
    expect(changeDates(current, { birthday: null })).toEqual([current[1]]);
    expect(changeDates(current, { others: [] })).toEqual([current[0]]);
    expect(changeDates(current, { birthday: { month: 1, day: 1, year: null } })[0]).toEqual({ kind: 'birthday', label: null, month: 1, day: 1, year: null });
  });
});
