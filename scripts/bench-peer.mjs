#!/usr/bin/env node
// Waggle's graph engine as a peer of /work/shared/bench-peers (see its README.md):
//   node scripts/bench-peer.mjs METRIC GRAPH.tsv   ->  one JSON line on stdout
// Runs the built engine from dist/ (npx tsc -p tsconfig.build.json, or npm run build).
// METRIC `all` (ours only, not part of the peer protocol) runs the full set in one
// process — load, degree, PageRank, betweenness from 100 pivots, Louvain, constraint,
// effective size, k-core — and reports each time and the whole wall time.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  betweenness, brokerage, coreNumber, degree, louvain, pageRank, sampledBetweenness, strength, withLocality,
} from '../dist/core/graph/index.js';
import { parseEdgeList } from '../dist/codecs/graph/read.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const METRICS = ['load', 'degree', 'pagerank', 'betweenness', 'betweenness_approx',
  'louvain', 'constraint', 'effective_size', 'kcore'];
const K_PIVOTS = 100;
const SEED = 42;

function load(path) {
  const g = parseEdgeList(readFileSync(path, 'latin1'), path);
  return g.n > 10_000 && !process.env.NO_LOCALITY ? withLocality(g) : g;
}

/** Values by engine index → array by the file's own node id. */
function byId(g, values) {
  const arr = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) arr[Number(g.ids[i])] = values[i];
  return arr;
}

function summarize(g, values) {
  const arr = byId(g, values);
  const n = arr.length;
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of arr) { sum += v; if (v < min) min = v; if (v > max) max = v; }
  const ids = Array.from({ length: n }, (_, i) => i).sort((a, b) => arr[b] - arr[a] || a - b);
  return { sum, mean: sum / n, min, max, argmax: ids[0], top5: ids.slice(0, 5) };
}

const metrics = {
  degree(g) {
    const d = degree(g);
    const s = strength(g);
    return () => ({ degree: summarize(g, d), strength: summarize(g, s) });
  },
  pagerank(g) {
    const pr = pageRank(g, { damping: 0.85, tolerance: 1e-6 });
    return () => ({ ...summarize(g, pr.rank), iterations: pr.iterations });
  },
  betweenness(g) {
    const b = betweenness(g);
    return () => summarize(g, b.betweenness);
  },
  betweenness_approx(g) {
    const b = sampledBetweenness(g, { pivots: K_PIVOTS, seed: SEED });
    return () => ({ ...summarize(g, b.betweenness), k: K_PIVOTS, bound: b.bound.maxNormalisedError });
  },
  louvain(g) {
    const res = louvain(g, { seed: SEED, resolution: 1 });
    return () => {
      const sizes = new Int32Array(res.count);
      for (const c of res.community) sizes[c]++;
      return { communities: res.count, modularity: res.modularity, largest: Math.max(...sizes) };
    };
  },
  constraint(g) {
    const b = brokerage(g, { constraint: true, effectiveSize: false });
    return () => summarize(g, b.constraint);
  },
  effective_size(g) {
    const b = brokerage(g, { constraint: false, effectiveSize: true });
    return () => summarize(g, b.effectiveSize);
  },
  kcore(g) {
    const core = coreNumber(g);
    return () => {
      let kmax = 0, sum = 0, count = 0;
      for (const c of core) { sum += c; if (c > kmax) kmax = c; }
      for (const c of core) if (c === kmax) count++;
      return { max_core: kmax, nodes_in_max_core: count, sum };
    };
  },
};

function all(path) {
  const t0 = performance.now();
  const g = load(path);
  const times = { load: (performance.now() - t0) / 1000 };
  const summaries = {};
  for (const metric of ['degree', 'pagerank', 'betweenness_approx', 'louvain', 'constraint+effective_size', 'kcore']) {
    const t = performance.now();
    // Constraint and effective size share one sweep over the CSR here.
    const thunk = metric === 'constraint+effective_size'
      ? ((b) => () => ({ constraint: summarize(g, b.constraint), effective_size: summarize(g, b.effectiveSize) }))(brokerage(g))
      : metrics[metric](g);
    times[metric] = (performance.now() - t) / 1000;
    summaries[metric] = thunk();
  }
  const total = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ peer: 'ours', version: VERSION, metric: 'all', n: g.n, m: g.m, seconds: times,
    total_s: total, process_s: process.uptime(), cpu_s: (process.cpuUsage().user + process.cpuUsage().system) / 1e6, peak_rss_mb: process.resourceUsage().maxRSS / 1024, summaries }));
}

function main() {
  const [metric, path] = process.argv.slice(2);
  if (metric === 'all' && path) return all(path);
  if (!METRICS.includes(metric) || !path) {
    process.stderr.write(`usage: node scripts/bench-peer.mjs METRIC GRAPH.tsv (METRIC in ${METRICS}, or all)\n`);
    process.exit(2);
  }
  const t0 = performance.now();
  const g = load(path);
  const t1 = performance.now();
  const thunk = metric === 'load' ? null : metrics[metric](g);
  const t2 = performance.now();
  const summary = thunk ? thunk() : {};
  console.log(JSON.stringify({ peer: 'ours', version: VERSION, metric, n: g.n, m: g.m,
    load_s: (t1 - t0) / 1000, metric_s: (t2 - t1) / 1000, summary }));
}

main();
