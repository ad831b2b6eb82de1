import { ValidationError } from '../errors.js';
import { connectedComponents, coreNumber, degree, pageRank, strength } from './basic.js';
import { betweenness, sampledBetweenness, type BetweennessBound, type Progress } from './betweenness.js';
import { brokerage } from './brokerage.js';
import type { Graph } from './csr.js';
import { louvain } from './louvain.js';

/** The per-node metrics `waggle analyse` can compute, in column order. */
export const NODE_METRICS = ['degree', 'strength', 'pagerank', 'betweenness', 'constraint', 'effective-size', 'core', 'community', 'component'] as const;
export type NodeMetric = (typeof NODE_METRICS)[number];

export interface AnalyseOptions {
  metrics?: readonly NodeMetric[];
  /** Betweenness from this many sampled sources; default: exact on small graphs (n·(n+m) ≤ 2.5·10⁸), else 100. */
  pivots?: number;
  /** Exact betweenness whatever the size. */
  exact?: boolean;
  seed?: number;
  /** Louvain's resolution γ (1 = modularity's own); above 1 finds smaller clusters, below 1 larger ones. */
  resolution?: number;
  /** How many names each list of the summary shows; 10. */
  top?: number;
  /** Display names by node index (defaults to the ids). */
  labels?: readonly string[];
  /** Called as long steps advance (betweenness sources). */
  progress?: (step: string, done: number, total: number) => void;
}

export interface NodeRow {
  id: string;
  label: string;
  degree?: number;
  strength?: number;
  pagerank?: number;
  betweenness?: number;
  /** When betweenness is sampled: its standard error. */
  betweennessError?: number;
  constraint?: number;
  effectiveSize?: number;
  core?: number;
  community?: number;
  component?: number;
}

export interface Ranked {
  id: string;
  label: string;
  value: number;
}

export interface Analysis {
  graph: { nodes: number; ties: number; components: number; largestComponent: number; isolated: number; selfLoopsDropped: number; mergedDuplicates: number };
  metrics: NodeMetric[];
  betweenness: (BetweennessBound & { largestStandardError: number | null }) | null;
  pagerank: { iterations: number; converged: boolean } | null;
  communities: { count: number; modularity: number; resolution: number; clusters: { community: number; size: number; members: string[] }[] } | null;
  /** Highest betweenness first, with their constraint when computed. */
  brokers: (Ranked & { constraint: number | null })[];
  /** Highest PageRank first. */
  central: Ranked[];
  /** Nodes without ties (names; at most `top`), and how many there are. */
  isolated: { count: number; names: string[] };
  nodes: NodeRow[];
}

export function parseMetrics(text: string): NodeMetric[] {
  const out: NodeMetric[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim().toLowerCase().replace(/_/g, '-');
    if (name === '') continue;
    const alias = name === 'effectivesize' ? 'effective-size' : name === 'kcore' || name === 'k-core' ? 'core' : name;
    if (!(NODE_METRICS as readonly string[]).includes(alias)) throw new ValidationError('--metrics', `"${raw.trim()}" is not a metric; choose from ${NODE_METRICS.join(', ')}`);
    if (!out.includes(alias as NodeMetric)) out.push(alias as NodeMetric);
  }
  if (out.length === 0) throw new ValidationError('--metrics', `name at least one of ${NODE_METRICS.join(', ')}`);
  return NODE_METRICS.filter((m) => out.includes(m));
}

/** Ranks nodes by a value, highest first, ties by label. */
function rank(values: ArrayLike<number>, labels: readonly string[], ids: readonly string[], top: number, keep: (i: number) => boolean = () => true): (Ranked & { index: number })[] {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if (keep(i)) order.push(i);
  order.sort((a, b) => values[b]! - values[a]! || labels[a]!.localeCompare(labels[b]!));
  return order.slice(0, top).map((i) => ({ index: i, id: ids[i]!, label: labels[i]!, value: values[i]! }));
}

