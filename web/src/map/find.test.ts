import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { egoMap, generateLargeSnapshot } from '../../../src/core/check/index.js';
import { matchRank, rankMatches, type Findable } from './find.js';

const item = (label: string, strength = 1, importance = 1): Findable => ({ key: label, label, strength, importance });

describe("the map's Find", () => {
  it('puts the stronger Ana first when both start with the text, and an exact name before any prefix', () => {
    const items = [item('Ana Sousa', 0, 1), item('Ana Silva', 4, 5), item('Anabela Reis', 5, 5), item('Mariana Ana', 5, 5), item('Ana', 0, 0)];
    expect(rankMatches(items, 'ana').map((m) => m.item.label)).toEqual(['Ana', 'Anabela Reis', 'Ana Silva', 'Ana Sousa', 'Mariana Ana']);
    expect(rankMatches(items, 'Ana Silva')[0]!.item.label).toBe('Ana Silva');
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
