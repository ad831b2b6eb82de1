import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idsBytes } from './byte-budget.js';
import { CHUNK, IdOrder } from './id-order.js';

const ids = (n: number, prefix = 'per_') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** A plain array doing what IdOrder does: the model it must agree with. */
type Step = { kind: 'without'; picks: number[]; unknown: boolean } | { kind: 'insert'; at: number };

describe('IdOrder, an order of ids in chunks', () => {
  it('agrees with a plain array through any sequence of takings-out and puttings-in, sharing what it did not touch', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('without' as const), picks: fc.array(fc.nat(), { maxLength: 4 }), unknown: fc.boolean() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * CHUNK + 7 }), fc.array(step, { maxLength: 30 }), (size, steps: Step[]) => {
        let model = ids(size);
        let order = IdOrder.of(model);
        let fresh = 0;
        for (const s of steps) {
          const before = order;
          const beforeIds = before.toArray();
          if (s.kind === 'without') {
            const taken = [...new Set(s.picks.filter(() => model.length > 0).map((p) => model[p % model.length] as string))];
            if (s.unknown) taken.push('per_nobody');
            const { order: next, removed } = order.without(taken);
            expect(new Set(removed)).toEqual(new Set(taken.filter((id) => model.includes(id))));
            model = model.filter((id) => !taken.includes(id));
            order = next;
          } else {
            const at = s.at % (model.length + 1);
            const id = `new_${fresh++}`;
            model.splice(at, 0, id);
            order = order.inserted(at, id);
          }
          // The order it came from is as it was: a reader holding it sees no change.
          expect(before.toArray()).toEqual(beforeIds);
          expect(order.length).toBe(model.length);
          expect(order.toArray()).toEqual(model);
          expect(order.idBytes).toBe(idsBytes(model) - 16);
        }
        // Any place and any slice, as an array gives them.
        for (const place of [0, 1, model.length >> 1, model.length - 1, model.length, -1]) expect(order.at(place)).toBe(model[place]);
        for (const [from, to] of [[0, 50], [CHUNK - 3, CHUNK + 60], [Math.max(0, model.length - 10), model.length + 10], [5, 2], [model.length + 1, model.length + 5]] as const) {
          expect(order.slice(from, to)).toEqual(model.slice(from, to));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a chunk that grows to twice the size is split, so a putting-in never copies more than 2 × CHUNK ids', () => {
    let order = IdOrder.of(ids(CHUNK));
    for (let i = 0; i < 3 * CHUNK; i++) order = order.inserted(i % 7 === 0 ? 0 : order.length >> 1, `new_${i}`);
    const chunks = (order as unknown as { chunks: string[][] }).chunks;
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(2 * CHUNK);
    expect(order.length).toBe(4 * CHUNK);
  });

  it('takes nothing out and gives itself back when none of the ids is in it; refuses a place outside it', () => {
    const order = IdOrder.of(ids(10));
    expect(order.without(['per_99']).order).toBe(order);
    expect(() => order.inserted(11, 'x')).toThrow(RangeError);
    expect(() => order.inserted(-1, 'x')).toThrow(RangeError);
    expect(IdOrder.of([]).inserted(0, 'only').toArray()).toEqual(['only']);
  });
});
