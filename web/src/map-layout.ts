import type { CheckReport } from './types.js';

type MapData = CheckReport['map'];
type MapNode = MapData['nodes'][number];

/** Colours for categories and network kinds: distinct, and readable on white. */
const PALETTE = ['#b86e00', '#0b5cad', '#1f6f43', '#a4262c', '#6b3fa0', '#00796b', '#c2185b', '#5d4037', '#455a64', '#7c8500', '#ad1457', '#283593'];

export interface PlacedNode {
  key: string;
  id: string | null;
  kind: MapNode['kind'];
  label: string;
  x: number;
  y: number;
  size: number;
  colour: string;
  group: string;
}

/**
 * The ego layout: the user at the centre, people and networks on rings by tie
 * strength (ring 1 nearest), spread round each ring by group so that a category
 * (or goal) sits together. Deterministic, so the picture is the same every time.
 */
/** What the map's colours say: the diversity category (or network kind), the goal served, the goal's need served, or the cluster (community). */
export type ColourBy = 'category' | 'goal' | 'need' | 'community';

export interface LayoutOptions {
  /** Colour by community: each node's cluster name (from the graph engine's Louvain). */
  community?: ReadonlyMap<string, string>;
  /** Size by a metric: each node's value scaled to 0..1 (the importance when absent). */
  scaled?: ReadonlyMap<string, number>;
}

export function layoutMap(map: MapData, colourBy: ColourBy, options: LayoutOptions = {}): { nodes: PlacedNode[]; legend: { group: string; colour: string }[] } {
  const groupOf = (n: MapNode) =>
    n.kind === 'me'
      ? 'me'
      : colourBy === 'goal'
        ? (n.goalIds[0] ?? 'no goal')
        : colourBy === 'need'
          ? (n.needs[0] ?? 'no need named')
          : colourBy === 'community'
            ? (options.community?.get(n.key) ?? 'no cluster')
            : n.colourKey;
  const sizeOf = (n: MapNode) => {
    const scaled = options.scaled?.get(n.key);
    return scaled === undefined ? 3 + n.size * 1.6 : 3 + scaled * 12;
  };
  const groups = [...new Set(map.nodes.filter((n) => n.kind !== 'me').map(groupOf))].sort(
    // Clusters in numeric order, so that "cluster 10" follows "cluster 9".
    colourBy === 'community' ? (x, y) => x.localeCompare(y, undefined, { numeric: true }) : undefined,
  );
  const colourOf = new Map(groups.map((g, i) => [g, PALETTE[i % PALETTE.length]!]));
  const byRing = new Map<number, MapNode[]>();
  for (const n of map.nodes) {
    if (n.kind === 'me') continue;
    const list = byRing.get(n.ring) ?? [];
    list.push(n);
    byRing.set(n.ring, list);
  }
  const placed: PlacedNode[] = [];
  for (const n of map.nodes.filter((m) => m.kind === 'me')) {
    placed.push({ key: n.key, id: n.id, kind: n.kind, label: n.label || 'Me', x: 0, y: 0, size: 14, colour: '#1d1d1f', group: 'me' });
  }
  for (const [ring, nodes] of byRing) {
    nodes.sort((a, b) => groupOf(a).localeCompare(groupOf(b)) || a.label.localeCompare(b.label));
    const radius = ring * 100;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length + ring * 0.35;
      placed.push({
        key: n.key,
        id: n.id,
        kind: n.kind,
        label: n.label,
        x: Math.cos(angle) * radius,
        y: Math.sin(angle) * radius,
        size: sizeOf(n),
        colour: colourOf.get(groupOf(n)) ?? '#888',
        group: groupOf(n),
      });
    });
  }
  return { nodes: placed, legend: groups.map((g) => ({ group: g, colour: colourOf.get(g)! })) };
}

/** The current view as a standalone SVG: the same layout, for a report or a slide. */
export function mapSvg(nodes: readonly PlacedNode[], edges: MapData['edges'], title: string): string {
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  const at = new Map(nodes.map((n) => [n.key, n]));
  const extent = Math.max(100, ...nodes.map((n) => Math.max(Math.abs(n.x), Math.abs(n.y)) + n.size + 60));
  const lines = edges
    .map((e) => {
      const a = at.get(e.source);
      const b = at.get(e.target);
      return a && b ? `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" />` : '';
    })
    .join('');
  const circles = nodes
    .map((n) => `<g><title>${esc(n.label)}</title><circle cx="${n.x.toFixed(1)}" cy="${n.y.toFixed(1)}" r="${n.size.toFixed(1)}" fill="${n.colour}" /><text x="${(n.x + n.size + 2).toFixed(1)}" y="${(n.y + 3).toFixed(1)}">${esc(n.label)}</text></g>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-extent} ${-extent} ${2 * extent} ${2 * extent}" width="1600" height="1600" font-family="system-ui, sans-serif" font-size="9">
<title>${esc(title)}</title>
<rect x="${-extent}" y="${-extent}" width="${2 * extent}" height="${2 * extent}" fill="#ffffff" />
<g stroke="#c9c9d2" stroke-width="0.5">${lines}</g>
${circles}
</svg>
`;
}
