import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromPostgresJson } from './json-dialects.js';

/**
 * A moment as PostgreSQL's JSON writes a timestamptz in a session at `offsetSeconds` from UTC: the date
 * and time there, the microseconds only when there are any (trailing zeros left off), then the offset
 * (its seconds only when there are any, as for local mean time).
 */
function postgresJsonText(epochMs: number, micros: number, offsetSeconds: number): string {
  const local = new Date(epochMs + offsetSeconds * 1000).toISOString().slice(0, 19);
  const fraction = (((epochMs % 1000) + 1000) % 1000) * 1000 + micros;
  const digits = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
  const sign = offsetSeconds < 0 ? '-' : '+';
  const size = Math.abs(offsetSeconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const seconds = size % 60 ? `:${two(size % 60)}` : '';
  return `${local}${digits}${sign}${two(Math.floor(size / 3600))}:${two(Math.floor(size / 60) % 60)}${seconds}`;
}

// Years 0001–9999, whole milliseconds from the epoch's side of year 1 on.
const moment = fc.integer({ min: Date.UTC(1, 0, 1) + 14 * 3_600_000, max: Date.UTC(9999, 11, 31) - 14 * 3_600_000 });

describe('a timestamp as PostgreSQL JSON writes it, read as the ISO string', () => {
  it('gives what the driver gives the column itself, the fraction past milliseconds dropped, in UTC', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 999 }), (epochMs, micros) => {
        expect(isoFromPostgresJson(postgresJsonText(epochMs, micros, 0))).toBe(new Date(epochMs).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same moment from a session in another time zone, its offset in seconds too', () => {
    // In seconds: whole hours, half and quarter hours, and local mean times (Kolkata's +05:53:28, Amsterdam's +00:19:32, New York's -04:56:02).
    const offsets = [-36_000, -28_800, -12_600, 3_600, 19_800, 20_700, 50_400, 21_208, 1_172, -17_762];
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 999 }), fc.constantFrom(...offsets), (epochMs, micros, offset) => {
        expect(isoFromPostgresJson(postgresJsonText(epochMs, micros, offset))).toBe(new Date(epochMs).toISOString());
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the forms a fraction takes, one digit to six', () => {
    expect(isoFromPostgresJson('2026-11-22T10:00:00+00:00')).toBe('2026-11-22T10:00:00.000Z');
    expect(isoFromPostgresJson('2026-11-22T10:00:00.5+00:00')).toBe('2026-11-22T10:00:00.500Z');
    expect(isoFromPostgresJson('2026-11-22T10:00:00.12+00:00')).toBe('2026-11-22T10:00:00.120Z');
    expect(isoFromPostgresJson('2026-11-22T10:00:00.123+00:00')).toBe('2026-11-22T10:00:00.123Z');
    expect(isoFromPostgresJson('2026-11-22T10:00:00.999999+00:00')).toBe('2026-11-22T10:00:00.999Z');
    expect(isoFromPostgresJson('0999-12-31T23:59:59.001+00:00')).toBe('0999-12-31T23:59:59.001Z');
    expect(isoFromPostgresJson('1000-01-01T05:53:27.001+05:53:28')).toBe('0999-12-31T23:59:59.001Z');
    expect(isoFromPostgresJson('0050-06-01T00:00:00-01:00')).toBe('0050-06-01T01:00:00.000Z');
  });

  it('leaves a value no date reads as it is, rather than failing the page', () => {
    expect(isoFromPostgresJson('infinity')).toBe('infinity');
    expect(isoFromPostgresJson('-infinity')).toBe('-infinity');
  });
});
