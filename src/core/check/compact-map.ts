/**
 * The map in few bytes, for the web's map page (GET /api/map/compact). The full map repeats
 * every key, kind and category as a string on each node and edge (at 5,000 people about
 * 370 KB zipped); here each node is a place in parallel arrays, an edge names its ends by
 * those places, and every repeated word (kinds, categories, colour keys, quadrants, roles,
 * goal ids, needs) is written once in `words` and referred to by its index.
 *
 * `decodeMap(encodeMap(map))` gives the map back as `buildMap` made it: node keys are
 * `me`, `person:<id>` and `network:<id>`; an edge's key is `<source>~<target>`, or
 * `introduction:<id>` for an introduction (src/core/check/map.ts).
 */
import { ME_KEY, networkKey, personKey } from './map.js';
import type { IntroductionKind, MapEdge, MapEdgeKind, MapNode, MapNodeKind, NetworkMap, QuadrantName, RingLegend } from './types.js';
import type { NetworkKind, NetworkRole, PersonCategory } from '../vocabulary.js';

/** Where a word is absent (a person's network kind, a network's category): no index. */
export const NO_WORD = -1;

/** Numbers per edge in `CompactMap.edges`: kind, source, target, weight, role, directed (0 or 1). */
export const EDGE_STRIDE = 6;

export interface CompactNodes {
  /** The person's or network's id; null for me. The node's key is made from it and its kind. */
  ids: (string | null)[];
  kinds: number[];
  labels: string[];
  rings: number[];
  sizes: number[];
  strengths: number[];
  importances: number[];
  relevances: number[];
  categories: number[];
  networkKinds: number[];
  colourKeys: number[];
  quadrants: number[];
  roles: number[];
  hoursPerMonth: (number | null)[];
  goalIds: number[][];
  needs: number[][];
  lastExchangeOn: (string | null)[];
}

/** What only introductions carry, one entry per introduction edge, in the edges' order. */
export interface CompactIntroductions {
  ids: string[];
  kinds: number[];
  /** The node (its place) that made the introduction. */
  introducedBy: number[];
  madeOn: (string | null)[];
}

export interface CompactMap {
  words: string[];
  nodes: CompactNodes;
  /** Flat, `EDGE_STRIDE` numbers an edge; ends are nodes' places, kind and role are words. */
  edges: number[];
  introductions: CompactIntroductions;
  rings: RingLegend[];
  focusGoalId: string | null;
}

/** Encodes the map: each node once, each word once. */
export function encodeMap(map: NetworkMap): CompactMap {
  const words: string[] = [];
  const indexOfWord = new Map<string, number>();
  const word = (text: string | null): number => {
    if (text === null) return NO_WORD;
    let index = indexOfWord.get(text);
    if (index === undefined) {
      index = words.length;
      words.push(text);
      indexOfWord.set(text, index);
    }
    return index;
  };
  const count = map.nodes.length;
  const nodes: CompactNodes = {
    ids: new Array(count),
    kinds: new Array(count),
    labels: new Array(count),
    rings: new Array(count),
    sizes: new Array(count),
    strengths: new Array(count),
    importances: new Array(count),
    relevances: new Array(count),
    categories: new Array(count),
    networkKinds: new Array(count),
    colourKeys: new Array(count),
    quadrants: new Array(count),
    roles: new Array(count),
    hoursPerMonth: new Array(count),
    goalIds: new Array(count),
    needs: new Array(count),
    lastExchangeOn: new Array(count),
  };
  const placeOf = new Map<string, number>();
  map.nodes.forEach((n, i) => {
    placeOf.set(n.key, i);
    nodes.ids[i] = n.id;
    nodes.kinds[i] = word(n.kind);
    nodes.labels[i] = n.label;
    nodes.rings[i] = n.ring;
    nodes.sizes[i] = n.size;
    nodes.strengths[i] = n.strength;
    nodes.importances[i] = n.importance;
    nodes.relevances[i] = n.relevance;
    nodes.categories[i] = word(n.category);
    nodes.networkKinds[i] = word(n.networkKind);
    nodes.colourKeys[i] = word(n.colourKey);
    nodes.quadrants[i] = word(n.quadrant);
    nodes.roles[i] = word(n.role);
    nodes.hoursPerMonth[i] = n.hoursPerMonth;
    nodes.goalIds[i] = n.goalIds.map(word);
    nodes.needs[i] = n.needs.map(word);
    nodes.lastExchangeOn[i] = n.lastExchangeOn;
  });
  const place = (key: string | null): number => (key === null ? NO_WORD : (placeOf.get(key) ?? NO_WORD));
  const edges = new Array<number>(map.edges.length * EDGE_STRIDE);
  const introductions: CompactIntroductions = { ids: [], kinds: [], introducedBy: [], madeOn: [] };
  map.edges.forEach((e, i) => {
    const at = i * EDGE_STRIDE;
    edges[at] = word(e.kind);
    edges[at + 1] = place(e.source);
    edges[at + 2] = place(e.target);
    edges[at + 3] = e.weight;
    edges[at + 4] = word(e.role);
    edges[at + 5] = e.directed ? 1 : 0;
    if (e.kind === 'introduction') {
      introductions.ids.push(e.key.slice(INTRODUCTION_PREFIX.length));
      introductions.kinds.push(word(e.introductionKind));
      introductions.introducedBy.push(place(e.introducedBy));
      introductions.madeOn.push(e.madeOn);
    }
  });
  return { words, nodes, edges, introductions, rings: map.rings, focusGoalId: map.focusGoalId };
}

