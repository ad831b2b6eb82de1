/**
 * The ego-network map: the user at the centre, people and networks on rings by
 * tie strength, sized by importance, with memberships, person-to-person ties and
 * introductions as edges. Plain nodes and edges with unique keys, so a sigma.js
 * view can draw it and GEXF or GraphML exports can write it attribute by attribute.
 */
import { SCORE_MAX } from '../vocabulary.js';
import type { NetworkRole } from '../vocabulary.js';
import { num, score, type CheckIndex } from './snapshot-index.js';
import { networkQuadrant, personQuadrant } from './quadrants.js';
import type { IntroductionKind, MapEdge, MapEdgeKind, MapNode, NetworkMap, RingLegend } from './types.js';

export const ME_KEY = 'me';

/** A node's key: unique across people and networks even when their ids collide. */
export const personKey = (id: string): string => `person:${id}`;
export const networkKey = (id: string): string => `network:${id}`;

/**
 * The ring for a tie strength: 1 (innermost) for strength 5 ("call any time"),
 * 2 for 4, 3 for 3, 4 for 2, and 5 (outermost) for 1 (weak) and 0 (no tie yet),
 * which share the edge of the map. Ring 0 is the user.
 */
export function ringForStrength(strength: number): number {
  const s = Math.min(SCORE_MAX, Math.max(1, Math.round(num(strength))));
  return SCORE_MAX + 1 - s;
}

export const RING_LEGEND: readonly RingLegend[] = [
  { ring: 1, strengths: [5], label: 'call any time' },
  { ring: 2, strengths: [4], label: 'close' },
  { ring: 3, strengths: [3], label: 'in touch' },
  { ring: 4, strengths: [2], label: 'acquainted' },
  { ring: 5, strengths: [1, 0], label: 'weak or no tie yet' },
];

/** Builds the map's nodes and edges. A me→person or me→network edge exists when the tie's strength is at least 1. */
export function buildMap(index: CheckIndex): NetworkMap {
  const { snapshot } = index;
  // Which needs each person and network serves, goal by goal, for colouring the map by need.
  const needsServed = new Map<string, string[]>();
  for (const [goalId, targets] of index.linksByGoal) {
    for (const t of targets) {
      if (t.serves.length === 0) continue;
      const key = t.kind === 'person' ? personKey(t.id) : networkKey(t.id);
      let list = needsServed.get(key);
      if (!list) needsServed.set(key, (list = []));
      for (const needId of t.serves) list.push(`${goalId}/${needId}`);
    }
  }
  const nodes: MapNode[] = [
    {
      key: ME_KEY,
      kind: 'me',
      id: null,
      label: snapshot.profile.name?.trim() || 'Me',
      ring: 0,
      size: SCORE_MAX,
      strength: SCORE_MAX,
      importance: SCORE_MAX,
      category: null,
      networkKind: null,
      colourKey: 'me',
      goalIds: index.goals.map((g) => g.id),
      relevance: 0,
      needs: [],
      quadrant: null,
      hoursPerMonth: null,
      role: null,
      lastExchangeOn: null,
    },
  ];
  // Each node's key is made once and reused by its edges.
  const personKeys: string[] = [];
  const networkKeys: string[] = [];

  for (const f of index.people) {
    const { person } = f;
    const key = personKey(person.id);
    personKeys.push(key);
    nodes.push({
      key,
      kind: 'person',
      id: person.id,
      label: person.name,
      ring: ringForStrength(f.strength),
      size: f.importance,
      strength: f.strength,
      importance: f.importance,
      category: person.category,
      networkKind: null,
      colourKey: person.category ?? 'uncategorised',
      goalIds: f.goalIds,
      relevance: f.relevance,
      needs: needsServed.get(key) ?? [],
      quadrant: personQuadrant(f),
      hoursPerMonth: null,
      role: null,
      lastExchangeOn: f.lastExchangeOn,
    });
  }

  for (const f of index.networks) {
    const { network } = f;
    const key = networkKey(network.id);
    networkKeys.push(key);
    nodes.push({
      key,
      kind: 'network',
      id: network.id,
      label: network.name,
      ring: ringForStrength(f.strength),
      size: f.importance,
      strength: f.strength,
      importance: f.importance,
      category: null,
      networkKind: network.kind,
      colourKey: network.kind,
      goalIds: f.goalIds,
      relevance: f.relevance,
      needs: needsServed.get(key) ?? [],
      quadrant: networkQuadrant(index, f),
      hoursPerMonth: f.hours,
      role: network.role,
      lastExchangeOn: null,
    });
  }

  const edges: MapEdge[] = [];
  walkEdges(index, { person: (o) => personKeys[o] as string, network: (o) => networkKeys[o] as string }, (make) => edges.push(make()));
  return { nodes, edges, rings: RING_LEGEND.map((r) => ({ ...r, strengths: [...r.strengths] })), focusGoalId: index.focusGoal?.id ?? null };
}

