import type { Graph } from './csr.js';
import { makeRandom, shuffledRange } from './rng.js';

export interface LouvainOptions {
  /** Resolution γ; 1. */
  resolution?: number;
  seed?: number;
  /** A level stops when a full pass gains less modularity than this; 1e-7 (as networkx). */
  threshold?: number;
  /**
   * Independent runs (each with its own order drawn from the seeded generator); the
   * partition of highest modularity is kept. Default: 32 on graphs up to 20,000 ties
   * (cheap there, and it finds the better optimum networkx finds only with some seeds), else 1.
   */
  tries?: number;
}

export interface LouvainResult {
  /** Community of every node, numbered 0..count-1 by size, largest first. */
  readonly community: Int32Array;
  readonly count: number;
  /** Weighted modularity of the result (at the given resolution). */
  readonly modularity: number;
  readonly levels: number;
}

interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weighted degree of each (super)node in the original graph, self-loops included. */
  k: Float64Array;
}

/**
 * One local-moving phase, with the queue of the Leiden algorithm's fast local move:
 * every node is queued once in a seeded random order; a node moves to the
 * neighbouring community of largest modularity gain (if that gain is positive and
 * above the threshold), and when it moves, its neighbours outside its new community
 * are queued again. The phase ends when the queue is empty. Neighbour weights per
 * community accumulate in a dense scratch array with a touched list. Returns whether
 * any node moved.
 */
function moveNodes(level: Level, comm: Int32Array, m2: number, gamma: number, threshold: number, random: () => number): boolean {
  const { n, offsets, targets, weights, k } = level;
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) tot[comm[i]!] = tot[comm[i]!]! + k[i]!;
  const wTo = new Float64Array(n);
  const touched = new Int32Array(n);
  // A ring buffer of n slots holds every node at most once.
  const queue = shuffledRange(n, random);
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  const scale = gamma / m2;
  // A move must gain at least this much (in weight units; modularity gain is 2·gain/m2).
  const minGain = (threshold * m2) / 2 / Math.max(1, n);
  let movedAny = false;
  while (size > 0) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[i] = 0;
    const ci = comm[i]!;
    const ki = k[i]!;
    let nt = 0;
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      const c = comm[targets[p]!]!;
      if (wTo[c] === 0) touched[nt++] = c;
      wTo[c] = wTo[c]! + weights[p]!;
    }
    tot[ci] = tot[ci]! - ki;
    const stay = wTo[ci]! - tot[ci]! * ki * scale;
    let best = ci;
    let bestGain = stay;
    for (let t = 0; t < nt; t++) {
      const c = touched[t]!;
      const gain = wTo[c]! - tot[c]! * ki * scale;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
      wTo[c] = 0;
    }
    wTo[ci] = 0;
    if (best !== ci && bestGain - stay <= minGain) best = ci;
    tot[best] = tot[best]! + ki;
    if (best !== ci) {
      comm[i] = best;
      movedAny = true;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const j = targets[p]!;
        if (!queued[j] && comm[j] !== best) {
          queued[j] = 1;
          let tailAt = head + size;
          if (tailAt >= n) tailAt -= n;
          queue[tailAt] = j;
          size++;
        }
      }
    }
  }
  return movedAny;
}

/** Renumbers comm to 0..c-1 in place; returns c. */
function renumber(comm: Int32Array, n: number): number {
  const map = new Int32Array(n).fill(-1);
  let c = 0;
  for (let i = 0; i < n; i++) {
    const old = comm[i]!;
    if (map[old] === -1) map[old] = c++;
    comm[i] = map[old]!;
  }
  return c;
}

/** The graph of communities: ties between communities summed, ties inside dropped (they do not change gains). */
function aggregate(level: Level, comm: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, k } = level;
  // Members of each community, contiguous.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i;
  const kNew = new Float64Array(count);
  const acc = new Float64Array(count);
  const touched = new Int32Array(count);
  const offs = new Int32Array(count + 1);
  const outT: number[] = [];
  const outW: number[] = [];
  for (let c = 0; c < count; c++) {
    let nt = 0;
    let kc = 0;
    for (let a = start[c]!; a < start[c + 1]!; a++) {
      const i = members[a]!;
      kc += k[i]!;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const d = comm[targets[p]!]!;
        if (d === c) continue;
        if (acc[d] === 0) touched[nt++] = d;
        acc[d] = acc[d]! + weights[p]!;
      }
    }
    kNew[c] = kc;
    for (let t = 0; t < nt; t++) {
      const d = touched[t]!;
      outT.push(d);
      outW.push(acc[d]!);
      acc[d] = 0;
    }
    offs[c + 1] = outT.length;
  }
  return { n: count, offsets: offs, targets: Int32Array.from(outT), weights: Float64Array.from(outW), k: kNew };
}

