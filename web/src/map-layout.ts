import type { Schema } from './api/shapes.js';

type MapData = Schema<'CheckMap'>;
type MapNode = MapData['nodes'][number];

import { NETWORK_KINDS, PERSON_CATEGORIES } from '../../src/core/vocabulary.js';
import { assignColours, GREY, GROUP_PALETTE, ME_COLOUR, NETWORK_PALETTE, PEOPLE_PALETTE } from './map/palettes.js';

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

/** One entry of the colour legend: which kind of node it colours (people and networks have a palette each). */
export interface LegendEntry {
  group: string;
  colour: string;
  kind: 'person' | 'network' | 'any';
  count: number;
}

/** With more groups than colours, the largest keep theirs and the rest share grey under this name. */
export const MORE_GROUPS = 'more groups';
/** Groups that are grey by nature: nothing known. */
const NOTHING_KNOWN = new Set(['uncategorised', 'other', 'no goal', 'no need named', 'no cluster', MORE_GROUPS]);

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

export function layoutMap(map: MapData, colourBy: ColourBy, options: LayoutOptions = {}): { nodes: PlacedNode[]; legend: LegendEntry[] } {
  const rawGroupOf = (n: MapNode) =>
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
  const others = map.nodes.filter((n) => n.kind !== 'me');
  const counts = new Map<string, number>();
  for (const n of others) counts.set(rawGroupOf(n), (counts.get(rawGroupOf(n)) ?? 0) + 1);
  let colourOf: Map<string, string>;
  let legendKind: (group: string) => LegendEntry['kind'] = () => 'any';
  let groupOf = rawGroupOf;
  let groups: string[];
  if (colourBy === 'category') {
    // People by category, networks by kind: each in its own palette, in the vocabulary's order so a category keeps its colour from map to map.
    const personGroups = new Set(others.filter((n) => n.kind === 'person').map(rawGroupOf));
    const networkGroups = new Set(others.filter((n) => n.kind === 'network').map(rawGroupOf));
    const people = [...PERSON_CATEGORIES, 'uncategorised'].filter((g) => personGroups.has(g));
    const networks = [...NETWORK_KINDS].filter((g) => networkGroups.has(g));
    const personColours = assignColours(PERSON_CATEGORIES, PEOPLE_PALETTE);
    const networkColours = assignColours(NETWORK_KINDS.filter((k) => k !== 'other'), NETWORK_PALETTE);
    colourOf = new Map([...people.map((g) => [g, personColours.get(g) ?? GREY] as const), ...networks.map((g) => [g, networkColours.get(g) ?? GREY] as const)]);
    groups = [...people, ...networks];
    legendKind = (g) => (personGroups.has(g) ? 'person' : 'network');
  } else {
    const named = [...counts.keys()].filter((g) => !NOTHING_KNOWN.has(g));
    // Clusters in numeric order, so that "cluster 10" follows "cluster 9".
    const inOrder = (list: string[]) => list.sort(colourBy === 'community' ? (x, y) => x.localeCompare(y, undefined, { numeric: true }) : undefined);
    // Goals and needs are the user's own, and few: both palettes together name up to 17 apart.
    // Clusters can be many: past eight, colours stop being told apart.
    const palette: readonly string[] = colourBy === 'community' ? GROUP_PALETTE : [...GROUP_PALETTE, ...PEOPLE_PALETTE];
    let coloured = named;
    if (named.length > palette.length) {
      // Beyond the palette, colours would repeat within the legend: the largest groups keep a colour, the rest share grey.
      const kept = new Set([...named].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b)).slice(0, palette.length - 1));
      coloured = named.filter((g) => kept.has(g));
      groupOf = (n) => {
        const g = rawGroupOf(n);
        return g === 'me' || kept.has(g) || NOTHING_KNOWN.has(g) ? g : MORE_GROUPS;
      };
    }
    const greys = [...new Set(others.map(groupOf))].filter((g) => NOTHING_KNOWN.has(g)).sort();
    groups = [...inOrder(coloured), ...greys];
    colourOf = assignColours(groups, palette, NOTHING_KNOWN);
  }
  const groupCounts = new Map<string, number>();
  for (const n of others) groupCounts.set(groupOf(n), (groupCounts.get(groupOf(n)) ?? 0) + 1);
  const byRing = new Map<number, MapNode[]>();
  for (const n of map.nodes) {
    if (n.kind === 'me') continue;
    const list = byRing.get(n.ring) ?? [];
    list.push(n);
    byRing.set(n.ring, list);
  }
  const placed: PlacedNode[] = [];
  for (const n of map.nodes.filter((m) => m.kind === 'me')) {
    placed.push({ key: n.key, id: n.id, kind: n.kind, label: n.label || 'Me', x: 0, y: 0, size: 14, colour: ME_COLOUR, group: 'me' });
  }
  for (const [ring, nodes] of byRing) {
    nodes.sort((a, b) => groupOf(a).localeCompare(groupOf(b)) || a.label.localeCompare(b.label));
    const radius = ring * RING_SPACING;
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
        colour: colourOf.get(groupOf(n)) ?? GREY,
        group: groupOf(n),
      });
    });
  }
  return { nodes: placed, legend: groups.map((g) => ({ group: g, colour: colourOf.get(g) ?? GREY, kind: legendKind(g), count: groupCounts.get(g) ?? 0 })) };
}

/** The current view as a standalone SVG: the same layout, rings and shapes, for a report or a slide. */
export function mapSvg(nodes: readonly PlacedNode[], edges: MapData['edges'], title: string, rings: MapData['rings'] = []): string {
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
  const guides = rings
    .map((r) => `<circle cx="0" cy="0" r="${r.ring * RING_SPACING}" /><text x="0" y="${-(r.ring * RING_SPACING) - 3}" text-anchor="middle">${esc(ringLabel(r))}</text>`)
    .join('');
  const shapes = nodes
    .map((n) => {
      const shape =
        n.kind === 'network'
          ? `<rect x="${(n.x - n.size).toFixed(1)}" y="${(n.y - n.size).toFixed(1)}" width="${(2 * n.size).toFixed(1)}" height="${(2 * n.size).toFixed(1)}" fill="${n.colour}" stroke="#1d1d1f" stroke-width="0.5" />`
          : `<circle cx="${n.x.toFixed(1)}" cy="${n.y.toFixed(1)}" r="${n.size.toFixed(1)}" fill="${n.colour}" />`;
      return `<g><title>${esc(n.label)}</title>${shape}<text x="${(n.x + n.size + 2).toFixed(1)}" y="${(n.y + 3).toFixed(1)}">${esc(n.label)}</text></g>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-extent} ${-extent} ${2 * extent} ${2 * extent}" width="1600" height="1600" font-family="system-ui, sans-serif" font-size="9">
<title>${esc(title)}</title>
<rect x="${-extent}" y="${-extent}" width="${2 * extent}" height="${2 * extent}" fill="#ffffff" />
<g fill="none" stroke="#d9d9e0" stroke-dasharray="4 4" font-size="8">${guides.replace(/<text /g, '<text fill="#6b6b75" stroke="none" ')}</g>
<g stroke="#c9c9d2" stroke-width="0.5">${lines}</g>
${shapes}
</svg>
`;
}

/** Graph units between rings: ring 1 (strength 5) nearest the centre. */
export const RING_SPACING = 100;

/** A ring's guide label: its strengths and their words ("5 · call any time"; "1–0 · weak or no tie yet"). */
export function ringLabel(ring: MapData['rings'][number]): string {
  return `${ring.strengths.join('–')} · ${ring.label}`;
}
