import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { egoMap } from '../../../src/core/check/index.js';
import { generateLargeSnapshot } from '../../../src/demo/generate-map.js';
import { matchRank, rankMatches, type Findable } from './find.js';

const item = (label: string, strength = 1, importance = 1): Findable => ({ key: label, label, strength, importance });

describe("the map's Find", () => {
  it('puts the stronger Ana first when both start with the text, and an exact name before any prefix', () => {
    const items = [item('Ana Sousa', 0, 1), item('Ana Silva', 4, 5), item('Anabela Reis', 5, 5), item('Mariana Ana', 5, 5), item('Ana', 0, 0)];
    expect(rankMatches(items, 'ana').map((m) => m.item.label)).toEqual(['Ana', 'Anabela Reis', 'Ana Silva', 'Ana Sousa', 'Mariana Ana']);
    expect(rankMatches(items, 'Ana Silva')[0]!.item.label).toBe('Ana Silva');
  });

  it('among equally strong ties, the most recent exchange comes first; never met comes last; rank and strength still lead', () => {
    const met = (label: string, strength: number, lastExchangeOn: string | null, importance = 1): Findable => ({ key: label, label, strength, importance, lastExchangeOn });
    const items = [
      met('Ana Sousa', 2, '2024-01-10', 5), // dormant import, more important
      met('Ana Silva', 2, '2026-11-15'),
      met('Ana Lopes', 2, null, 5),
      met('Ana Reis', 3, '2023-05-01'), // stronger: before all the 2s, however long ago
      met('Ana', 0, null), // exact: first whatever else
      met('Mariana Costa', 5, '2026-11-20'), // only a later word: after every prefix
    ];
    expect(rankMatches(items, 'ana').map((m) => m.item.label)).toEqual(['Ana', 'Ana Reis', 'Ana Silva', 'Ana Sousa', 'Ana Lopes', 'Mariana Costa']);
  });

  it('orders by rank, then strength, then recency, whatever order the items come in (property)', () => {
    const order = { exact: 0, prefix: 1, word: 2, contains: 3 } as const;
    const findable = fc.record({
      label: fc.constantFrom('Ana', 'Ana Silva', 'Ana Sousa', 'Dr Ana Lopes', 'Mariana Ana', 'Joana'),
      strength: fc.integer({ min: 0, max: 5 }),
      importance: fc.integer({ min: 0, max: 5 }),
      lastExchangeOn: fc.option(fc.integer({ min: 0, max: 900 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10))),
    });
    fc.assert(
      fc.property(fc.array(findable, { maxLength: 12 }), (raw) => {
        const items = raw.map((r, i) => ({ ...r, key: `k${i}` }));
        const ranked = rankMatches(items, 'ana');
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          const byRank = order[a.rank] - order[b.rank];
          expect(byRank).toBeLessThanOrEqual(0);
          if (byRank === 0) {
            expect(a.item.strength).toBeGreaterThanOrEqual(b.item.strength);
            if (a.item.strength === b.item.strength) expect((a.item.lastExchangeOn ?? '') >= (b.item.lastExchangeOn ?? '')).toBe(true);
          }
        }
      }),
    );
  });

  it('ignores case, accents and a title, for an exact match too', () => {
    expect(matchRank('Dr Rosa Jiménez', 'rosa jimenez')).toBe('exact');
    expect(matchRank('Prof. Margaret Achterberg', 'margaret')).toBe('prefix');
    expect(matchRank('Dr Rosa Jiménez', 'JIM')).toBe('word');
    expect(matchRank('Dr Rosa Jiménez', 'sa ji')).toBe('contains');
    expect(matchRank('Dr Rosa Jiménez', 'xyz')).toBeNull();
    expect(matchRank('Dr Rosa Jiménez', '   ')).toBeNull();
  });

  it('on a map of 5,000 people, every exact name typed is found first, with every match listed', () => {
    const map = egoMap(generateLargeSnapshot({ people: 5000, networks: 300, goals: 20, exchanges: 0, seed: 7 }));
    const nodes = map.nodes.filter((n) => n.kind !== 'me');
    expect(nodes.length).toBeGreaterThanOrEqual(5000);
    for (const target of nodes.filter((_, i) => i % 97 === 0)) {
      const ranked = rankMatches(nodes, target.label);
      expect(ranked[0]!.rank).toBe('exact');
      // Namesakes share the exact rank; the target is among them.
      expect(ranked.filter((m) => m.rank === 'exact').map((m) => m.item.key)).toContain(target.key);
      expect(ranked.length).toBe(nodes.filter((n) => matchRank(n.label, target.label) !== null).length);
    }
  });

  it('orders any list by rank, then strength, then importance', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 8 }), strength: fc.integer({ min: 0, max: 5 }), importance: fc.integer({ min: 0, max: 5 }) })), fc.string({ minLength: 1, maxLength: 3 }), (rows, typed) => {
        const ranked = rankMatches(rows.map((r, i) => ({ ...r, key: String(i) })), typed);
        const order = { exact: 0, prefix: 1, word: 2, contains: 3 };
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(order[a.rank] < order[b.rank] || (order[a.rank] === order[b.rank] && (a.item.strength > b.item.strength || (a.item.strength === b.item.strength && a.item.importance >= b.item.importance)))).toBe(true);
        }
      }),
    );
  });
});
