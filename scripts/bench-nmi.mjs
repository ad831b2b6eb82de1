// How well the engine's Louvain finds the planted departments of the seeded
// organisation graphs (../shared/bench-peers: `node gen-graphs.mjs` writes them to
// /tmp/bench-graphs): NMI against the departments and against the divisions above them.
// Run after `npm run build`: node scripts/bench-nmi.mjs [1k,10k,100k] [resolution γ, default 1]
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const { louvain, normalisedMutualInformation } = await import('../dist/core/graph/index.js');
const { parseEdgeList } = await import('../dist/codecs/graph/read.js');
const sizes = (process.argv[2] ?? '1k,10k,100k').split(',');
const resolution = Number(process.argv[3] ?? 1);
const dir = process.env.BENCH_GRAPHS ?? '/tmp/bench-graphs';
for (const size of sizes) {
  const edges = `${dir}/org-${size}.tsv`;
  const planted = `${dir}/org-${size}.communities.tsv`;
  if (!existsSync(edges) || !existsSync(planted)) {
    console.log(`org-${size}: not found in ${dir} (cd ../shared/bench-peers && node gen-graphs.mjs)`);
    continue;
  }
  const graph = parseEdgeList(readFileSync(edges, 'utf8'), edges);
  const department = new Map();
  const division = new Map();
  for (const line of readFileSync(planted, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [node, dep, div] = line.split('\t');
    department.set(node, Number(dep));
    division.set(node, Number(div));
  }
  const start = performance.now();
  const found = louvain(graph, { seed: 1, resolution });
  const seconds = (performance.now() - start) / 1000;
  const ids = graph.ids.filter((id) => department.has(id));
  const index = new Map(graph.ids.map((id, i) => [id, i]));
  const ours = ids.map((id) => found.community[index.get(id)]);
  const nmiDepartments = normalisedMutualInformation(ours, ids.map((id) => department.get(id)));
  const nmiDivisions = normalisedMutualInformation(ours, ids.map((id) => division.get(id)));
  console.log(
    `org-${size}: ${graph.n} nodes, ${graph.m} ties; Louvain (γ = ${resolution}) ${found.count} communities, modularity ${found.modularity.toFixed(4)} in ${seconds.toFixed(2)} s; ` +
      `NMI vs ${new Set(department.values()).size} departments ${nmiDepartments.toFixed(3)}, vs ${new Set(division.values()).size} divisions ${nmiDivisions.toFixed(3)}`,
  );
}
