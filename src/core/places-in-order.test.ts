import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdOrder } from './id-order.js';
import { pairKey, placesInOrder, type ProbePair } from './places-in-order.js';

/**
 * Ids are `k<key>_<n>` sorted by key and then by id, as the database sorts a listing (a key, ties by
 * id): the rule the question answers by, here asked of the ids themselves.
 */
const keyOf = (id: string) => Number(id.slice(1, id.indexOf('_')));
const sortsBefore = (a: string, b: string) => keyOf(a) < keyOf(b) || (keyOf(a) === keyOf(b) && a < b);
const byRule = (a: string, b: string) => (sortsBefore(a, b) ? -1 : sortsBefore(b, a) ? 1 : 0);

function askingOf(rounds: ProbePair[][]) {
  return async (pairs: readonly ProbePair[]) => {
    rounds.push([...pairs]);
    return new Set(pairs.filter((pair) => sortsBefore(pair.probe, pair.person)).map((pair) => pairKey(pair.person, pair.probe)));
  };
}

function insertAll(order: IdOrder, places: readonly { place: number; id: string }[]): string[] {
  let ids = order;
  for (const { place, id } of places) ids = ids.inserted(place, id);
  return ids.toArray();
}

describe('placesInOrder, people put back into an order a few questions at a time', () => {
  it('gives the order the rule gives, for any order, any people (ties among them included) and any number of probes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 40 }),
        async (orderKeys, peopleKeys, probes) => {
          const order = orderKeys.map((key, n) => `k${key}_o${n}`).sort(byRule);
          const people = peopleKeys.map((key, n) => `k${key}_p${n}`);
          const rounds: ProbePair[][] = [];
          const places = await placesInOrder(IdOrder.of(order), people, askingOf(rounds), probes);
          expect(insertAll(IdOrder.of(order), places)).toEqual([...order, ...people].sort(byRule));
          // Never more rounds than a search of probes + 1 ways needs, plus the first (which also orders the people among themselves).
          expect(rounds.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(Math.log(order.length + 1) / Math.log(probes + 1)) + 1));
          for (const round of rounds) for (const pair of round) expect(pair.probe).not.toBe(pair.person);
        },
      ),
    );
  });

  it('places ten people in an order of 30,000 in three questions, each about at most 32 places a person and how they sort among themselves', async () => {
    const order = Array.from({ length: 30_000 }, (_, n) => `k${n}_o${String(n).padStart(5, '0')}`);
    const people = Array.from({ length: 10 }, (_, n) => `k${n * 2_999}_p${n}`);
    const rounds: ProbePair[][] = [];
    const places = await placesInOrder(IdOrder.of(order), people, askingOf(rounds));
    expect(rounds).toHaveLength(3);
    expect(rounds[0]).toHaveLength(10 * 32 + 10 * 9);
    for (const round of rounds.slice(1)) expect(round.length).toBeLessThanOrEqual(10 * 32);
    expect(insertAll(IdOrder.of(order), places)).toEqual([...order, ...people].sort(byRule));
  });

  it('asks nothing for one person in an empty order, and places them first', async () => {
    const rounds: ProbePair[][] = [];
    expect(await placesInOrder(IdOrder.of([]), ['k1_p0'], askingOf(rounds))).toEqual([{ place: 0, id: 'k1_p0' }]);
    expect(rounds).toEqual([]);
  });

  it('places a person named twice once', async () => {
    const places = await placesInOrder(IdOrder.of(['k1_a', 'k3_b']), ['k2_p', 'k2_p'], askingOf([]));
    expect(places).toEqual([{ place: 1, id: 'k2_p' }]);
  });
});
