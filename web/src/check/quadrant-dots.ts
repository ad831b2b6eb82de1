import type { Schema } from '../api/shapes.js';

export type QuadrantKey = 'maintain' | 'strengthen' | 'overInvested' | 'letBe';
/** An item of a quadrant's list, as the check's report and its parts give it. */
export type QuadrantItem = Schema<'CheckReport'>['quadrants']['maintain'][number];
/** The items of each quadrant drawn (all of them, or the pages read so far). */
export type QuadrantLists = Record<QuadrantKey, readonly QuadrantItem[]>;

export interface Dot {
  key: string;
  kind: 'person' | 'network';
  id: string;
  name: string;
  quadrant: QuadrantKey;
  /** 0–1 across (weak → strong). */
  x: number;
  /** 0–1 up (unimportant → important). */
  y: number;
}

/** Which half of the chart each quadrant sits in: right is strong, top is important. */
const HALVES: Record<QuadrantKey, { strong: boolean; important: boolean }> = {
  maintain: { strong: true, important: true },
  strengthen: { strong: false, important: true },
  overInvested: { strong: true, important: false },
  letBe: { strong: false, important: false },
};

/** A small stable number in [0, 1) from a string, so dots with equal scores spread the same way every time. */
function jitter(text: string, salt: number): number {
  let hash = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

const fact = (facts: Record<string, unknown>, name: string): number => (typeof facts[name] === 'number' ? (facts[name] as number) : 0);

/**
 * Places every person and network of the check's quadrants on a strength × importance
 * chart. Across is strength (0–5); up is importance, or relevance to a goal, whichever
 * says more. The check decides the quadrant (a time-heavy network serving no goal is
 * over-invested whatever its score), so each dot is kept inside its quadrant's half,
 * placed within it by its scores, with a little stable jitter to separate equal scores.
 */
export function quadrantDots(quadrants: QuadrantLists): Dot[] {
  const dots: Dot[] = [];
  for (const quadrant of Object.keys(HALVES) as QuadrantKey[]) {
    const half = HALVES[quadrant];
    for (const item of quadrants[quadrant]) {
      const facts = item.why.facts;
      const strength = Math.min(5, Math.max(0, fact(facts, 'strength')));
      const weight = Math.min(5, Math.max(0, fact(facts, 'importance'), fact(facts, 'relevance')));
      // Within a half: strength 0–2 fills the left, 3–5 the right; weight likewise bottom and top.
      const within = (value: number, upper: boolean) => (upper ? (Math.max(value, 3) - 3) / 3 : Math.min(value, 2.99) / 3);
      const spread = (base: number, salt: number) => Math.min(0.999, base + (jitter(item.id, salt) - 0.5) * (0.3 / 3));
      const x = (half.strong ? 0.5 : 0) + 0.5 * clamp01(spread(within(strength, half.strong) + 1 / 6, 1));
      const y = (half.important ? 0.5 : 0) + 0.5 * clamp01(spread(within(weight, half.important) + 1 / 6, 2));
      dots.push({ key: `${item.kind}:${item.id}`, kind: item.kind, id: item.id, name: item.name, quadrant, x, y });
    }
  }
  return dots;
}

function clamp01(value: number): number {
  return Math.min(0.97, Math.max(0.03, value));
}