/** Weighted modularity of a partition (networkx's definition, resolution γ). */
export function modularity(graph: Graph, community: Int32Array, resolution = 1): number {
  const { n, offsets, targets, weights } = graph;
  let count = 0;
  for (let i = 0; i < n; i++) if (community[i]! + 1 > count) count = community[i]! + 1;
  const deg = new Float64Array(count);
  let inside = 0;
  let total = 0;
  for (let v = 0; v < n; v++) {
    const c = community[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const w = weights[p]!;
      total += w;
      deg[c] = deg[c]! + w;
      if (community[targets[p]!] === c) inside += w;
    }
  }
  if (total === 0) return 0;
  let expected = 0;
  for (let c = 0; c < count; c++) expected += (deg[c]! / total) ** 2;
  return inside / total - resolution * expected;
}

/**
 * Louvain community detection, weighted, seeded: local moving, then aggregation,
 * until no node moves. Isolated nodes are communities of their own.
 */
export function louvain(graph: Graph, options: LouvainOptions = {}): LouvainResult {
  const tries = Math.max(1, Math.floor(options.tries ?? (graph.m <= 20_000 ? 32 : 1)));
  const random = makeRandom(options.seed ?? 42);
  let best: LouvainResult | undefined;
  for (let t = 0; t < tries; t++) {
    const result = louvainOnce(graph, options.resolution ?? 1, options.threshold ?? 1e-7, random);
    if (!best || result.modularity > best.modularity + 1e-12) best = result;
  }
  return best!;
}

function louvainOnce(graph: Graph, gamma: number, threshold: number, random: () => number): LouvainResult {
  const { n } = graph;
  const k = new Float64Array(n);
  let m2 = 0;
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let p = graph.offsets[v]!; p < graph.offsets[v + 1]!; p++) s += graph.weights[p]!;
    k[v] = s;
    m2 += s;
  }
  const final = new Int32Array(n);
  for (let i = 0; i < n; i++) final[i] = i;
  const base: Level = { n, offsets: graph.offsets, targets: graph.targets, weights: graph.weights, k };
  let levels = 0;
  if (m2 > 0) {
    // Rounds: the multilevel phase, then single nodes may move again on the original
    // graph from the partition found (vertex-level refinement); when any does, the
    // multilevel phase continues from the refined partition.
    for (let round = 0; round < 20; round++) {
      let level = base;
      if (round > 0) {
        const refined = final.slice();
        if (!moveNodes(base, refined, m2, gamma, threshold, random)) break;
        const count = renumber(refined, n);
        final.set(refined);
        level = aggregate(base, refined, count);
      }
      for (;;) {
        const comm = new Int32Array(level.n);
        for (let i = 0; i < level.n; i++) comm[i] = i;
        const moved = moveNodes(level, comm, m2, gamma, threshold, random);
        if (!moved) break;
        const count = renumber(comm, level.n);
        for (let i = 0; i < n; i++) final[i] = comm[final[i]!]!;
        levels++;
        if (count === level.n) break;
        level = aggregate(level, comm, count);
      }
    }
  }
  // Number communities by size, largest first; equal sizes by smallest member.
  let count = 0;
  for (let i = 0; i < n; i++) if (final[i]! + 1 > count) count = final[i]! + 1;
  const sizes = new Int32Array(count);
  const first = new Int32Array(count).fill(n);
  for (let i = 0; i < n; i++) {
    const c = final[i]!;
    sizes[c]!++;
    if (i < first[c]!) first[c] = i;
  }
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || first[a]! - first[b]!);
  const rename = new Int32Array(count);
  order.forEach((c, i) => (rename[c] = i));
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) community[i] = rename[final[i]!]!;
  return { community, count, modularity: modularity(graph, community, gamma), levels };
}
