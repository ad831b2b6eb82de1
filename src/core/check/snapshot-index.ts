/**
 * Facts and lookups computed once per check, so that every part is a single pass
 * over its items (the check must stay well under 100 ms on 5,000 people and
 * 50,000 exchanges). Nothing here judges; it only counts and looks up.
 */
import { toDayNumber, type IsoDate } from '../dates.js';
import type { Goal, Network, Person } from '../model.js';
import { SCORE_MAX, SCORE_MIN, type NetworkRole } from '../vocabulary.js';
import { summariseJournal, type JournalSummary } from './journal-summary.js';
import type { ItemKind, MapSnapshot } from './types.js';

export { ONLINE_CHANNELS } from './journal-summary.js';

/** Roles that mean the user is not (or no longer) taking part in a network. */
const INACTIVE_ROLES: ReadonlySet<NetworkRole> = new Set<NetworkRole>(['want-to-join', 'left']);

/** What every part needs to know about a goal-linked item. */
interface GoalFacts {
  /** Relevance per in-scope goal; the best link wins when there are several. */
  byGoal: ReadonlyMap<string, number> | null;
  /** The best relevance to an in-scope goal, 0 when it serves none. */
  relevance: number;
  /** In-scope goals served, most relevant first. */
  goalIds: string[];
  /** The in-scope goal served most, if any. */
  topGoal: Goal | null;
}

export interface PersonFacts extends GoalFacts {
  person: Person;
  /** Scores held to 0–5 and made finite: imported values must never turn into NaN downstream. */
  strength: number;
  importance: number;
  /** The later of the derived `lastExchangeOn` and the journal. */
  lastExchangeOn: IsoDate | null;
  /** Days from the last exchange to today; null when never (or unreadable). */
  daysSinceLastExchange: number | null;
  exchanges: number;
  /** Items given and received, summed over the exchanges the person was part of. */
  gave: number;
  received: number;
  /** At least one exchange, and all of them by email, social media or video. */
  onlineOnly: boolean;
  /** The network to suggest meeting at: one we share, where I take part, the most important. */
  sharedNetwork: Network | null;
}

export interface NetworkFacts extends GoalFacts {
  network: Network;
  strength: number;
  importance: number;
  /** Hours a month, never negative. */
  hours: number;
}

export interface GoalTarget {
  kind: ItemKind;
  id: string;
  relevance: number;
  /** The goal's needs this target serves (ids); empty: the goal as a whole. */
  serves: readonly string[];
}

export interface CheckIndex {
  snapshot: MapSnapshot;
  today: IsoDate;
  /** The focus the caller asked for, found or not. */
  requestedGoalId: string | null;
  /** The focused goal, when it exists. */
  focusGoal: Goal | null;
  /** The goals in scope: the focused one, else every active goal. */
  goals: Goal[];
  goalById: Map<string, Goal>;
  /** One entry per person / network, in snapshot order. */
  people: PersonFacts[];
  networks: NetworkFacts[];
  personById: Map<string, PersonFacts>;
  networkById: Map<string, NetworkFacts>;
  /** What serves each in-scope goal (existing targets only, one entry per target). */
  linksByGoal: Map<string, GoalTarget[]>;
  /** Lower-cased, whitespace-collapsed names of the user's own organisation(s). */
  ownOrganisations: Set<string>;
  /** The in-scope goal with the least behind it (strength × relevance): where spare time helps most. */
  neediestGoal: Goal | null;
  /** The journal's totals: exchanges, items given and received. */
  journal: Pick<JournalSummary, 'exchanges' | 'gave' | 'received'>;
}

/** A finite number, or 0. */
export function num(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** A score held to its scale (0–5): an out-of-range import must not outweigh every real score. */
export function score(value: number): number {
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, num(value)));
}

