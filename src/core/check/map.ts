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
  const edges: MapEdge[] = [];
  // Each node's key is made once and reused by its edges; ordinals let repeated
  // memberships and ties be spotted with number keys instead of hashing long strings.
  const personOrdinal = new Map<string, number>();
  const networkOrdinal = new Map<string, number>();
  const personKeys: string[] = [];
  const networkKeys: string[] = [];

  for (const f of index.people) {
    const { person } = f;
    const key = personKey(person.id);
    if (!personOrdinal.has(person.id)) personOrdinal.set(person.id, personKeys.length);
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
    if (f.strength >= 1) edges.push(edge(`${ME_KEY}~${key}`, 'me-person', ME_KEY, key, f.strength, null));
  }

  for (const f of index.networks) {
    const { network } = f;
    const key = networkKey(network.id);
    if (!networkOrdinal.has(network.id)) networkOrdinal.set(network.id, networkKeys.length);
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
    if (f.strength >= 1) edges.push(edge(`${ME_KEY}~${key}`, 'me-network', ME_KEY, key, f.strength, network.role));
  }

  const seenMemberships = new Set<number>();
  for (const m of snapshot.memberships) {
    const p = personOrdinal.get(m.personId);
    const n = networkOrdinal.get(m.networkId);
    if (p === undefined || n === undefined || !once(seenMemberships, p * networkKeys.length + n)) continue;
    const source = personKeys[p] as string;
    const target = networkKeys[n] as string;
    edges.push(edge(`${source}~${target}`, 'membership', source, target, 1, m.role));
  }

  const seenTies = new Set<number>();
  for (const tie of snapshot.ties) {
    const a = personOrdinal.get(tie.personAId);
    const b = personOrdinal.get(tie.personBId);
    if (a === undefined || b === undefined || a === b) continue;
    // Ties are undirected: one edge per pair whichever way round it was stored.
    const [lo, hi] = a < b ? [a, b] : [b, a];
    if (!once(seenTies, lo * personKeys.length + hi)) continue;
    const source = personKeys[lo] as string;
    const target = personKeys[hi] as string;
    edges.push(edge(`${source}~${target}`, 'person-person', source, target, score(tie.strength), null));
  }

  const seenIntroductions = new Set<string>();
  const keyOf = (personId: string) => {
    const ordinal = personOrdinal.get(personId);
    return ordinal === undefined ? undefined : personKeys[ordinal];
  };
  for (const intro of snapshot.introductions) {
    const source = keyOf(intro.personId);
    const target = intro.toId === null ? ME_KEY : keyOf(intro.toId);
    const by = intro.byId === null ? ME_KEY : keyOf(intro.byId);
    if (source === undefined || target === undefined || by === undefined || source === target) continue;
    if (!once(seenIntroductions, intro.id)) continue;
    const key = `introduction:${intro.id}`;
    edges.push({
      key,
      kind: 'introduction',
      source,
      target,
      // The introduced person was brought to the target: the arrow shows which way the door opened.
      directed: true,
      weight: 1,
      role: null,
      introductionKind: introductionKind(intro.byId, intro.toId),
      introducedBy: by,
      madeOn: intro.madeOn,
    });
  }

  return { nodes, edges, rings: RING_LEGEND.map((r) => ({ ...r, strengths: [...r.strengths] })), focusGoalId: index.focusGoal?.id ?? null };
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
