import { describe, expect, it } from 'vitest';
import { egoMap } from '../../../src/core/check/index.js';
import { generateLargeSnapshot } from '../../../src/demo/generate-map.js';
import { layoutMap, RING_SPACING } from '../map-layout.js';
import { relaxRings, type RingLayoutInput } from './ring-relax.js';

const TAU = 2 * Math.PI;
const gap = (a: number, b: number) => {
  const d = Math.abs(a - b) % TAU;
  return Math.min(d, TAU - d);
};

/** The input the map page hands the worker, from placed nodes (settle-layout.ts does the same). */
function inputOf(nodes: { key: string; x: number; y: number }[], edges: { source: string; target: string }[]): RingLayoutInput {
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const tied = edges.filter((e) => index.has(e.source) && index.has(e.target));
  const radius = Float64Array.from(nodes, (n) => Math.hypot(n.x, n.y));
  return {
    radius,
    ring: Int32Array.from(radius, (r) => Math.round(r / RING_SPACING)),
    angle: Float64Array.from(nodes, (n) => Math.atan2(n.y, n.x)),
    source: Int32Array.from(tied, (e) => index.get(e.source)!),
    target: Int32Array.from(tied, (e) => index.get(e.target)!),
  };
}

/** n nodes evenly round ring 1, and you (index n) at the centre. */
function oneRing(n: number, ties: [number, number][]): RingLayoutInput {
  const nodes = [...Array.from({ length: n }, (_, i) => ({ key: `n${i}`, x: Math.cos((TAU * i) / n) * 100, y: Math.sin((TAU * i) / n) * 100 })), { key: 'me', x: 0, y: 0 }];
  return inputOf(nodes, ties.map(([a, b]) => ({ source: a === -1 ? 'me' : `n${a}`, target: `n${b}` })));
}

describe("the map's settled layout", () => {
  it('keeps every node on its ring and you at the centre, on a real map of 1,300 nodes', () => {
    const snapshot = generateLargeSnapshot({ people: 1200, networks: 100, goals: 5, exchanges: 5000, today: '2026-11-22', seed: 3 });
    const map = egoMap(snapshot);
    const placed = layoutMap(map, 'category').nodes;
    const input = inputOf(placed, map.edges);
    const radius = Float64Array.from(input.radius);
    const out = relaxRings(input);
    placed.forEach((n, i) => {
      expect(Math.hypot(out[2 * i]!, out[2 * i + 1]!)).toBeCloseTo(radius[i]!, 3);
      if (n.kind === 'me') expect([out[2 * i], out[2 * i + 1]]).toEqual([0, 0]);
    });
    expect(out.every(Number.isFinite)).toBe(true);
    // The same map settles the same way every time.
    expect(relaxRings(inputOf(placed, map.edges))).toEqual(out);
  });

  it('brings tied nodes nearer round the ring than they were placed', () => {
    const input = oneRing(40, [
      [0, 20],
      [5, 25],
    ]);
    const out = relaxRings(input);
    const angleOf = (i: number) => Math.atan2(out[2 * i + 1]!, out[2 * i]!);
    expect(gap(angleOf(0), angleOf(20))).toBeLessThan(Math.PI * 0.75);
    expect(gap(angleOf(5), angleOf(25))).toBeLessThan(Math.PI * 0.75);
  });

  it('keeps a ring evenly filled: no two nodes on one spot, no side emptied, however the ties pull', () => {
    // Everyone tied to node 0: they all want to be where it is.
    const input = oneRing(
      60,
      Array.from({ length: 59 }, (_, i) => [0, i + 1] as [number, number]),
    );
    const out = relaxRings(input);
    const angles = Array.from({ length: 60 }, (_, i) => (Math.atan2(out[2 * i + 1]!, out[2 * i]!) + TAU) % TAU).sort((a, b) => a - b);
    const gaps = angles.map((a, i) => (i === 0 ? a + TAU - angles[59]! : a - angles[i - 1]!));
    for (const g of gaps) expect(g).toBeCloseTo(TAU / 60, 6);
  });

  it('leaves out ties to you, to itself and to no node, and settles an empty map or a lone node', () => {
    const input = oneRing(3, [
      [-1, 0],
      [1, 1],
    ]);
    input.source = Int32Array.from([...input.source, 7, -2]);
    input.target = Int32Array.from([...input.target, 0, 1]);
    const out = relaxRings(input);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(relaxRings({ ring: new Int32Array(0), radius: new Float64Array(0), angle: new Float64Array(0), source: new Int32Array(0), target: new Int32Array(0) })).toEqual(new Float32Array(0));
    const lone = relaxRings(oneRing(1, []));
    expect(Math.hypot(lone[0]!, lone[1]!)).toBeCloseTo(100, 3);
  });

  it('reports its way there a few times and says when it is done', () => {
    const calls: boolean[] = [];
    relaxRings(oneRing(10, [[0, 5]]), { steps: 30, every: 10, onStep: (_, done) => calls.push(done) });
    expect(calls).toEqual([false, false, true]);
  });
});
