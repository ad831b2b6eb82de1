import type { Graph } from './csr.js';

/**
 * Shortest paths weighted by tie strength: a strong tie is a short step. The length
 * of a tie of strength w is 1/w (a strength-5 tie is a fifth of a strength-1 tie).
 */
export interface ShortestPaths {
  /** Length from the source (Σ 1/w); Infinity when unreachable. */
  readonly distance: Float64Array;
  /** Previous node on one shortest path; -1 at the source and for unreachable nodes. */
  readonly previous: Int32Array;
  /** Hops on that path; -1 when unreachable. */
  readonly hops: Int32Array;
}

/** Dijkstra from one source with a binary heap on typed arrays (lazy deletion). */
export function shortestPaths(graph: Graph, source: number): ShortestPaths {
  const { n, offsets, targets, weights } = graph;
  const distance = new Float64Array(n).fill(Infinity);
  const previous = new Int32Array(n).fill(-1);
  const hops = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  let cap = Math.max(16, n);
  let heapNode = new Int32Array(cap);
  let heapKey = new Float64Array(cap);
  let size = 0;
  const push = (v: number, key: number): void => {
    if (size === cap) {
      cap *= 2;
      const hn = new Int32Array(cap);
      hn.set(heapNode);
      heapNode = hn;
      const hk = new Float64Array(cap);
      hk.set(heapKey);
      heapKey = hk;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapNode[i] = heapNode[parent]!;
      heapKey[i] = heapKey[parent]!;
      i = parent;
    }
    heapNode[i] = v;
    heapKey[i] = key;
  };
  const pop = (): number => {
    const top = heapNode[0]!;
    size--;
    const lastN = heapNode[size]!;
    const lastK = heapKey[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= lastK) break;
      heapNode[i] = heapNode[child]!;
      heapKey[i] = heapKey[child]!;
      i = child;
    }
    heapNode[i] = lastN;
    heapKey[i] = lastK;
    return top;
  };
  if (source < 0 || source >= n) return { distance, previous, hops };
  distance[source] = 0;
  hops[source] = 0;
  push(source, 0);
  while (size > 0) {
    const v = pop();
    if (done[v]) continue;
    done[v] = 1;
    const dv = distance[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = targets[p]!;
      if (done[u]) continue;
      const du = dv + 1 / weights[p]!;
      if (du < distance[u]!) {
        distance[u] = du;
        previous[u] = v;
        hops[u] = hops[v]! + 1;
        push(u, du);
      }
    }
  }
  return { distance, previous, hops };
}

/** The nodes of one shortest path from the source of `paths` to `target` (both included), or [] when unreachable. */
export function pathTo(paths: ShortestPaths, target: number): number[] {
  if (!Number.isFinite(paths.distance[target] ?? Infinity)) return [];
  const out: number[] = [];
  for (let v = target; v !== -1; v = paths.previous[v]!) out.push(v);
  return out.reverse();
}

export interface Introducer {
  /** A node tied both to `from` and to `to`. */
  readonly via: number;
  /** Strength of the tie from → via. */
  readonly fromStrength: number;
  /** Strength of the tie via → to. */
  readonly toStrength: number;
}

/**
 * Who can introduce `from` to `to`: the common neighbours (2-hop paths), strongest
 * first by the weaker of the two ties, then by the stronger, then by index.
 */
export function introducers(graph: Graph, from: number, to: number): Introducer[] {
  const { n, offsets, targets, weights } = graph;
  if (from < 0 || from >= n || to < 0 || to >= n || from === to) return [];
  const mine = new Map<number, number>();
  for (let p = offsets[from]!; p < offsets[from + 1]!; p++) mine.set(targets[p]!, weights[p]!);
  const out: Introducer[] = [];
  for (let p = offsets[to]!; p < offsets[to + 1]!; p++) {
    const via = targets[p]!;
    const f = mine.get(via);
    if (f !== undefined) out.push({ via, fromStrength: f, toStrength: weights[p]! });
  }
  return out.sort(
    (a, b) =>
      Math.min(b.fromStrength, b.toStrength) - Math.min(a.fromStrength, a.toStrength) ||
      Math.max(b.fromStrength, b.toStrength) - Math.max(a.fromStrength, a.toStrength) ||
      a.via - b.via,
  );
}

export interface TwoHop {
  /** Direct contacts. */
  readonly first: Int32Array;
  /** Contacts of contacts that are neither the node nor a direct contact. */
  readonly second: Int32Array;
}

/** The 2-hop neighbourhood of a node. */
export function twoHop(graph: Graph, v: number): TwoHop {
  const { n, offsets, targets } = graph;
  const seen = new Uint8Array(n);
  seen[v] = 1;
  const first: number[] = [];
  for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
    const u = targets[p]!;
    seen[u] = 1;
    first.push(u);
  }
  const second: number[] = [];
  for (const u of first) {
    for (let p = offsets[u]!; p < offsets[u + 1]!; p++) {
      const w = targets[p]!;
      if (!seen[w]) {
        seen[w] = 1;
        second.push(w);
      }
    }
  }
  return { first: Int32Array.from(first), second: Int32Array.from(second) };
}
