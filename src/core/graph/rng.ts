/** The project's one seeded generator (mulberry32), under the engine's name. */
export { seededRandom as makeRandom } from '../random.js';

/** Fisher–Yates shuffle of 0..n-1 in place into `out`. */
export function shuffledRange(n: number, random: () => number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
