import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  brokerage,
  connectedComponents,
  coreNumber,
  degree,
  graphFromEdges,
  introducers,
  louvain,
  modularity,
  pageRank,
  sampledBetweenness,
  shortestPaths,
  strength,
  twoHop,
  withLocality,
  type Graph,
} from './index.js';

// Fixed seeds: the properties are checked on the same generated graphs every run.
const RUNS = { seed: 20261201, numRuns: 60 };

type Edge = [string, string, number];
interface Spec {
  edges: Edge[];
  isolated: string[];
}

/** Random small graphs: weighted ties 1–5, possibly self-loops, repeats, isolated nodes and several parts. */
const specs = (maxNodes = 24): fc.Arbitrary<Spec> =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc.record({
      edges: fc.array(
        fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })).map(([a, b, w]): Edge => [`v${a}`, `v${b}`, w]),
        { maxLength: n * 3 },
      ),
      isolated: fc.array(fc.nat(n + 5).map((i) => `lonely${i}`), { maxLength: 4 }),
    }),
  );

const build = (spec: Spec): Graph => graphFromEdges(spec.edges, spec.isolated);

interface Metrics {
  degree: ArrayLike<number>;
  strength: ArrayLike<number>;
  pagerank: ArrayLike<number>;
  betweenness: ArrayLike<number>;
  constraint: ArrayLike<number>;
  effectiveSize: ArrayLike<number>;
  core: ArrayLike<number>;
}

function metrics(g: Graph): Metrics {
  const b = brokerage(g);
  return {
    degree: degree(g),
    strength: strength(g),
    pagerank: pageRank(g, { tolerance: 1e-13, maxIterations: 10_000 }).rank,
    betweenness: betweenness(g).betweenness,
    constraint: b.constraint,
    effectiveSize: b.effectiveSize,
    core: coreNumber(g),
  };
}

function byId(g: Graph, values: ArrayLike<number>): Map<string, number> {
  return new Map(g.ids.map((id, i) => [id, values[i]!]));
}

function expectSameById(a: Graph, ma: Metrics, b: Graph, mb: Metrics): void {
  expect([...b.ids].sort()).toEqual([...a.ids].sort());
  for (const key of Object.keys(ma) as (keyof Metrics)[]) {
    const x = byId(a, ma[key]);
    const y = byId(b, mb[key]);
    for (const [id, v] of x) expect(Math.abs(v - y.get(id)!), `${key} of ${id}`).toBeLessThan(1e-9);
  }
}

