import { describe, expect, it } from 'vitest';
import { CHECK_PARTS, partView } from '../core/check/parts.js';
import { runCheck } from '../core/check/run-check.js';
import { suggestionQueues } from '../core/plan.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { KeptParts, packCheck } from './check-packed.js';

describe('the kept check (packCheck, KeptParts)', () => {
  // Lists of hundreds of items: many blocks each, and a last block cut short.
  const report = runCheck(generateLargeSnapshot({ people: 2000, networks: 40, goals: 5, exchanges: 6000, today: '2026-11-22', seed: 5 }));
  const packed = packCheck(report);
  const kept = new KeptParts(packed);
  // What the report's items are once sent as JSON, which is what a page answers.
  const asSent = <T>(items: T[]): T[] => JSON.parse(JSON.stringify(items)) as T[];

  it('answers any page of any list as the report holds it, within a block, across blocks and past the end', () => {
    let compared = 0;
    for (const part of CHECK_PARTS) {
      const view = partView(report, part);
      const all = asSent(view.slice(0, view.total));
      for (const [offset, limit] of [[0, 50], [0, 1], [31, 2], [32, 1], [33, 64], [view.total - 1, 50], [view.total, 50], [Math.max(0, view.total - 40), 100]] as const) {
        const page = kept.page(part, offset, limit);
        expect(page.total).toBe(view.total);
        expect(page.items).toEqual(all.slice(offset, offset + limit));
        compared += page.items.length;
      }
    }
    // The lists are long enough to span blocks: the pages above read hundreds of items.
    expect(compared).toBeGreaterThan(500);
  });

  it("gives the plan's candidates, queue by queue, in the report's order", () => {
    const queues = kept.suggestionQueues();
    const expected = suggestionQueues(report);
    expect(queues.map((q) => [q.source, q.length])).toEqual(expected.map(([source, items]) => [source, items.length]));
    queues.forEach((queue, q) => {
      const items = asSent(expected[q]![1]);
      // Read out of order too: a block unzipped again when the reader leaves it.
      const order = [...items.keys(), ...[...items.keys()].reverse()];
      for (const i of order) {
        expect(queue.id(i)).toBe(items[i]!.id);
        expect(queue.candidate(i)).toEqual(items[i]);
      }
    });
  });

  it('keeps each list zipped, a fraction of its JSON', () => {
    for (const part of CHECK_PARTS) {
      const view = partView(report, part);
      const json = Buffer.byteLength(JSON.stringify(view.slice(0, view.total)));
      const zipped = packed.lists[part].blocks.reduce((sum, block) => sum + block.byteLength, 0);
      if (view.total >= 100) expect(zipped).toBeLessThan(json / 3);
    }
  });
});
