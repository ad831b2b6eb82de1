import { describe, expect, it } from 'vitest';
import { defineDecidedList } from '../core/check/decided-list.js';
import { writeJsonInPieces } from './json-pieces.js';

const written = (value: unknown) => {
  const parts: Buffer[] = [];
  writeJsonInPieces(value, (bytes) => parts.push(bytes));
  return { text: Buffer.concat(parts).toString('utf8'), parts };
};

describe('writeJsonInPieces', () => {
  it('writes the same text as JSON.stringify, whatever the value holds', () => {
    const long = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, name: i % 7 === 0 ? `Łucja ☕ ${i}` : `Ada ${i}`, skip: undefined, tags: ['a', i] }));
    const report = {
      map: { nodes: long, edges: Array.from({ length: 200 }, (_, i) => [i, i + 1]), empty: [], none: {} },
      holes: [undefined, () => 1, Symbol('s'), null, ...Array.from({ length: 70 }, (_, i) => (i % 2 ? undefined : i))],
      at: new Date('2026-11-22T10:00:00Z'),
      own: { toJSON: () => 'mine' },
      gone: undefined,
      fn: () => 2,
      quoted: 'say "hi"\n\u2028',
      numbers: [Number.NaN, Infinity, -0, 1.5],
      get lazy() {
        return { built: true };
      },
    };
    expect(written(report).text).toBe(JSON.stringify(report));
    for (const leaf of [null, 3, 'text', true, [], {}, [undefined]]) expect(written(leaf).text).toBe(JSON.stringify(leaf));
  });

  it('writes long arrays in runs whose joins fall on every boundary, with names outside Latin-1 on either side', () => {
    for (const length of [63, 64, 255, 256, 257, 511, 512, 513, 1000]) {
      const items = Array.from({ length }, (_, i) => (i % 5 === 0 ? undefined : i % 3 === 0 ? `Żaneta — ${i}` : { n: i, s: 'é' }));
      const value = { list: items, nested: { deeper: items } };
      expect(written(value).text).toBe(JSON.stringify(value));
      expect(written(items).text).toBe(JSON.stringify(items));
    }
  });

  it('hands a large value on in several pieces, none of them the whole', () => {
    const big = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: `person-${i}`, note: 'x'.repeat(40) })) };
    const { text, parts } = written(big);
    expect(text).toBe(JSON.stringify(big));
    expect(parts.length).toBeGreaterThan(3);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(Buffer.byteLength(text) / 2);
  });

  it('splits no character across pieces: a text longer than a piece, of 2-, 3- and 4-byte characters at every offset', () => {
    for (const char of ['é', '☕', '𝄞']) {
      for (const offset of [0, 1, 2, 3]) {
        const value = { lead: 'x'.repeat(offset), long: char.repeat(140_000), list: Array.from({ length: 100 }, (_, i) => `${char}${i}`) };
        const { text, parts } = written(value);
        expect(text).toBe(JSON.stringify(value));
        expect(parts.length).toBeGreaterThan(1);
        // Each piece is whole UTF-8 on its own: decoding it alone loses nothing.
        expect(parts.map((p) => p.toString('utf8')).join('')).toBe(text);
      }
    }
  });

  it("writes a check's decided lists run by run without keeping them whole, the same text as reading them whole", () => {
    for (const length of [0, 1, 63, 256, 257, 700]) {
      let writes = 0;
      const write = (n: number) => {
        writes += 1;
        return n % 4 === 0 ? { n, name: `Ōta ${n}` } : { n, skipped: undefined };
      };
      const part = defineDecidedList({ total: length } as { total: number; items: { n: number }[] }, 'items', Array.from({ length }, (_, i) => i), write);
      const report = { part, plain: { items: [1, 2] } };
      const text = written(report).text;
      expect(writes).toBe(length);
      // Not kept: the list read whole afterwards writes every item again, and gives the same text.
      expect(text).toBe(JSON.stringify(report));
      expect(writes).toBe(2 * length);
    }
  });
});
