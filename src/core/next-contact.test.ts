import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addCadence, describeCadence, normaliseCadence } from './cadence.js';
import { daysBetween } from './dates.js';
import { ZONES } from './dates.test.js';
import { dueStatus, fulfilsHandSetDate, handSetDateAfterRemoval, nextContact, type ContactRhythm } from './next-contact.js';

const civilDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const cadence = fc.tuple(fc.integer({ min: 1, max: 24 }), fc.constantFrom('d', 'w', 'm', 'y')).map(([n, u]) => `${n}${u}`);
const rhythm: fc.Arbitrary<ContactRhythm> = fc.record({
  nextContactOn: fc.option(civilDate),
  cadence: fc.option(cadence),
  lastExchangeOn: fc.option(civilDate),
  addedOn: civilDate,
});

describe('cadence', () => {
  it('reads compact and word forms', () => {
    expect(normaliseCadence('Monthly')).toBe('1m');
    expect(normaliseCadence(' 2W ')).toBe('2w');
    expect(normaliseCadence('twice-a-year')).toBe('6m');
    expect(normaliseCadence('0m')).toBeNull();
    expect(normaliseCadence('3 months')).toBeNull();
    expect(normaliseCadence('11y')).toBeNull();
    expect(describeCadence('3m')).toBe('every 3 months');
    expect(describeCadence('1w')).toBe('every week');
  });

  it('always moves a date forward', () => {
    fc.assert(
      fc.property(civilDate, cadence, (date, c) => {
        expect(daysBetween(date, addCadence(date, c))).toBeGreaterThan(0);
      }),
    );
  });
});

describe('next contact', () => {
  it('is the hand-set date while one is set', () => {
    expect(nextContact({ nextContactOn: '2026-05-01', cadence: '1m', lastExchangeOn: '2026-04-20', addedOn: '2026-01-01' })).toEqual({ date: '2026-05-01', basis: 'manual' });
  });

  it('is the last exchange plus the cadence', () => {
    expect(nextContact({ nextContactOn: null, cadence: '3m', lastExchangeOn: '2025-11-30', addedOn: '2025-01-01' })).toEqual({ date: '2026-02-28', basis: 'cadence-after-exchange' });
  });

  it('before any exchange, counts the cadence from the day the person was added', () => {
    expect(nextContact({ nextContactOn: null, cadence: '2w', lastExchangeOn: null, addedOn: '2026-11-22' })).toEqual({ date: '2026-12-06', basis: 'cadence-after-added' });
  });

  it('is never due without a cadence or a date', () => {
    fc.assert(
      fc.property(fc.option(civilDate), civilDate, (last, added) => {
        expect(nextContact({ nextContactOn: null, cadence: null, lastExchangeOn: last, addedOn: added })).toBeNull();
      }),
    );
  });

  it('a later exchange never brings the next contact earlier', () => {
    fc.assert(
      fc.property(rhythm, civilDate, (r, later) => {
        fc.pre(r.cadence !== null && r.nextContactOn === null && r.lastExchangeOn !== null && later >= r.lastExchangeOn);
        const before = nextContact(r)!;
        const after = nextContact({ ...r, lastExchangeOn: later })!;
        expect(after.date >= before.date).toBe(true);
      }),
    );
  });

  it('an exchange fulfils a hand-set date when it happens on or after the day the date was set', () => {
    expect(fulfilsHandSetDate('2026-03-20', '2026-03-20')).toBe(true);
    expect(fulfilsHandSetDate('2026-03-20', '2026-03-19')).toBe(false);
    expect(fulfilsHandSetDate(null, '2000-01-01')).toBe(true);
  });

  describe('does not depend on the host time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    it('gives the same dates and due status under every zone from UTC−12 to UTC+14', () => {
      fc.assert(
        fc.property(rhythm, civilDate, fc.constantFrom(...ZONES), (r, today, zone) => {
          process.env.TZ = 'UTC';
          const reference = nextContact(r);
          const referenceStatus = reference ? dueStatus(reference.date, today, 7) : null;
          process.env.TZ = zone;
          const result = nextContact(r);
          expect(result).toEqual(reference);
          expect(result ? dueStatus(result.date, today, 7) : null).toBe(referenceStatus);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('due status', () => {
  it('overdue before today, due today, upcoming within the window, later after it', () => {
    expect(dueStatus('2026-11-21', '2026-11-22', 7)).toBe('overdue');
    expect(dueStatus('2026-11-22', '2026-11-22', 7)).toBe('due-today');
    expect(dueStatus('2026-11-29', '2026-11-22', 7)).toBe('upcoming');
    expect(dueStatus('2026-11-30', '2026-11-22', 7)).toBe('later');
  });
});

describe('a hand-set date cleared by an exchange that is removed', () => {
  const cleared = { nextContactOn: '2026-12-10', setOn: '2026-11-01' };
  it('comes back when nothing else would have fulfilled it', () => {
    expect(handSetDateAfterRemoval(cleared, null, [{ exchangeId: 'ex_old', occurredOn: '2026-10-15' }])).toEqual({ restore: cleared, passTo: null });
  });
  it('stays cleared, held by the remaining exchange that fulfils it, and a date set since stands', () => {
    expect(handSetDateAfterRemoval(cleared, null, [{ exchangeId: 'ex_2', occurredOn: '2026-11-05' }])).toEqual({ restore: null, passTo: 'ex_2' });
    expect(handSetDateAfterRemoval(cleared, '2027-01-15', [])).toEqual({ restore: null, passTo: null });
    expect(handSetDateAfterRemoval(null, null, [])).toEqual({ restore: null, passTo: null });
  });
});
