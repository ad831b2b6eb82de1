import { reaches } from './check.js';
import type { TeamGraph } from './types.js';

/**
 * The team map's nodes and edges, from the merged team graph and nothing else: members
 * as hubs, the networks and people they share, a member's tie to what they share, and a
 * shared person's membership of a shared network. The web app draws it, and the GEXF and
 * GraphML exports write it, so the picture and the files can never disagree about what a
 * member consented to. Pure.
 */

export type TeamMapNodeKind = 'member' | 'network' | 'person';

export interface TeamMapNode {
  id: string;
  label: string;
  kind: TeamMapNodeKind;
  /** A person's category from the diversity checklist. */
  category: string | null;
  /** A network's kind. */
  networkKind: string | null;
  organisation: string | null;
  /** How many members reach it (a member: how many items they share). */
  reach: number;
  /** The strongest tie any member has to it (a member: 5). */
  strongestTie: number;
}

export interface TeamMapEdge {
  source: string;
  target: string;
  weight: number;
  /** The member's role in a network, for a member–network edge. */
  role: string | null;
}

export interface TeamMap {
  nodes: TeamMapNode[];
  edges: TeamMapEdge[];
}

/** The id a member has on the map: kept apart from network and person keys. */
export const memberNodeId = (memberId: string) => `member:${memberId}`;

export function teamMapOf(graph: Pick<TeamGraph, 'members' | 'networks' | 'people'>): TeamMap {
  const edges: TeamMapEdge[] = [];
  // A lurker, or someone who left a network, does not reach it: no edge, as in the check.
  for (const n of graph.networks) for (const h of n.holders) if (reaches(h.role)) edges.push({ source: memberNodeId(h.memberId), target: n.key, weight: Math.max(0.5, h.strength), role: h.role });
  for (const p of graph.people) {
    for (const h of p.holders) edges.push({ source: memberNodeId(h.memberId), target: p.key, weight: Math.max(0.5, h.strength), role: null });
    for (const key of p.networkKeys) edges.push({ source: p.key, target: key, weight: 1, role: null });
  }
  const shares = new Map<string, number>();
  for (const e of edges) if (e.source.startsWith('member:')) shares.set(e.source, (shares.get(e.source) ?? 0) + 1);
  const strongest = (holders: { strength: number }[]) => holders.reduce((max, h) => Math.max(max, h.strength), 0);
  const nodes: TeamMapNode[] = [
    ...graph.members.map((m) => ({ id: memberNodeId(m.id), label: m.name, kind: 'member' as const, category: null, networkKind: null, organisation: null, reach: shares.get(memberNodeId(m.id)) ?? 0, strongestTie: 5 })),
    ...graph.networks.map((n) => ({ id: n.key, label: n.name, kind: 'network' as const, category: null, networkKind: n.kind, organisation: null, reach: n.holders.filter((h) => reaches(h.role)).length, strongestTie: strongest(n.holders) })),
    ...graph.people.map((p) => ({ id: p.key, label: p.name, kind: 'person' as const, category: p.category, networkKind: null, organisation: p.organisation, reach: p.holders.length, strongestTie: strongest(p.holders) })),
  ];
  return { nodes, edges };
}
