import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelCandidate } from './label-placement.js';

const view = { width: 390, height: 600 };
const candidate = fc.record({
  key: fc.uuid(),
  text: fc.constant('name'),
  x: fc.double({ min: -50, max: 450, noNaN: true }),
  y: fc.double({ min: -50, max: 650, noNaN: true }),
  radius: fc.double({ min: 1, max: 20, noNaN: true }),
  priority: fc.integer({ min: 0, max: 10 }),
  forced: fc.boolean(),
  width: fc.double({ min: 5, max: 200, noNaN: true }),
});

describe('placing the map’s names', () => {
  it('never places two names over each other, nor past the edge of the view', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 300 }), (candidates: LabelCandidate[]) => {
        const boxes = placeLabels(candidates, view, 14);
        for (const b of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(view.width);
          expect(b.y + b.height).toBeLessThanOrEqual(view.height);
        }
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('places the more important name when two would collide, and puts a name near the right edge on the left', () => {
    const a: LabelCandidate = { key: 'kate', text: 'Kate Brennan', x: 100, y: 100, radius: 4, priority: 2, width: 80 };
    const b: LabelCandidate = { key: 'vikram', text: 'Vikram Nair', x: 104, y: 104, radius: 4, priority: 5, width: 80 };
    // Kate's name fits on the left of her node; Vikram's, more important, took the right.
    expect(placeLabels([a, b], view, 14).map((l) => [l.key, l.side])).toEqual([
      ['vikram', 'right'],
      ['kate', 'left'],
    ]);
    const edge: LabelCandidate = { key: 'edge', text: 'Margaret Achterberg', x: 370, y: 300, radius: 5, priority: 1, width: 120 };
    expect(placeLabels([edge], view, 14)).toEqual([expect.objectContaining({ key: 'edge', side: 'left', x: 370 - 5 - 3 - 120 })]);
  });

  it('leaves the reserved boxes (the rings’ names) uncovered', () => {
    const ring = { key: 'ring-1', text: '5 · call any time', x: 90, y: 93, width: 100, height: 14, side: 'right' as const };
    const a: LabelCandidate = { key: 'a', text: 'A', x: 80, y: 100, radius: 4, priority: 2, width: 80 };
    expect(placeLabels([a], view, 14, 600, [ring])).toEqual([]);
    expect(placeLabels([a], view, 14)).toHaveLength(1);
  });

  it('a forced name (hovered, found) goes first whatever its importance', () => {
    const big: LabelCandidate = { key: 'big', text: 'Big', x: 100, y: 100, radius: 4, priority: 9, width: 200 };
    const found: LabelCandidate = { key: 'found', text: 'Found', x: 100, y: 100, radius: 4, priority: 0, width: 200, forced: true };
    expect(placeLabels([big, found], view, 14)[0]!.key).toBe('found');
  });

  it('measures a name only when it is tried, at the width the measure gives', () => {
    const many: LabelCandidate[] = Array.from({ length: 500 }, (_, i) => ({ key: `n${String(i).padStart(3, '0')}`, text: `Name ${i}`, x: 200, y: 300, radius: 4, priority: i === 7 ? 2 : 1 }));
    const measured: string[] = [];
    const boxes = placeLabels(many, view, 14, 2, [], (text) => {
      measured.push(text);
      return text.length * 6;
    });
    // The most important first, then the first key by code unit; once two are placed, no other is measured.
    expect(measured).toEqual(['Name 7', 'Name 0']);
    expect(boxes.map((b) => [b.text, b.side, b.width])).toEqual([
      ['Name 7', 'right', 36],
      ['Name 0', 'left', 36],
    ]);
  });
});