/** How many nodes and edges `buildMap` would give, without building them (the check's summary needs only these). */
export function mapSize(index: CheckIndex): { nodes: number; edges: number } {
  let edges = 0;
  const unused = () => '';
  walkEdges(index, { person: unused, network: unused }, () => (edges += 1));
  return { nodes: 1 + index.people.length + index.networks.length, edges };
}

/**
 * Every edge of the map once, in the map's order: me to people and networks, memberships,
 * ties, introductions. Each is handed over as a thunk, so counting them costs no edge objects.
 * Ordinals (a node's place among people or networks; the first when an id repeats) let
 * repeated memberships and ties be spotted with number keys instead of hashing long strings.
 */
function walkEdges(index: CheckIndex, keys: { person: (ordinal: number) => string; network: (ordinal: number) => string }, add: (make: () => MapEdge) => void): void {
  const { snapshot } = index;
  const personOrdinal = new Map<string, number>();
  const networkOrdinal = new Map<string, number>();
  index.people.forEach((f, o) => {
    if (!personOrdinal.has(f.person.id)) personOrdinal.set(f.person.id, o);
    if (f.strength >= 1) add(() => edge(`${ME_KEY}~${keys.person(o)}`, 'me-person', ME_KEY, keys.person(o), f.strength, null));
  });
  index.networks.forEach((f, o) => {
    if (!networkOrdinal.has(f.network.id)) networkOrdinal.set(f.network.id, o);
    if (f.strength >= 1) add(() => edge(`${ME_KEY}~${keys.network(o)}`, 'me-network', ME_KEY, keys.network(o), f.strength, f.network.role));
  });
  const networkCount = index.networks.length;
  const personCount = index.people.length;

  const seenMemberships = new Set<number>();
  for (const m of snapshot.memberships) {
    const p = personOrdinal.get(m.personId);
    const n = networkOrdinal.get(m.networkId);
    if (p === undefined || n === undefined || !once(seenMemberships, p * networkCount + n)) continue;
    add(() => {
      const source = keys.person(p);
      const target = keys.network(n);
      return edge(`${source}~${target}`, 'membership', source, target, 1, m.role);
    });
  }

  const seenTies = new Set<number>();
  for (const tie of snapshot.ties) {
    const a = personOrdinal.get(tie.personAId);
    const b = personOrdinal.get(tie.personBId);
    if (a === undefined || b === undefined || a === b) continue;
    // Ties are undirected: one edge per pair whichever way round it was stored.
    const [lo, hi] = a < b ? [a, b] : [b, a];
    if (!once(seenTies, lo * personCount + hi)) continue;
    add(() => {
      const source = keys.person(lo);
      const target = keys.person(hi);
      return edge(`${source}~${target}`, 'person-person', source, target, score(tie.strength), null);
    });
  }

  const seenIntroductions = new Set<string>();
  const keyOf = (personId: string | null): string | null | undefined => {
    if (personId === null) return null;
    const ordinal = personOrdinal.get(personId);
    return ordinal === undefined ? undefined : keys.person(ordinal);
  };
  for (const intro of snapshot.introductions) {
    const sourceOrdinal = personOrdinal.get(intro.personId);
    const targetKnown = intro.toId === null || personOrdinal.has(intro.toId);
    const byKnown = intro.byId === null || personOrdinal.has(intro.byId);
    // The same person on both ends (by ordinal: a repeated id is one node) is no edge.
    const sameEnds = intro.toId !== null && personOrdinal.get(intro.toId) === sourceOrdinal;
    if (sourceOrdinal === undefined || !targetKnown || !byKnown || sameEnds) continue;
    if (!once(seenIntroductions, intro.id)) continue;
    add(() => ({
      key: `introduction:${intro.id}`,
      kind: 'introduction',
      source: keys.person(sourceOrdinal),
      target: keyOf(intro.toId) ?? ME_KEY,
      // The introduced person was brought to the target: the arrow shows which way the door opened.
      directed: true,
      weight: 1,
      role: null,
      introductionKind: introductionKind(intro.byId, intro.toId),
      introducedBy: keyOf(intro.byId) ?? ME_KEY,
      madeOn: intro.madeOn,
    }));
  }
}

function once<T>(seen: Set<T>, key: T): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function edge(key: string, kind: MapEdgeKind, source: string, target: string, weight: number, role: NetworkRole | null): MapEdge {
  return { key, kind, source, target, directed: false, weight, role, introductionKind: null, introducedBy: null, madeOn: null };
}

function introductionKind(byId: string | null, toId: string | null): IntroductionKind {
  if (toId === null) return 'introduced-to-me';
  if (byId === null) return 'introduced-by-me';
  return 'between-others';
}
