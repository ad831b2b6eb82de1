import type { Graph } from './csr.js';
import { makeRandom } from './rng.js';

export type Progress = (done: number, total: number) => void;

export interface BetweennessBound {
  /** Sources used: all n (exact) or k sampled pivots. */
  readonly pivots: number;
  readonly exact: boolean;
  /** Probability that every node's estimate is inside the bound at once. */
  readonly confidence: number;
  /** Largest absolute error of any node's (unnormalised) betweenness, at that confidence. */
  readonly maxAbsoluteError: number;
  /** The same, divided by the largest possible betweenness (n-1)(n-2)/2. */
  readonly maxNormalisedError: number;
  readonly statement: string;
}

export interface BetweennessResult {
  /** Unnormalised betweenness: each unordered pair counted once (as networkx, normalized=False). */
  readonly betweenness: Float64Array;
  readonly bound: BetweennessBound;
  /**
   * Sampled only: each node's standard error, from the spread of its per-source
   * dependencies (with the finite-population correction). Not a guarantee like the
   * bound, but a far better idea of the typical error; 0 when exact.
   */
  readonly standardError?: Float64Array;
}

/** Scratch arrays of one Brandes run, allocated once and reset after every source. */
interface Scratch {
  dist: Int32Array;
  /** σ at 2v and δ at 2v + 1: one cache line serves both. */
  sd: Float64Array;
  queue: Int32Array;
  /** The shortest-path DAG's edges (v → w, w one hop further), in discovery order. */
  dagFrom: Int32Array;
  dagTo: Int32Array;
}

/**
 * Brandes' accumulation from one source over unweighted (hop-count) shortest paths.
 * The forward BFS records each DAG edge as it finds it; the backward pass walks that
 * list in reverse (every edge out of w comes after the edge into w, so δ(w) is final
 * when it is used) instead of rescanning every neighbour.
 */
function accumulate(graph: Graph, s: number, sc: Scratch, into: Float64Array, squares: Float64Array | null): void {
  const { offsets, targets } = graph;
  const { dist, sd, queue, dagFrom, dagTo } = sc;
  let head = 0;
  let tail = 0;
  let edges = 0;
  queue[tail++] = s;
  dist[s] = 0;
  sd[2 * s] = 1;
  while (head < tail) {
    const v = queue[head++]!;
    const dv = dist[v]! + 1;
    const sv = sd[2 * v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const w = targets[p]!;
      const dw = dist[w]!;
      if (dw < 0) {
        dist[w] = dv;
        sd[2 * w] = sv;
        queue[tail++] = w;
        dagFrom[edges] = v;
        dagTo[edges++] = w;
      } else if (dw === dv) {
        sd[2 * w] = sd[2 * w]! + sv;
        dagFrom[edges] = v;
        dagTo[edges++] = w;
      }
    }
  }
  for (let e = edges - 1; e >= 0; e--) {
    const v = dagFrom[e]!;
    const w = dagTo[e]!;
    sd[2 * v + 1] = sd[2 * v + 1]! + (sd[2 * v]! / sd[2 * w]!) * (1 + sd[2 * w + 1]!);
  }
  for (let i = 0; i < tail; i++) {
    const v = queue[i]!;
    if (i > 0) {
      const d = sd[2 * v + 1]!;
      into[v] = into[v]! + d;
      if (squares) squares[v] = squares[v]! + d * d;
    }
    dist[v] = -1;
    sd[2 * v] = 0;
    sd[2 * v + 1] = 0;
  }
}

function run(graph: Graph, sources: Int32Array, progress?: Progress, squares: Float64Array | null = null): Float64Array {
  const { n } = graph;
  const sc: Scratch = {
    dist: new Int32Array(n).fill(-1),
    sd: new Float64Array(2 * n),
    queue: new Int32Array(n),
    dagFrom: new Int32Array(graph.targets.length),
    dagTo: new Int32Array(graph.targets.length),
  };
  const into = new Float64Array(n);
  const total = sources.length;
  const every = Math.max(1, Math.floor(total / 200));
  for (let i = 0; i < total; i++) {
    accumulate(graph, sources[i]!, sc, into, squares);
    if (progress && (i + 1) % every === 0) progress(i + 1, total);
  }
  if (progress) progress(total, total);
  return into;
}

