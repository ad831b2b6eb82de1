import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText, FirstInOrder, sortByRank, sortFactsByRank } from './sort.js';

describe('the first items in order', () => {
  it('keeps what a stable sort then a slice would keep, ties in input order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 4 }), id: fc.nat() }), { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (items, count) => {
        const compare = (a: { key: number }, b: { key: number }) => b.key - a.key;
        const first = new FirstInOrder(count, compare);
        for (const item of items) first.offer(item);
        expect(first.items).toEqual([...items].sort(compare).slice(0, count));
        expect(first.offered).toBe(items.length);
      }),
    );
  });
});

describe('facts sorted by rank vectors as numbers', () => {
  // The check's keys are held finite (scores clamped, days or a stand-in for never), -0 included.
  const key = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(-0, 2.5, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  const item = fc.record({ name: fc.constantFrom('Ana', 'ana', 'Ana ', 'Bo', '', 'Élise', 'Zoë'), id: fc.constantFrom('p1', 'p2', 'P1', 'n1'), key: fc.array(key, { minLength: 3, maxLength: 3 }) });

  it('gives the order sortByRank gives by name and id, equal names and ids in slot order', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), (given) => {
        const items = given.map((g, slot) => ({ ...g, slot }));
        // The index's name order: name, then id, then slot.
        const bySlot = items.map((i) => i.slot).sort((a, b) => compareText(items[a]!.name, items[b]!.name) || compareText(items[a]!.id, items[b]!.id) || a - b);
        const nameRank = new Int32Array(items.length);
        bySlot.forEach((slot, place) => (nameRank[slot] = place));
        const expected = sortByRank(items, (i) => i.key, (i) => i);
        const sorted = sortFactsByRank(items, 3, (i, row, at) => row.set(i.key, at), nameRank);
        expect(sorted.map((i) => i.slot)).toEqual(expected.map((i) => i.slot));
      }),
    );
  });
});
