import type { NetworkMap } from '../check/index.js';
import { buildGraph, type Graph } from './csr.js';

/**
 * One's own map as a graph: me, people and networks, keyed by the map's node keys;
 * ties of strength 0 ("none") left out. Two nodes joined twice on the map (a known tie
 * and an introduction, say) are one tie of the larger weight, so an introduction does
 * not inflate a tie's strength. Used by `waggle analyse --map` and the web map.
 */
export function graphOfMap(map: Pick<NetworkMap, 'nodes' | 'edges'>): { graph: Graph; labels: string[] } {
  const index = new Map(map.nodes.map((node, i) => [node.key, i]));
  const strongest = new Map<string, NetworkMap['edges'][number]>();
  for (const e of map.edges) {
    if (!(e.weight > 0) || !index.has(e.source) || !index.has(e.target)) continue;
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const seen = strongest.get(key);
    if (!seen || e.weight > seen.weight) strongest.set(key, e);
  }
  const kept = [...strongest.values()];
  const graph = buildGraph(
    map.nodes.map((n) => n.key),
    Int32Array.from(kept, (e) => index.get(e.source)!),
    Int32Array.from(kept, (e) => index.get(e.target)!),
    Float64Array.from(kept, (e) => e.weight),
  );
  return { graph, labels: map.nodes.map((n) => n.label) };
}
