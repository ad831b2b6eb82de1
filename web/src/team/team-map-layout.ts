import type { TeamMap } from '../../../src/core/team/map.js';
import { NETWORK_KINDS, PERSON_CATEGORIES } from '../../../src/core/vocabulary.js';
import type { PlacedNode } from '../map-layout.js';
import { assignColours, GREY, ME_COLOUR, NETWORK_PALETTE, PEOPLE_PALETTE } from '../map/palettes.js';

/**
 * The team map's layout: members as hubs on an inner circle, the networks they share on
 * a middle ring and the people on an outer one, each placed towards the members who
 * reach it (so that what one member alone reaches sits beside them, and what many share
 * sits between them). Colours as on the personal map: people by category and networks by
 * kind, each in its own palette, in the vocabulary's order. Deterministic and pure.
 */

/** Placed as on the personal map, but keyed by the team map's node id. */
export interface PlacedTeamNode extends Pick<PlacedNode, 'label' | 'x' | 'y' | 'size' | 'colour' | 'group'> {
  id: string;
  kind: 'member' | 'network' | 'person';
}

export interface TeamLegendEntry {
  group: string;
  colour: string;
  kind: 'member' | 'network' | 'person';
  count: number;
}

/** Graph units: members' circle, networks' ring, people's ring. */
export const TEAM_RADII = { member: 100, network: 220, person: 340 } as const;
/** The smallest gap between two neighbours on a ring, in radians, before the ring is spread. */
const MIN_GAP = 0.05;

const groupOf = (n: TeamMap['nodes'][number]) => (n.kind === 'member' ? 'member' : n.kind === 'network' ? (n.networkKind ?? 'other') : (n.category ?? 'uncategorised'));

export function layoutTeamMap(map: TeamMap): { nodes: PlacedTeamNode[]; legend: TeamLegendEntry[] } {
  const members = map.nodes.filter((n) => n.kind === 'member');
  const angleOf = new Map<string, number>();
  members.forEach((m, i) => angleOf.set(m.id, (2 * Math.PI * i) / Math.max(1, members.length) - Math.PI / 2));
  // Which members each node hangs from: directly, or for a person also through a shared network.
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a) ?? new Set<string>();
    set.add(b);
    neighbours.set(a, set);
  };
  for (const e of map.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const membersOf = (id: string): string[] => {
    const direct = [...(neighbours.get(id) ?? [])];
    const hubs = direct.filter((n) => angleOf.has(n));
    return hubs.length > 0 ? hubs : direct.flatMap((n) => [...(neighbours.get(n) ?? [])].filter((m) => angleOf.has(m)));
  };
  // The circular mean of the members' angles; with none (or when they cancel out), spread evenly.
  const anchor = (id: string, index: number, count: number) => {
    const hubs = membersOf(id);
    const x = hubs.reduce((sum, m) => sum + Math.cos(angleOf.get(m)!), 0);
    const y = hubs.reduce((sum, m) => sum + Math.sin(angleOf.get(m)!), 0);
    return Math.hypot(x, y) < 1e-9 ? (2 * Math.PI * index) / Math.max(1, count) : Math.atan2(y, x);
  };

  const people = [...PERSON_CATEGORIES, 'uncategorised'];
  const networks = [...NETWORK_KINDS];
  const personColours = assignColours(PERSON_CATEGORIES, PEOPLE_PALETTE);
  const networkColours = assignColours(NETWORK_KINDS.filter((k) => k !== 'other'), NETWORK_PALETTE);
  const colourOf = (n: TeamMap['nodes'][number]) => (n.kind === 'member' ? ME_COLOUR : ((n.kind === 'person' ? personColours : networkColours).get(groupOf(n)) ?? GREY));
  const sizeOf = (n: TeamMap['nodes'][number]) => (n.kind === 'member' ? 14 : n.kind === 'network' ? 5 + Math.min(4, n.reach) * 2 : 3 + n.strongestTie * 1.2);

  const placed: PlacedTeamNode[] = [];
  const at = (n: TeamMap['nodes'][number], angle: number, radius: number) =>
    placed.push({ id: n.id, kind: n.kind, label: n.label, x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: sizeOf(n), colour: colourOf(n), group: groupOf(n) });
  if (members.length === 1) at(members[0]!, 0, 0);
  else for (const m of members) at(m, angleOf.get(m.id)!, TEAM_RADII.member);
  for (const kind of ['network', 'person'] as const) {
    const ring = map.nodes.filter((n) => n.kind === kind);
    const wanted = ring.map((n, i) => ({ n, angle: anchor(n.id, i, ring.length) })).sort((a, b) => a.angle - b.angle || a.n.label.localeCompare(b.n.label));
    // Spread neighbours that would sit on one another, keeping their order round the ring; a ring too full is spaced evenly.
    const gap = Math.min(MIN_GAP, (2 * Math.PI) / Math.max(1, wanted.length));
    for (let i = 1; i < wanted.length; i++) wanted[i]!.angle = Math.max(wanted[i]!.angle, wanted[i - 1]!.angle + gap);
    // Reach pulls inwards: what several members share sits nearer the hubs.
    for (const { n, angle } of wanted) at(n, angle, TEAM_RADII[kind] - Math.min(3, Math.max(0, n.reach - 1)) * 20);
  }

  const counts = new Map<string, number>();
  for (const n of placed) counts.set(`${n.kind} ${n.group}`, (counts.get(`${n.kind} ${n.group}`) ?? 0) + 1);
  const entry = (kind: TeamLegendEntry['kind'], group: string, colour: string): TeamLegendEntry => ({ group, colour, kind, count: counts.get(`${kind} ${group}`) ?? 0 });
  const legend = [
    ...(members.length ? [entry('member', 'member', ME_COLOUR)] : []),
    ...networks.filter((g) => counts.has(`network ${g}`)).map((g) => entry('network', g, networkColours.get(g) ?? GREY)),
    ...people.filter((g) => counts.has(`person ${g}`)).map((g) => entry('person', g, personColours.get(g) ?? GREY)),
  ];
  return { nodes: placed, legend };
}
