import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfYearWritten, dayWritten, monthWritten } from './dates.js';

describe('dates written for people', () => {
  it('writes a month and a day in the locale asked for', () => {
    expect(monthWritten('2026-12', 'en-GB')).toBe('December 2026');
    expect(monthWritten('2026-12', 'pt-PT')).toBe('dezembro de 2026');
    expect(monthWritten('2026-01', 'de-DE')).toBe('Januar 2026');
    expect(dayWritten('2026-12-03', 'en-GB')).toBe('3 December 2026');
    expect(dayWritten('2026-12-03', 'en-US')).toBe('December 3, 2026');
  });

  it('writes a day that comes round every year without its year, 29 February included', () => {
    expect(dayOfYearWritten(4, 12, 'en-GB')).toBe('12 April');
    expect(dayOfYearWritten(4, 12, 'en-US')).toBe('April 12');
    expect(dayOfYearWritten(2, 29, 'de-DE')).toBe('29. Februar');
    expect(dayOfYearWritten(2, 30, 'en-GB')).toBe('2-30');
    expect(dayOfYearWritten(13, 1, 'en-GB')).toBe('13-1');
  });

  it('leaves what is not a date as it is', () => {
    for (const text of ['2026-13', '2026-00', 'December', '', '2026-02-30', '2026-2-3']) {
      expect(monthWritten(text, 'en-GB')).toBe(text);
      expect(dayWritten(text, 'en-GB')).toBe(text);
    }
  });

  it('never moves a month or a day, whatever the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const written = monthWritten(`${year}-${String(month).padStart(2, '0')}`, 'en-GB');
        const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
        expect(written).toBe(`${names[month - 1]} ${year}`);
      }),
    );
  });
});
