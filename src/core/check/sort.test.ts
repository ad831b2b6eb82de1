import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstInOrder } from './sort.js';

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