const exactBound = (n: number): BetweennessBound => ({
  pivots: n,
  exact: true,
  confidence: 1,
  maxAbsoluteError: 0,
  maxNormalisedError: 0,
  statement: 'exact (Brandes, every node a source)',
});

/** Exact betweenness (Brandes), unweighted, unnormalised, each unordered pair once. O(nm). */
export function betweenness(graph: Graph, progress?: Progress): BetweennessResult {
  const sources = new Int32Array(graph.n);
  for (let i = 0; i < graph.n; i++) sources[i] = i;
  const b = run(graph, sources, progress);
  for (let i = 0; i < graph.n; i++) b[i] = b[i]! / 2;
  return { betweenness: b, bound: exactBound(graph.n) };
}

/**
 * The error bound of the pivot estimate. Node v's betweenness is B(v) = Σ_s X_s with
 * X_s = δ_s(v)/2 ∈ [0, (n-2)/2]; the estimate is n times the mean of X over k sources
 * drawn without replacement. Hoeffding's inequality with Serfling's finite-population
 * factor, and a union bound over the n nodes, give with probability ≥ confidence for
 * every node at once:
 *   |B̂(v) − B(v)| ≤ n · (n−2)/2 · sqrt((1 − (k−1)/n) · ln(2n/(1−confidence)) / (2k)).
 * The bound is 0 when k = n (every source used: exact).
 */
export function pivotErrorBound(n: number, k: number, confidence = 0.95): BetweennessBound {
  if (k >= n) return exactBound(n);
  const range = Math.max(0, n - 2) / 2;
  const fpc = 1 - (k - 1) / n;
  const eps = n * range * Math.sqrt((fpc * Math.log((2 * n) / (1 - confidence))) / (2 * k));
  const max = ((n - 1) * (n - 2)) / 2;
  const normalised = max > 0 ? eps / max : 0;
  return {
    pivots: k,
    exact: false,
    confidence,
    maxAbsoluteError: eps,
    maxNormalisedError: normalised,
    statement:
      `estimated from ${k} of ${n} sources, rescaled by n/k; with probability ≥ ${confidence} every node's ` +
      `betweenness is within ±${eps.toPrecision(3)} (±${normalised.toPrecision(3)} of the largest possible, ${max})`,
  };
}

export interface SampledOptions {
  /** Number of source pivots; 100. */
  pivots?: number;
  seed?: number;
  confidence?: number;
  progress?: Progress;
}

/**
 * Betweenness estimated from k source pivots drawn uniformly without replacement
 * (seeded), rescaled by n/k; with k ≥ n it is the exact value. The result carries
 * its stated error bound (see `pivotErrorBound`).
 */
export function sampledBetweenness(graph: Graph, options: SampledOptions = {}): BetweennessResult {
  const { n } = graph;
  const k = Math.min(n, Math.max(1, Math.floor(options.pivots ?? 100)));
  if (k >= n) return betweenness(graph, options.progress);
  const random = makeRandom(options.seed ?? 42);
  // Partial Fisher–Yates: the first k of a shuffled 0..n-1.
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const squares = new Float64Array(n);
  const b = run(graph, perm.subarray(0, k), options.progress, squares);
  const scale = n / k / 2;
  const standardError = new Float64Array(n);
  const fpc = (n - k) / (n - 1);
  for (let i = 0; i < n; i++) {
    // X_s = δ_s(i)/2 over the k sources: sample mean and variance.
    const mean = b[i]! / k / 2;
    const meanSq = squares[i]! / k / 4;
    const variance = k > 1 ? (Math.max(0, meanSq - mean * mean) * k) / (k - 1) : 0;
    standardError[i] = n * Math.sqrt((fpc * variance) / k);
    b[i] = b[i]! * scale;
  }
  return { betweenness: b, bound: pivotErrorBound(n, k, options.confidence ?? 0.95), standardError };
}
