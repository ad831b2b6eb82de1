/**
 * The map's layout, settled: every node stays on its ring (nearer still means a stronger tie)
 * and moves only round it, towards the people and networks it is tied to and its own group's
 * place, so that ties between others read as short lines and clusters sit together. Each ring
 * stays evenly filled (each step also moves a node towards its even slot in the ring's order), so no
 * ring gets crowded while another side empties (at the end, evenly spaced in the order the ties chose). Pure and deterministic; it runs in a Web
 * Worker (ring-layout.worker.ts) while the first frame, the rings as placed, is already drawn.
 */
export interface RingLayoutInput {
  /** Each node's ring (0 is you at the centre, who does not move). */
  ring: Int32Array;
  /** Each node's distance from the centre, kept. */
  radius: Float64Array;
  /** Where each node starts (radians round its ring): its group's place. */
  angle: Float64Array;
  /** The ties, as pairs of node indices; ties to the centre, to itself or to no node are left out. */
  source: Int32Array;
  target: Int32Array;
}

export interface RelaxOptions {
  steps?: number;
  /** How far a step moves a node towards where its ties pull it (0–1). */
  pull?: number;
  /** Called every `every` steps and at the end with the positions so far (x, y interleaved). */
  onStep?: (positions: Float32Array, done: boolean) => void;
  every?: number;
}

const TAU = 2 * Math.PI;
/** The signed shortest turn from a to b, in (−π, π]. */
const turn = (a: number, b: number) => {
  const d = (b - a) % TAU;
  return d > Math.PI ? d - TAU : d <= -Math.PI ? d + TAU : d;
};

export function positionsOf(input: Pick<RingLayoutInput, 'radius'>, angle: Float64Array): Float32Array {
  const out = new Float32Array(angle.length * 2);
  for (let i = 0; i < angle.length; i++) {
    out[2 * i] = Math.cos(angle[i]!) * input.radius[i]!;
    out[2 * i + 1] = Math.sin(angle[i]!) * input.radius[i]!;
  }
  return out;
}

/** Relaxes the angles round the rings; returns the final positions (x, y interleaved). */
export function relaxRings(input: RingLayoutInput, options: RelaxOptions = {}): Float32Array {
  const { steps = 60, pull = 0.5, every = 15, onStep } = options;
  const n = input.ring.length;
  const home = Float64Array.from(input.angle);
  const angle = Float64Array.from(input.angle);
  const moves = (i: number) => i >= 0 && i < n && input.ring[i]! > 0;
  // Neighbours as compact lists (both directions), ties to the centre left out.
  const degree = new Int32Array(n + 1);
  const pairs: [number, number][] = [];
  for (let e = 0; e < Math.min(input.source.length, input.target.length); e++) {
    const a = input.source[e]!;
    const b = input.target[e]!;
    if (a === b || !moves(a) || !moves(b)) continue;
    pairs.push([a, b]);
    degree[a]!++;
    degree[b]!++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = Int32Array.from(start);
  const neighbours = new Int32Array(start[n]!);
  for (const [a, b] of pairs) {
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  // Each ring's members, for keeping it evenly filled.
  const rings = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!moves(i)) continue;
    const list = rings.get(input.ring[i]!) ?? [];
    list.push(i);
    rings.set(input.ring[i]!, list);
  }
  const wanted = new Float64Array(n);
  for (let step = 1; step <= steps; step++) {
    for (let i = 0; i < n; i++) {
      if (!moves(i)) continue;
      // The group's place weighs as much as all the ties together: clusters gather, groups stay recognisable.
      const own = Math.max(1, start[i + 1]! - start[i]!);
      let x = Math.cos(home[i]!) * own;
      let y = Math.sin(home[i]!) * own;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        x += Math.cos(angle[neighbours[k]!]!);
        y += Math.sin(angle[neighbours[k]!]!);
      }
      const to = x === 0 && y === 0 ? angle[i]! : Math.atan2(y, x);
      const moved = angle[i]! + pull * turn(angle[i]!, to);
      wanted[i] = ((moved % TAU) + TAU) % TAU;
    }
    for (const members of rings.values()) {
      members.sort((a, b) => wanted[a]! - wanted[b]! || a - b);
      const m = members.length;
      // Even slots, turned to sit where the members want to be on average.
      let sx = 0;
      let sy = 0;
      members.forEach((i, k) => {
        const offset = wanted[i]! - (TAU * k) / m;
        sx += Math.cos(offset);
        sy += Math.sin(offset);
      });
      const base = sx === 0 && sy === 0 ? 0 : Math.atan2(sy, sx);
      // Spacing weighs more as the layout settles, and has the last word: the ring ends evenly filled, in the order the ties chose.
      const spacing = 0.5 + (0.5 * step) / steps;
      members.forEach((i, k) => {
        const slot = base + (TAU * k) / m;
        angle[i] = wanted[i]! + spacing * turn(wanted[i]!, slot);
      });
    }
    if (onStep && (step % every === 0 || step === steps)) onStep(positionsOf(input, angle), step === steps);
  }
  return positionsOf(input, angle);
}
