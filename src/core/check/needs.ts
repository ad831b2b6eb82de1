/**
 * Coverage need by need: "what is missing?" asked of each thing a goal needs
 * (a supervisor, funding, statistics), not only of the goal as a whole. A person or
 * network linked to a goal may name the needs they serve; a link that names none
 * counts toward the goal but toward no need in particular.
 *
 * Pure: the caller hands in the goal's needs and who serves what.
 */
import { compareText } from './sort.js';
import type { ItemKind } from './types.js';
import { CONTRIBUTOR_STRONG_MIN_RELEVANCE, NEED_COVERED_MIN_STRONG, STRONG_MIN_STRENGTH } from './thresholds.js';

export type NeedVerdict = 'covered' | 'thin' | 'missing';

/** One thing a goal needs, in the user's words, in the user's order. */
export interface NeedRef {
  id: string;
  name: string;
  essential: boolean;
}

/** A person or network linked to a goal, with the needs that link names. */
export interface NeedServer {
  kind: ItemKind;
  id: string;
  name: string;
  strength: number;
  relevance: number;
  /** Need ids named on the link; empty when the link serves the goal as a whole. */
  serves: readonly string[];
}

export interface NeedContributor {
  kind: ItemKind;
  id: string;
  name: string;
  strength: number;
  relevance: number;
  /** strength × relevance, 0–25. */
  weight: number;
  strong: boolean;
}

export interface NeedCoverage {
  needId: string;
  name: string;
  essential: boolean;
  verdict: NeedVerdict;
  /** Sum of the contributors' weights. */
  score: number;
  strongContributors: number;
  /** Strongest first. */
  contributors: NeedContributor[];
}

/** Strong for a need as for a goal: a strong tie (≥ 3) that is relevant (≥ 3). */
export function isStrongServer(server: Pick<NeedServer, 'strength' | 'relevance'>): boolean {
  return server.strength >= STRONG_MIN_STRENGTH && server.relevance >= CONTRIBUTOR_STRONG_MIN_RELEVANCE;
}

/**
 * missing: nobody with a tie (strength above 0) serves the need;
 * covered: at least NEED_COVERED_MIN_STRONG strong contributors;
 * thin: served, but by weak ties (or barely relevant ones) alone.
 */
export function needVerdict(contributors: readonly Pick<NeedContributor, 'weight' | 'strong'>[]): NeedVerdict {
  if (!contributors.some((c) => c.weight > 0)) return 'missing';
  return contributors.filter((c) => c.strong).length >= NEED_COVERED_MIN_STRONG ? 'covered' : 'thin';
}

/**
 * Each need's contributors and verdict, in the goal's order of needs. Equal weights and
 * strengths go by name, then id; `nameOrder` (each server's place in name-then-id order, as the
 * check index's `nameRank` gives) spares comparing names as strings, thousands of times a goal.
 */
export function coverNeeds(needs: readonly NeedRef[], servers: readonly NeedServer[], nameOrder: ArrayLike<number> = namePlaces(servers)): NeedCoverage[] {
  // Each need's contributors, and beside each the place of its server in name order.
  const byNeed = new Map<string, { contributors: NeedContributor[]; places: number[] }>(needs.map((n) => [n.id, { contributors: [], places: [] }]));
  for (let s = 0; s < servers.length; s++) {
    const server = servers[s] as NeedServer;
    const strength = clampScore(server.strength);
    const relevance = clampScore(server.relevance);
    const serves = server.serves;
    for (let i = 0; i < serves.length; i++) {
      const needId = serves[i] as string;
      // A need named twice on one link counts once.
      if (i > 0 && serves.indexOf(needId) < i) continue;
      const list = byNeed.get(needId);
      if (!list) continue;
      list.contributors.push({ kind: server.kind, id: server.id, name: server.name, strength, relevance, weight: strength * relevance, strong: isStrongServer({ strength, relevance }) });
      list.places.push(nameOrder[s] as number);
    }
  }
  return needs.map((need) => {
    const list = byNeed.get(need.id) as { contributors: NeedContributor[]; places: number[] };
    const unsorted = list.contributors;
    const order = unsorted.map((_, at) => at);
    order.sort((a, b) => {
      const x = unsorted[a] as NeedContributor;
      const y = unsorted[b] as NeedContributor;
      return y.weight - x.weight || y.strength - x.strength || (list.places[a] as number) - (list.places[b] as number);
    });
    const contributors = order.map((at) => unsorted[at] as NeedContributor);
    return {
      needId: need.id,
      name: need.name,
      essential: need.essential,
      verdict: needVerdict(contributors),
      score: contributors.reduce((sum, c) => sum + c.weight, 0),
      strongContributors: contributors.filter((c) => c.strong).length,
      contributors,
    };
  });
}

/**
 * The goal's verdict once its needs are known. A goal is covered only when its
 * total says so, no essential need is missing, and no need rests on weak ties
 * alone; a goal with needs that has no tie behind any of them is missing.
 */
export function goalVerdictWithNeeds(totalVerdict: NeedVerdict, needs: readonly NeedCoverage[]): NeedVerdict {
  if (needs.length === 0 || totalVerdict === 'missing') return totalVerdict;
  if (totalVerdict !== 'covered') return totalVerdict;
  const blocked = needs.some((n) => (n.essential && n.verdict === 'missing') || n.verdict === 'thin');
  return blocked ? 'thin' : 'covered';
}

/** Why a covered goal still is not covered when a need blocks it: the needs that do. */
export function blockingNeeds(needs: readonly NeedCoverage[]): NeedCoverage[] {
  return needs.filter((n) => (n.essential && n.verdict === 'missing') || n.verdict === 'thin');
}

/** Each server's place in name, then id, order (equal ones in the order given: a stable sort). */
function namePlaces(servers: readonly NeedServer[]): Int32Array {
  const order = servers.map((_, s) => s).sort((a, b) => compareText((servers[a] as NeedServer).name, (servers[b] as NeedServer).name) || compareText((servers[a] as NeedServer).id, (servers[b] as NeedServer).id));
  const places = new Int32Array(servers.length);
  order.forEach((s, place) => (places[s] = place));
  return places;
}

function clampScore(value: number): number {
  return Number.isFinite(value) ? Math.min(5, Math.max(0, value)) : 0;
}