/** How organisation names are compared: case and spacing do not make a different employer. */
export function normaliseOrganisation(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whole days from `date` to `today`, or null when there is no date (or it cannot be read). */
export function daysSince(date: IsoDate | null, today: IsoDate): number | null {
  if (date === null) return null;
  const days = toDayNumber(today) - toDayNumber(date);
  return Number.isFinite(days) ? days : null;
}

/** The relevance of a person's or network's facts to one goal (0 when not linked). */
export function relevanceTo(facts: GoalFacts, goalId: string): number {
  return facts.byGoal?.get(goalId) ?? 0;
}

/** Builds the facts and lookups every part of the check shares. */
export function buildIndex(snapshot: MapSnapshot, goalId: string | null): CheckIndex {
  const goalById = new Map(snapshot.goals.map((g) => [g.id, g]));
  const focusGoal = goalId === null ? null : (goalById.get(goalId) ?? null);
  // An unknown focus falls back to the whole map; the goal parts say so.
  const goals = focusGoal ? [focusGoal] : snapshot.goals.filter((g) => g.status === 'active');

  const networks = snapshot.networks.map(networkFacts);
  const networkById = new Map(networks.map((f) => [f.network.id, f]));
  const people = snapshot.people.map(personFacts);
  const personById = new Map(people.map((f) => [f.person.id, f]));

  const journal = snapshot.journal ?? summariseJournal(snapshot.exchanges);
  addJournal(journal, personById);
  addSharedNetworks(snapshot, personById, networkById);
  const linksByGoal = addGoalLinks(snapshot, goals, personById, networkById);

  const todayDay = toDayNumber(snapshot.today);
  for (const f of people) {
    const last = f.person.lastExchangeOn;
    if (last !== null && (f.lastExchangeOn === null || last > f.lastExchangeOn)) f.lastExchangeOn = last;
    if (f.lastExchangeOn !== null) {
      const days = todayDay - toDayNumber(f.lastExchangeOn);
      f.daysSinceLastExchange = Number.isFinite(days) ? days : null;
    }
  }

  return {
    snapshot,
    today: snapshot.today,
    requestedGoalId: goalId,
    focusGoal,
    goals,
    goalById,
    people,
    networks,
    personById,
    networkById,
    linksByGoal,
    ownOrganisations: ownOrganisations(snapshot),
    neediestGoal: neediestGoal(goals, linksByGoal, personById, networkById),
    journal: { exchanges: journal.exchanges, gave: journal.gave, received: journal.received },
  };
}

function neediestGoal(
  goals: readonly Goal[],
  linksByGoal: Map<string, GoalTarget[]>,
  personById: Map<string, PersonFacts>,
  networkById: Map<string, NetworkFacts>,
): Goal | null {
  let best: { goal: Goal; weight: number } | null = null;
  for (const goal of goals) {
    let weight = 0;
    for (const target of linksByGoal.get(goal.id) ?? []) {
      const facts = target.kind === 'person' ? personById.get(target.id) : networkById.get(target.id);
      weight += (facts?.strength ?? 0) * target.relevance;
    }
    // Ties go to the goal named first in the alphabet, so the advice is the same on every run.
    if (best === null || weight < best.weight || (weight === best.weight && goal.statement < best.goal.statement)) best = { goal, weight };
  }
  return best?.goal ?? null;
}

function personFacts(person: Person): PersonFacts {
  return {
    person,
    strength: score(person.strength),
    importance: score(person.importance),
    byGoal: null,
    relevance: 0,
    goalIds: [],
    topGoal: null,
    lastExchangeOn: null,
    daysSinceLastExchange: null,
    exchanges: 0,
    gave: 0,
    received: 0,
    onlineOnly: false,
    sharedNetwork: null,
  };
}

function networkFacts(network: Network): NetworkFacts {
  return {
    network,
    strength: score(network.strength),
    importance: score(network.importance),
    hours: Math.max(0, num(network.hoursPerMonth)),
    byGoal: null,
    relevance: 0,
    goalIds: [],
    topGoal: null,
  };
}

function addJournal(journal: JournalSummary, personById: Map<string, PersonFacts>): void {
  for (const entry of journal.people) {
    const f = personById.get(entry.personId);
    if (!f) continue;
    f.exchanges = entry.exchanges;
    f.gave = entry.gave;
    f.received = entry.received;
    f.onlineOnly = entry.onlineOnly;
    f.lastExchangeOn = entry.lastExchangeOn;
  }
}

function addSharedNetworks(snapshot: MapSnapshot, personById: Map<string, PersonFacts>, networkById: Map<string, NetworkFacts>): void {
  for (const m of snapshot.memberships) {
    const p = personById.get(m.personId);
    const n = networkById.get(m.networkId);
    if (!p || !n || INACTIVE_ROLES.has(n.network.role) || m.role === 'left') continue;
    if (p.sharedNetwork === null || n.importance > num(p.sharedNetwork.importance)) p.sharedNetwork = n.network;
  }
}

const NO_NEEDS: readonly string[] = Object.freeze([]);

function addGoalLinks(
  snapshot: MapSnapshot,
  goals: Goal[],
  personById: Map<string, PersonFacts>,
  networkById: Map<string, NetworkFacts>,
): Map<string, GoalTarget[]> {
  const inScope = new Map(goals.map((g) => [g.id, g]));
  const linked = new Set<GoalFacts>();
  // The needs each link serves, by the target's facts and the goal: no string keys, no copies in the loop.
  const serves = new Map<GoalFacts, Map<string, string[]>>();
  for (const link of snapshot.goalLinks) {
    if (!inScope.has(link.goalId)) continue;
    const facts = link.kind === 'person' ? personById.get(link.targetId) : networkById.get(link.targetId);
    if (!facts) continue;
    if (link.serves.length > 0) {
      let servedByGoal = serves.get(facts);
      if (!servedByGoal) serves.set(facts, (servedByGoal = new Map()));
      const list = servedByGoal.get(link.goalId);
      if (list) list.push(...link.serves);
      else servedByGoal.set(link.goalId, link.serves.slice());
    }
    const byGoal = (facts.byGoal as Map<string, number> | null) ?? new Map<string, number>();
    facts.byGoal = byGoal;
    byGoal.set(link.goalId, Math.max(byGoal.get(link.goalId) ?? 0, score(link.relevance)));
    linked.add(facts);
  }
  for (const facts of linked) {
    const entries = [...(facts.byGoal ?? [])].sort((a, b) => b[1] - a[1]);
    facts.goalIds = entries.map(([id]) => id);
    facts.relevance = entries[0]?.[1] ?? 0;
    facts.topGoal = entries[0] ? (inScope.get(entries[0][0]) ?? null) : null;
  }
  const linksByGoal = new Map<string, GoalTarget[]>(goals.map((g) => [g.id, []]));
  const collect = (kind: ItemKind, id: string, facts: GoalFacts) => {
    if (!facts.byGoal) return;
    const servedByGoal = serves.get(facts);
    for (const [gId, relevance] of facts.byGoal) linksByGoal.get(gId)?.push({ kind, id, relevance, serves: servedByGoal?.get(gId) ?? NO_NEEDS });
  };
  for (const [id, f] of personById) collect('person', id, f);
  for (const [id, f] of networkById) collect('network', id, f);
  return linksByGoal;
}

/**
 * The user's own organisation(s): the names of employer networks the user has not
 * left, plus the most common organisation among department colleagues (the
 * checklist's "people in my own department"), since many users never add their
 * employer as a network. Equally common organisations are all kept.
 */
export function ownOrganisations(snapshot: MapSnapshot): Set<string> {
  const own = new Set<string>();
  for (const network of snapshot.networks) {
    if (network.kind === 'employer' && network.role !== 'left' && network.name.trim() !== '') {
      own.add(normaliseOrganisation(network.name));
    }
  }
  const counts = new Map<string, number>();
  for (const person of snapshot.people) {
    if (person.category !== 'department-colleague' || !person.organisation) continue;
    const org = normaliseOrganisation(person.organisation);
    if (org !== '') counts.set(org, (counts.get(org) ?? 0) + 1);
  }
  let top = 0;
  for (const count of counts.values()) top = Math.max(top, count);
  for (const [org, count] of counts) if (count === top) own.add(org);
  return own;
}