describe('graph engine properties', () => {
  it('relabelling the nodes and reordering the ties changes no metric', () => {
    fc.assert(
      fc.property(specs(), fc.integer(), (spec, salt) => {
        const a = build(spec);
        // Rename every node and list the ties in another order.
        const rename = (id: string) => `n${(id.length * 7919 + salt) & 0xffff}-${id.split('').reverse().join('')}`;
        const shuffled = spec.edges
          .map((e, i): [Edge, number] => [[rename(e[1]), rename(e[0]), e[2]], (i * 2654435761 + salt) >>> 0])
          .sort((p, q) => p[1] - q[1])
          .map(([e]) => e);
        const b = graphFromEdges(shuffled, spec.isolated.map(rename));
        const ma = metrics(a);
        const mb = metrics(b);
        const back = new Map(a.ids.map((id) => [rename(id), id]));
        const renamedBack: Graph = { ...b, ids: b.ids.map((id) => back.get(id)!) };
        expectSameById(a, ma, renamedBack, mb);
        // A partition's modularity does not depend on the labels either.
        const part = louvain(a, { seed: 1 }).community;
        const index = new Map(a.ids.map((id, i) => [id, i]));
        const moved = Int32Array.from(renamedBack.ids, (id) => part[index.get(id)!]!);
        expect(Math.abs(modularity(a, part) - modularity(b, moved))).toBeLessThan(1e-12);
        // Nor does the locality order used on large graphs.
        const c = withLocality(a);
        expectSameById(a, ma, c, metrics(c));
      }),
      RUNS,
    );
  });

  it('no metric is NaN or infinite, with isolated nodes, self-loops (dropped and counted) and several parts', () => {
    fc.assert(
      fc.property(specs(), (spec) => {
        const g = build(spec);
        const loops = spec.edges.filter(([a, b]) => a === b).length;
        expect(g.selfLoops).toBe(loops);
        const m = metrics(g);
        for (const values of Object.values(m)) for (const v of Array.from(values as ArrayLike<number>)) expect(Number.isFinite(v)).toBe(true);
        const sampled = sampledBetweenness(g, { pivots: 3, seed: 5 });
        for (const v of sampled.betweenness) expect(Number.isFinite(v)).toBe(true);
        expect(Number.isFinite(sampled.bound.maxAbsoluteError)).toBe(true);
        const l = louvain(g, { seed: 3 });
        expect(Number.isFinite(l.modularity)).toBe(true);
        expect(l.community.length).toBe(g.n);
        for (const c of l.community) expect(c >= 0 && c < l.count).toBe(true);
        const comps = connectedComponents(g);
        expect(comps.sizes.reduce((s, x) => s + x, 0)).toBe(g.n);
        // Isolated nodes: degree 0, constraint 0, effective size 0, PageRank the teleport share and more.
        g.ids.forEach((id, i) => {
          if (m.degree[i] === 0) {
            expect(m.constraint[i]).toBe(0);
            expect(m.effectiveSize[i]).toBe(0);
            expect(m.pagerank[i]).toBeGreaterThan(0);
          }
        });
        let sum = 0;
        for (const v of Array.from(m.pagerank)) sum += v;
        if (g.n > 0) expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });

  it('sampled betweenness stays inside its stated bound and reaches the exact value as k grows to n', () => {
    fc.assert(
      fc.property(specs(30), fc.integer({ min: 0, max: 1000 }), (spec, seed) => {
        const g = build(spec);
        const exact = betweenness(g).betweenness;
        const errorAt = (k: number) => {
          const s = sampledBetweenness(g, { pivots: k, seed });
          let worst = 0;
          for (let i = 0; i < g.n; i++) worst = Math.max(worst, Math.abs(s.betweenness[i]! - exact[i]!));
          expect(worst, `k=${k}`).toBeLessThanOrEqual(s.bound.maxAbsoluteError + 1e-9);
          return { worst, bound: s.bound };
        };
        let previousBound = Infinity;
        for (let k = 1; k <= g.n; k++) {
          const { bound } = errorAt(k);
          expect(bound.maxAbsoluteError).toBeLessThanOrEqual(previousBound);
          previousBound = bound.maxAbsoluteError;
        }
        const full = errorAt(g.n);
        expect(full.worst).toBeLessThan(1e-9);
        expect(full.bound.exact).toBe(true);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('on average over seeds, the estimate gets closer to the exact value as k grows', () => {
    // A fixed graph of two dense parts joined by a path: betweenness concentrates on the path.
    const edges: Edge[] = [];
    for (let i = 0; i < 15; i++) for (let j = i + 1; j < 15; j++) if ((i * 7 + j * 3) % 4 !== 0) edges.push([`a${i}`, `a${j}`, 1], [`b${i}`, `b${j}`, 1]);
    edges.push(['a0', 'p1', 1], ['p1', 'p2', 1], ['p2', 'b0', 1]);
    const g = graphFromEdges(edges);
    const exact = betweenness(g).betweenness;
    const meanError = (k: number) => {
      let total = 0;
      for (let seed = 0; seed < 40; seed++) {
        const s = sampledBetweenness(g, { pivots: k, seed }).betweenness;
        for (let i = 0; i < g.n; i++) total += Math.abs(s[i]! - exact[i]!);
      }
      return total / 40 / g.n;
    };
    const errors = [2, 8, 16, 24, g.n - 1].map(meanError);
    for (let i = 1; i < errors.length; i++) expect(errors[i]!).toBeLessThan(errors[i - 1]!);
    expect(meanError(g.n)).toBe(0);
  });

  it("the standard error of the estimate is about the estimate's real spread across seeds", () => {
    const edges: Edge[] = [];
    for (let i = 0; i < 40; i++) for (let j = 1; j <= 3; j++) edges.push([`n${i}`, `n${(i * 7 + j * 11) % 40}`, 1]);
    const g = graphFromEdges(edges);
    const exact = betweenness(g).betweenness;
    const k = 10;
    let squared = 0;
    let predicted = 0;
    for (let seed = 0; seed < 200; seed++) {
      const s = sampledBetweenness(g, { pivots: k, seed });
      for (let i = 0; i < g.n; i++) {
        squared += (s.betweenness[i]! - exact[i]!) ** 2;
        predicted += s.standardError![i]! ** 2;
      }
    }
    // Root mean squared error against the root mean predicted variance: within a factor of 1.5.
    const ratio = Math.sqrt(squared / predicted);
    expect(ratio).toBeGreaterThan(1 / 1.5);
    expect(ratio).toBeLessThan(1.5);
  });

  it('shortest paths follow strong ties, and introducers are the common contacts, strongest first', () => {
    // me–a is strong, a–target strong; me–b weak, b–target weak; me–target through c is 3 hops of strength 5.
    const g = graphFromEdges([
      ['me', 'a', 4],
      ['a', 'target', 3],
      ['me', 'b', 1],
      ['b', 'target', 5],
      ['me', 'c', 5],
      ['c', 'd', 5],
      ['d', 'target', 5],
    ]);
    const at = (id: string) => g.ids.indexOf(id);
    const paths = shortestPaths(g, at('me'));
    // via a: 1/4 + 1/3 = 0.583; via c, d: 3/5 = 0.6; via b: 1 + 1/5 = 1.2
    expect(paths.distance[at('target')]).toBeCloseTo(1 / 4 + 1 / 3, 12);
    expect(paths.hops[at('target')]).toBe(2);
    const intro = introducers(g, at('me'), at('target')).map((x) => g.ids[x.via]);
    expect(intro).toEqual(['a', 'b']);
    const hop = twoHop(g, at('me'));
    expect([...hop.second].map((i) => g.ids[i]).sort()).toEqual(['d', 'target']);
  });
});
