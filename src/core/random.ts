/**
 * mulberry32: a tiny seeded generator, floats in [0, 1). The same seed gives the same
 * sequence on every platform: the demo, the generated maps and the graph engine's
 * seeded algorithms all draw from it, never from Math.random.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
