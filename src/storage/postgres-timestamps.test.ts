import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromPostgresTimestamp } from './postgres-timestamps.js';

type Form = 'text' | 'json';

/**
 * A moment as PostgreSQL writes a timestamptz in a session at `offsetSeconds` from UTC, in DateStyle ISO
 * (its default): the date and time there, the microseconds only when there are any (trailing zeros left
 * off), then the offset, then ` BC` for a year before 1. As the column's text, date and time are apart by a
 * space and the offset is `+05`, `+05:30` or `+05:53:28`; inside JSON, by `T` and `+05:00`, `+05:53:28`.
 */
function postgresText(epochMs: number, micros: number, offsetSeconds: number, form: Form): string {
  const local = new Date(epochMs + offsetSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  // No year 0: ISO's year 0 is 1 BC.
  const isoYear = local.getUTCFullYear();
  const year = String(isoYear > 0 ? isoYear : 1 - isoYear).padStart(4, '0');
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  const fraction = (((epochMs % 1000) + 1000) % 1000) * 1000 + micros;
  const digits = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
  const sign = offsetSeconds < 0 ? '-' : '+';
  const size = Math.abs(offsetSeconds);
  const minutes = Math.floor(size / 60) % 60;
  const seconds = size % 60 ? `:${two(size % 60)}` : '';
  const offset = form === 'json' || minutes || seconds ? `${two(Math.floor(size / 3600))}:${two(minutes)}${seconds}` : two(Math.floor(size / 3600));
  return `${year}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}${form === 'json' ? 'T' : ' '}${time}${digits}${sign}${offset}${isoYear > 0 ? '' : ' BC'}`;
}

const DAY = 86_400_000;
// Years 1–9999, whole milliseconds, a day inside each end (no offset carries a moment out of the range). By
// its text: Date.UTC reads a year under 100 as 19xx.
const moment = fc.integer({ min: Date.parse('0001-01-01T00:00:00Z') + DAY, max: Date.parse('9999-12-31T00:00:00Z') - DAY });
// Years 4000 BC to 200,000 AD, as far as PostgreSQL and JavaScript's Date both reach, about.
const anyMoment = fc.integer({ min: -188_000_000_000_000, max: 6_249_000_000_000_000 });
const form = fc.constantFrom<Form>('text', 'json');
// In seconds: whole hours, half and quarter hours, and local mean times (Kolkata's +05:53:28, Amsterdam's +00:19:32, New York's -04:56:02, Lisbon's -00:36:45).
const offsets = [-36_000, -28_800, -12_600, 3_600, 19_800, 20_700, 50_400, 21_208, 1_172, -17_762, -2_205];

describe('a timestamptz as PostgreSQL writes it, read as the ISO string', () => {
  it('gives the moment in UTC, the fraction past milliseconds dropped, as the column’s text and inside JSON', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 999 }), form, (epochMs, micros, f) => {
        expect(isoFromPostgresTimestamp(postgresText(epochMs, micros, 0, f))).toBe(new Date(epochMs).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same moment from a session in another time zone, its offset in seconds too', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 999 }), fc.constantFrom(...offsets), form, (epochMs, micros, offset, f) => {
        expect(isoFromPostgresTimestamp(postgresText(epochMs, micros, offset, f))).toBe(new Date(epochMs).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads years before 1 (BC) and past 9999 as ISO’s signed years', () => {
    fc.assert(
      fc.property(anyMoment, fc.constantFrom(0, ...offsets), form, (epochMs, offset, f) => {
        expect(isoFromPostgresTimestamp(postgresText(epochMs, 0, offset, f))).toBe(new Date(epochMs).toISOString());
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the forms PostgreSQL writes, as psql printed them (PostgreSQL 15)', () => {
    // Most as `select t::text, to_json(t)` gave them in the session's zone named; the fractions' lengths and the
    // offset of whole hours (`-01`) in the forms those take.
    const written: [string, string][] = [
      ['2026-11-22 10:00:00+00', '2026-11-22T10:00:00.000Z'],
      ['2026-11-22T10:00:00+00:00', '2026-11-22T10:00:00.000Z'],
      ['2026-11-22 10:00:00.5+00', '2026-11-22T10:00:00.500Z'],
      ['2026-11-22T10:00:00.12+00:00', '2026-11-22T10:00:00.120Z'],
      ['2026-11-22 10:00:00.123+00', '2026-11-22T10:00:00.123Z'],
      ['2026-11-22T10:00:00.999999+00:00', '2026-11-22T10:00:00.999Z'],
      // Asia/Kolkata, America/St_Johns.
      ['2026-11-22 15:30:00.5+05:30', '2026-11-22T10:00:00.500Z'],
      ['2026-11-22T06:30:00.5-03:30', '2026-11-22T10:00:00.500Z'],
      // Local mean time: Asia/Kolkata, Europe/Lisbon, America/St_Johns.
      ['0999-01-01 05:53:28+05:53:28', '0999-01-01T00:00:00.000Z'],
      ['0998-12-31T23:23:15-00:36:45', '0999-01-01T00:00:00.000Z'],
      ['1850-05-31 20:29:08-03:30:52', '1850-06-01T00:00:00.000Z'],
      // Before year 1, and past 9999.
      ['0044-03-15 12:00:00.123456+00 BC', '-000043-03-15T12:00:00.123Z'],
      ['0044-03-15T17:53:28.123456+05:53:28 BC', '-000043-03-15T12:00:00.123Z'],
      ['12026-01-01 00:00:00+00', '+012026-01-01T00:00:00.000Z'],
      ['12025-12-31T20:30:00-03:30', '+012026-01-01T00:00:00.000Z'],
      ['0050-06-01 00:00:00-01', '0050-06-01T01:00:00.000Z'],
    ];
    for (const [value, iso] of written) expect(isoFromPostgresTimestamp(value), value).toBe(iso);
  });

  it('leaves a value no date reads as it is, rather than failing the read', () => {
    for (const value of ['infinity', '-infinity', '294276-12-31 23:59:59+00', 'Sun Nov 22 10:00:00 2026 UTC', '']) expect(isoFromPostgresTimestamp(value)).toBe(value);
  });
});
