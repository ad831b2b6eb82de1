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
  /** σ (shortest-path counts) while going forward; going back, (1 + δ)/σ of the nodes already done. */
  sigma: Float64Array;
  queue: Int32Array;
  /** Where the DAG successors of queue[i] start in `dagTo` (the BFS records them node by node). */
  dagStart: Int32Array;
  /** The shortest-path DAG's edges v → w (w one hop further), grouped by v in BFS order. */
  dagTo: Int32Array;
}

/**
 * Brandes' accumulation from one source over unweighted (hop-count) shortest paths.
 * The forward BFS records each node's DAG successors as it finds them; the backward
 * pass walks the nodes in reverse BFS order over those lists only (instead of
 * rescanning every neighbour), so every successor is final when it is read:
 * δ(v) = σ(v) · Σ_{w succ v} (1 + δ(w))/σ(w), one division per node.
 */
function accumulate(graph: Graph, s: number, sc: Scratch, into: Float64Array, squares: Float64Array | null): void {
  const { offsets, targets } = graph;
  const { dist, sigma, queue, dagStart, dagTo } = sc;
  let head = 0;
  let tail = 0;
  let edges = 0;
  queue[tail++] = s;
  dist[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    dagStart[head] = edges;
    const v = queue[head++]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const w = targets[p]!;
      const dw = dist[w]!;
      if (dw < 0) {
        dist[w] = dv;
        sigma[w] = sv;
        queue[tail++] = w;
        dagTo[edges++] = w;
      } else if (dw === dv) {
        sigma[w] = sigma[w]! + sv;
        dagTo[edges++] = w;
      }
    }
  }
  dagStart[tail] = edges;
  for (let i = tail - 1; i >= 0; i--) {
    const v = queue[i]!;
    let sum = 0;
    for (let e = dagStart[i]!; e < dagStart[i + 1]!; e++) sum += sigma[dagTo[e]!]!;
    const sv = sigma[v]!;
    const delta = sv * sum;
    if (i > 0) {
      into[v] = into[v]! + delta;
      if (squares) squares[v] = squares[v]! + delta * delta;
    }
    // From here on sigma[v] holds (1 + δ(v))/σ(v), what v's predecessors need.
    sigma[v] = (1 + delta) / sv;
    dist[v] = -1;
  }
}

function run(graph: Graph, sources: Int32Array, progress?: Progress, squares: Float64Array | null = null): Float64Array {
  const { n } = graph;
  const sc: Scratch = {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    queue: new Int32Array(n),
    dagStart: new Int32Array(n + 1),
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
