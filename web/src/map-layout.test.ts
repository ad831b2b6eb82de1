import { describe, expect, it } from 'vitest';
import { analyse, graphOfMap } from '../../src/core/graph/index.js';
import { layoutMap, MORE_GROUPS } from './map-layout.js';
import type { Schema } from './api/shapes.js';

type MapData = Schema<'CheckMap'>;

const node = (key: string, label: string, extra: Partial<MapData['nodes'][number]> = {}): MapData['nodes'][number] =>
  ({
    key, kind: key === 'me' ? 'me' : 'person', id: key === 'me' ? null : key, label, ring: key === 'me' ? 0 : 2, size: 3, strength: 4, importance: 3,
    category: null, networkKind: null, colourKey: 'uncategorised', goalIds: [], relevance: 0, quadrant: null, hoursPerMonth: null, role: null, ...extra,
  }) as MapData['nodes'][number];
const edge = (source: string, target: string, weight: number): MapData['edges'][number] =>
  ({ key: `${source}-${target}`, kind: 'person-person', source, target, directed: false, weight, role: null, introductionKind: null, introducedBy: null, madeOn: null }) as MapData['edges'][number];

describe('the map coloured by cluster and sized by a metric', () => {
  // Two triangles joined through b–d; me tied to a and e.
  const map = {
    nodes: [node('me', 'Me'), node('a', 'A'), node('b', 'B'), node('c', 'C'), node('d', 'D'), node('e', 'E'), node('f', 'F')],
    edges: [edge('a', 'b', 5), edge('b', 'c', 5), edge('a', 'c', 5), edge('d', 'e', 5), edge('e', 'f', 5), edge('d', 'f', 5), edge('b', 'd', 1), edge('me', 'a', 3), edge('me', 'a', 1)],
    rings: [],
    focusGoalId: null,
  } as unknown as MapData;

  it('folds a repeated map edge into the stronger tie', () => {
    const { graph } = graphOfMap(map);
    expect(graph.m).toBe(8);
    expect(graph.mergedDuplicates).toBe(0);
  });

  it('groups the nodes by Louvain cluster and scales sizes by the metric', () => {
    const { graph } = graphOfMap(map);
    const result = analyse(graph, { metrics: ['community', 'betweenness'] });
    const community = new Map(graph.ids.map((k, i) => [k, `cluster ${result.nodes[i]!.community! + 1}`]));
    expect(community.get('a')).toBe(community.get('c'));
    expect(community.get('d')).toBe(community.get('f'));
    expect(community.get('a')).not.toBe(community.get('f'));
    const b = result.nodes.map((r) => r.betweenness!);
    const max = Math.max(...b);
    const scaled = new Map(graph.ids.map((k, i) => [k, b[i]! / max]));
    const laid = layoutMap(map, 'community', { community, scaled });
    expect(laid.legend.map((l) => l.group)).toEqual(['cluster 1', 'cluster 2']);
    const size = (key: string) => laid.nodes.find((n) => n.key === key)!.size;
    // The bridge ends are the largest; a node on no shortest path the smallest.
    expect(size('b')).toBeGreaterThan(size('c'));
    expect(size('c')).toBe(3);
  });
});

describe('the map’s colours', () => {
  const many = (n: number, colourBy: 'community' | 'need') => {
    const nodes = [node('me', 'Me'), ...Array.from({ length: n }, (_, i) => node(`p${i}`, `P${i}`, { needs: [`g/need-${i}`], ...({} as object) }))];
    const community = new Map(nodes.map((x, i) => [x.key, `cluster ${i}`]));
    return layoutMap({ nodes, edges: [], rings: [], focusGoalId: null } as unknown as MapData, colourBy, colourBy === 'community' ? { community } : {});
  };

  it('names every need of the user’s goals apart, up to both palettes together', () => {
    const { legend } = many(12, 'need');
    expect(legend).toHaveLength(12);
    expect(new Set(legend.map((l) => l.colour)).size).toBe(12);
  });

  it('past eight clusters, the largest keep a colour and the rest share grey under one name, so no colour means two groups', () => {
    const { legend, nodes } = many(12, 'community');
    expect(legend.map((l) => l.group)).toContain(MORE_GROUPS);
    expect(new Set(legend.map((l) => l.colour)).size).toBe(legend.length);
    expect(nodes.filter((n) => n.group === MORE_GROUPS)).toHaveLength(12 - 7);
  });
});
