import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../api/shapes.js';
import { quadrantDots, type QuadrantKey } from './quadrant-dots.js';

type Quadrants = Schema<'CheckReport'>['quadrants'];
const KEYS: QuadrantKey[] = ['maintain', 'strengthen', 'overInvested', 'letBe'];

const item = (id: string, quadrant: QuadrantKey, strength: number, importance: number, relevance: number) => ({
  kind: 'person' as const,
  id,
  name: id,
  quadrant,
  why: { text: '', facts: { strength, importance, relevance } },
  next: '',
});

describe('placing the quadrant chart’s dots', () => {
  it('keeps every dot inside its quadrant’s half, whatever its scores say', () => {
    const anyItem = fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), quadrant: fc.constantFrom(...KEYS), s: fc.integer({ min: -2, max: 9 }), i: fc.integer({ min: -2, max: 9 }), r: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(anyItem, { maxLength: 40 }), (items) => {
        const quadrants = { maintain: [], strengthen: [], overInvested: [], letBe: [], totals: {} } as unknown as Quadrants;
        for (const x of items) (quadrants[x.quadrant] as unknown[]).push(item(x.id, x.quadrant, x.s, x.i, x.r));
        const dots = quadrantDots(quadrants);
        expect(dots).toHaveLength(items.length);
        for (const d of dots) {
          const strong = d.quadrant === 'maintain' || d.quadrant === 'overInvested';
          const important = d.quadrant === 'maintain' || d.quadrant === 'strengthen';
          expect(d.x >= 0.5).toBe(strong);
          expect(d.y >= 0.5).toBe(important);
          expect(d.x).toBeGreaterThan(0);
          expect(d.x).toBeLessThan(1);
          expect(d.y).toBeGreaterThan(0);
          expect(d.y).toBeLessThan(1);
        }
      }),
    );
  });

  it('puts a stronger, more important tie further right and higher, and the same way every time', () => {
    const quadrants = { maintain: [item('a', 'maintain', 3, 3, 0), item('b', 'maintain', 5, 5, 0)], strengthen: [], overInvested: [], letBe: [], totals: {} } as unknown as Quadrants;
    const [a, b] = quadrantDots(quadrants);
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(quadrantDots(quadrants)).toEqual([a, b]);
  });
});