const INTRODUCTION_PREFIX = 'introduction:';

/** The node's key from its kind and id, as `buildMap` makes it. */
function nodeKey(kind: MapNodeKind, id: string | null): string {
  if (kind === 'me' || id === null) return ME_KEY;
  return kind === 'person' ? personKey(id) : networkKey(id);
}

/** The map back from its compact form, node for node and edge for edge. */
export function decodeMap(compact: CompactMap): NetworkMap {
  const { words, nodes: n } = compact;
  // The words are the vocabularies' own (the contract checks them as the server sends them).
  const text = <T extends string>(index: number | undefined): T | null => (index === undefined || index === NO_WORD ? null : (words[index] as T));
  const nodes: MapNode[] = new Array(n.ids.length);
  for (let i = 0; i < n.ids.length; i++) {
    const kind = text<MapNodeKind>(n.kinds[i]) ?? 'person';
    const id = n.ids[i] ?? null;
    nodes[i] = {
      key: nodeKey(kind, id),
      kind,
      id,
      label: n.labels[i]!,
      ring: n.rings[i]!,
      size: n.sizes[i]!,
      strength: n.strengths[i]!,
      importance: n.importances[i]!,
      category: text<PersonCategory>(n.categories[i]),
      networkKind: text<NetworkKind>(n.networkKinds[i]),
      colourKey: text(n.colourKeys[i]) ?? '',
      goalIds: n.goalIds[i]!.map((w) => words[w]!),
      relevance: n.relevances[i]!,
      needs: n.needs[i]!.map((w) => words[w]!),
      quadrant: text<QuadrantName>(n.quadrants[i]),
      hoursPerMonth: n.hoursPerMonth[i] ?? null,
      role: text<NetworkRole>(n.roles[i]),
      lastExchangeOn: n.lastExchangeOn[i] ?? null,
    };
  }
  const keyAt = (place: number | undefined): string | null => (place === undefined || place === NO_WORD ? null : (nodes[place]?.key ?? null));
  const count = Math.floor(compact.edges.length / EDGE_STRIDE);
  const edges: MapEdge[] = new Array(count);
  let introduction = 0;
  for (let i = 0; i < count; i++) {
    const at = i * EDGE_STRIDE;
    const e = compact.edges;
    const kind = text<MapEdgeKind>(e[at]) ?? 'person-person';
    const source = keyAt(e[at + 1]) ?? ME_KEY;
    const target = keyAt(e[at + 2]) ?? ME_KEY;
    const intro = kind === 'introduction' ? introduction++ : null;
    const introductions = compact.introductions;
    edges[i] = {
      key: intro === null ? `${source}~${target}` : `${INTRODUCTION_PREFIX}${introductions.ids[intro]}`,
      kind,
      source,
      target,
      directed: e[at + 5] === 1,
      weight: e[at + 3]!,
      role: text<NetworkRole>(e[at + 4]),
      introductionKind: intro === null ? null : text<IntroductionKind>(introductions.kinds[intro]),
      introducedBy: intro === null ? null : keyAt(introductions.introducedBy[intro]),
      madeOn: intro === null ? null : (introductions.madeOn[intro] ?? null),
    };
  }
  return { nodes, edges, rings: compact.rings, focusGoalId: compact.focusGoalId };
}
