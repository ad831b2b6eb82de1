import type { Graph } from './csr.js';

/** Number of ties of every node. */
export function degree(graph: Graph): Int32Array {
  const { n, offsets } = graph;
  const out = new Int32Array(n);
  for (let v = 0; v < n; v++) out[v] = offsets[v + 1]! - offsets[v]!;
  return out;
}

/** Sum of tie weights of every node (weighted degree). */
export function strength(graph: Graph): Float64Array {
  const { n, offsets, weights } = graph;
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) s += weights[p]!;
    out[v] = s;
  }
  return out;
}

export interface Components {
  /** Component number of every node; components are numbered by size, largest first (ties: by smallest node index). */
  readonly component: Int32Array;
  /** Size of each component, by component number. */
  readonly sizes: Int32Array;
  readonly count: number;
}

/** Connected components by breadth-first search over a typed-array queue. */
export function connectedComponents(graph: Graph): Components {
  const { n, offsets, targets } = graph;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const rawSizes: number[] = [];
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (raw[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    raw[s] = count;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const u = targets[p]!;
        if (raw[u] === -1) {
          raw[u] = count;
          queue[tail++] = u;
        }
      }
    }
    rawSizes.push(tail);
    count++;
  }
  // Renumber largest first; the sort is stable, so equal sizes keep discovery order.
  const order = rawSizes.map((_, i) => i).sort((a, b) => rawSizes[b]! - rawSizes[a]!);
  const rename = new Int32Array(count);
  const sizes = new Int32Array(count);
  order.forEach((old, i) => {
    rename[old] = i;
    sizes[i] = rawSizes[old]!;
  });
  const component = new Int32Array(n);
  for (let v = 0; v < n; v++) component[v] = rename[raw[v]!]!;
  return { component, sizes, count };
}

/**
 * Core number of every node (the largest k such that the node belongs to the k-core),
 * by Batagelj and Zaversnik's O(m) bucket algorithm. Unweighted.
 */
export function coreNumber(graph: Graph): Int32Array {
  const { n, offsets, targets } = graph;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    const d = offsets[v + 1]! - offsets[v]!;
    deg[v] = d;
    if (d > maxDeg) maxDeg = d;
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const c = bin[d]!;
    bin[d] = start;
    start += c;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const p = bin[deg[v]!]!++;
    pos[v] = p;
    vert[p] = v;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    const dv = deg[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = targets[p]!;
      const du = deg[u]!;
      if (du > dv) {
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du]!++;
        deg[u] = du - 1;
      }
    }
  }
  return deg;
}

export interface PageRankOptions {
  /** Damping factor; 0.85. */
  damping?: number;
  /** Stop when the L1 change of an iteration is below n × tolerance; 1e-6. */
  tolerance?: number;
  maxIterations?: number;
}

export interface PageRankResult {
  readonly rank: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Weighted PageRank by power iteration, as networkx computes it: a walker follows a
 * tie with probability proportional to its weight; a node without ties (dangling)
 * sends its rank to every node uniformly; teleport uniform. Ranks sum to 1.
 */
export function pageRank(graph: Graph, options: PageRankOptions = {}): PageRankResult {
  const { n, offsets, targets, weights } = graph;
  const alpha = options.damping ?? 0.85;
  const tol = options.tolerance ?? 1e-6;
  const maxIter = options.maxIterations ?? 100;
  const rank = new Float64Array(n);
  if (n === 0) return { rank, iterations: 0, converged: true };
  const inv = new Float64Array(n);
  let dangling = 0;
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) s += weights[p]!;
    inv[v] = s > 0 ? 1 / s : 0;
    if (s === 0) dangling++;
  }
  const danglingList = new Int32Array(dangling);
  for (let v = 0, k = 0; v < n; v++) if (inv[v] === 0) danglingList[k++] = v;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let it = 1; it <= maxIter; it++) {
    let dsum = 0;
    for (let k = 0; k < dangling; k++) dsum += x[danglingList[k]!]!;
    for (let v = 0; v < n; v++) share[v] = x[v]! * inv[v]!;
    const base = (alpha * dsum + 1 - alpha) / n;
    let err = 0;
    for (let v = 0; v < n; v++) {
      let acc = 0;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) acc += share[targets[p]!]! * weights[p]!;
      const value = alpha * acc + base;
      next[v] = value;
      err += Math.abs(value - x[v]!);
    }
    const t = x;
    x = next;
    next = t;
    if (err < n * tol) return { rank: x, iterations: it, converged: true };
  }
  return { rank: x, iterations: maxIter, converged: false };
}
