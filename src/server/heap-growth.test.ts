import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { growHeapSlowly } from './heap-growth.js';

const mb = (bytes: number) => bytes / 2 ** 20;

/**
 * What a busy server does to its heap: a set it keeps (here some 15 MB of ids, like the listings'
 * kept orders), each part replaced again and again, the old one left for the collector after it
 * has lived long enough to be promoted to the old space. Returns the most heap in use meanwhile,
 * above what was in use before.
 */
function churn(rounds: number): { live: number; mostUsed: number } {
  const before = getHeapStatistics().used_heap_size;
  const kept = Array.from({ length: 12 }, (_, part) => Array.from({ length: 10_000 }, (_, i) => `person-${part}-${i}-0123456789`));
  let mostUsed = 0;
  for (let round = 0; round < rounds; round++) {
    kept[round % kept.length] = Array.from({ length: 10_000 }, (_, i) => `person-${round}-${i}-0123456789`);
    mostUsed = Math.max(mostUsed, getHeapStatistics().used_heap_size);
  }
  return { live: kept.reduce((sum, part) => sum + part.length, 0), mostUsed: mb(mostUsed - before) };
}

describe("the server's heap growth", () => {
  // This test file's process runs with the setting from here on (vitest gives each file its own).
  it('keeps the heap near what is held under a churn that V8 alone lets grow to several times that', () => {
    growHeapSlowly();
    const { live, mostUsed } = churn(200);
    expect(live).toBe(12 * 10_000);
    // Some 15 MB more held; V8's own growth let some 80–90 MB more be in use on this churn, at 1.5 times about 45.
    expect(mostUsed).toBeLessThan(65);
  });

  it('refuses a growth that is not a positive whole percent', () => {
    expect(() => growHeapSlowly(0)).toThrow(RangeError);
    expect(() => growHeapSlowly(12.5)).toThrow(/positive whole number/);
  });
});
