import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  brokerage,
  coreNumber,
  degree,
  louvain,
  pageRank,
  strength,
  type Graph,
} from './index.js';
import { parseEdgeList } from '../../codecs/graph/read.js';

// networkx's values for its bundled graphs, written by scripts/make-graph-fixtures.py.
const FIXTURES = new URL('../../../test/fixtures/graphs/', import.meta.url);

interface Expected {
  n: number;
  m: number;
  degree: Record<string, number>;
  strength: Record<string, number>;
  pagerank: Record<string, number>;
  betweenness: Record<string, number>;
  constraint: Record<string, number>;
  effective_size: Record<string, number>;
  core_number: Record<string, number>;
  louvain_modularity_by_seed: Record<string, number>;
}

function load(name: string): { graph: Graph; expected: Expected } {
  const graph = parseEdgeList(readFileSync(new URL(`${name}.tsv`, FIXTURES), 'utf8'), `${name}.tsv`);
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8')) as Expected;
  return { graph, expected };
}

function expectClose(graph: Graph, values: ArrayLike<number>, expected: Record<string, number>, tolerance = 1e-6): void {
  expect(Object.keys(expected).length).toBe(graph.n);
  let worst = 0;
  let where = '';
  graph.ids.forEach((id, i) => {
    const want = expected[id];
    expect(want, `node ${id}`).toBeDefined();
    const diff = Math.abs(values[i]! - want!);
    if (diff > worst) {
      worst = diff;
      where = id;
    }
  });
  expect(worst, `largest difference at node ${where}`).toBeLessThanOrEqual(tolerance);
}

describe.each(['karate', 'lesmis', 'florentine'])('known answers: %s (networkx)', (name) => {
  const { graph, expected } = load(name);

  it('has the same nodes and ties', () => {
    expect(graph.n).toBe(expected.n);
    expect(graph.m).toBe(expected.m);
  });
  it('degree and strength', () => {
    expectClose(graph, degree(graph), expected.degree, 0);
    expectClose(graph, strength(graph), expected.strength, 1e-9);
  });
  it('PageRank (weighted, 0.85, 1e-6)', () => {
    const result = pageRank(graph);
    expect(result.converged).toBe(true);
    expectClose(graph, result.rank, expected.pagerank);
  });
  it('exact betweenness (Brandes, unweighted)', () => {
    expectClose(graph, betweenness(graph).betweenness, expected.betweenness);
  });
  it("Burt's constraint and effective size (weighted)", () => {
    const b = brokerage(graph);
    expectClose(graph, b.constraint, expected.constraint);
    expectClose(graph, b.effectiveSize, expected.effective_size);
  });
  it('core number', () => {
    expectClose(graph, coreNumber(graph), expected.core_number, 0);
  });
  it("Louvain's modularity is at least networkx's for every seed networkx was run with", () => {
    const best = Math.max(...Object.values(expected.louvain_modularity_by_seed));
    const seeds = [...Object.keys(expected.louvain_modularity_by_seed).map(Number), ...Array.from({ length: 30 }, (_, i) => 100 + i)];
    for (const seed of seeds) {
      const result = louvain(graph, { seed });
      expect(result.modularity, `seed ${seed}`).toBeGreaterThanOrEqual(best - 1e-12);
    }
  });
});