/** Runs the chosen metrics over a graph and summarises: brokers, clusters, the most central, the isolated. */
export function analyse(graph: Graph, options: AnalyseOptions = {}): Analysis {
  const metrics = options.metrics ? [...options.metrics] : [...NODE_METRICS];
  const want = (m: NodeMetric) => metrics.includes(m);
  const top = options.top ?? 10;
  const labels = options.labels ?? graph.ids;
  const { n } = graph;
  const deg = degree(graph);
  const comps = connectedComponents(graph);
  let isolatedCount = 0;
  for (let i = 0; i < n; i++) if (deg[i] === 0) isolatedCount++;

  const str = want('strength') ? strength(graph) : null;
  const pr = want('pagerank') ? pageRank(graph) : null;
  let bt: ReturnType<typeof betweenness> | null = null;
  if (want('betweenness')) {
    const progress: Progress | undefined = options.progress ? (done, total) => options.progress!('betweenness', done, total) : undefined;
    const small = n * (n + graph.m) <= 2.5e8;
    if (options.exact || (options.pivots === undefined && small)) bt = betweenness(graph, progress);
    else bt = sampledBetweenness(graph, { pivots: options.pivots ?? 100, seed: options.seed ?? 42, ...(progress ? { progress } : {}) });
  }
  const br = want('constraint') || want('effective-size') ? brokerage(graph, { constraint: want('constraint'), effectiveSize: want('effective-size') }) : null;
  const core = want('core') ? coreNumber(graph) : null;
  const comm = want('community') ? louvain(graph, { seed: options.seed ?? 42, resolution: options.resolution ?? 1 }) : null;

  const nodes: NodeRow[] = graph.ids.map((id, i) => {
    const row: NodeRow = { id, label: labels[i]! };
    if (want('degree')) row.degree = deg[i]!;
    if (str) row.strength = str[i]!;
    if (pr) row.pagerank = pr.rank[i]!;
    if (bt) row.betweenness = bt.betweenness[i]!;
    if (bt?.standardError) row.betweennessError = bt.standardError[i]!;
    if (br && want('constraint')) row.constraint = br.constraint[i]!;
    if (br && want('effective-size')) row.effectiveSize = br.effectiveSize[i]!;
    if (core) row.core = core[i]!;
    if (comm) row.community = comm.community[i]!;
    if (want('component')) row.component = comps.component[i]!;
    return row;
  });

  let communities: Analysis['communities'] = null;
  if (comm) {
    // Members of each cluster, most central first (PageRank, else degree).
    const score = pr ? pr.rank : deg;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || labels[a]!.localeCompare(labels[b]!));
    const members: string[][] = Array.from({ length: comm.count }, () => []);
    const sizes = new Int32Array(comm.count);
    for (const i of order) {
      const c = comm.community[i]!;
      sizes[c]!++;
      if (members[c]!.length < top) members[c]!.push(labels[i]!);
    }
    const clusters = [];
    for (let c = 0; c < comm.count; c++) if (sizes[c]! > 1) clusters.push({ community: c, size: sizes[c]!, members: members[c]! });
    communities = { count: comm.count, modularity: comm.modularity, resolution: options.resolution ?? 1, clusters: clusters.slice(0, top) };
  }
  const isolatedNames: string[] = [];
  for (let i = 0; i < n && isolatedNames.length < top; i++) if (deg[i] === 0) isolatedNames.push(labels[i]!);
  return {
    graph: {
      nodes: n,
      ties: graph.m,
      components: comps.count,
      largestComponent: comps.count > 0 ? comps.sizes[0]! : 0,
      isolated: isolatedCount,
      selfLoopsDropped: graph.selfLoops,
      mergedDuplicates: graph.mergedDuplicates,
    },
    metrics,
    betweenness: bt ? { ...bt.bound, largestStandardError: bt.standardError ? bt.standardError.reduce((m, x) => Math.max(m, x), 0) : null } : null,
    pagerank: pr ? { iterations: pr.iterations, converged: pr.converged } : null,
    communities,
    brokers: bt
      ? rank(bt.betweenness, labels, graph.ids, top, (i) => bt.betweenness[i]! > 0).map(({ index, ...r }) => ({
          ...r,
          constraint: br && want('constraint') ? br.constraint[index]! : null,
        }))
      : [],
    central: pr ? rank(pr.rank, labels, graph.ids, top).map(({ index: _index, ...r }) => r) : [],
    isolated: { count: isolatedCount, names: isolatedNames },
    nodes,
  };
}
