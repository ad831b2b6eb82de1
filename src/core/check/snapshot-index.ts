/**
 * Facts and lookups computed once per check, so that every part is a single pass
 * over its items (the check must stay well under 100 ms on 5,000 people and
 * 50,000 exchanges). Nothing here judges; it only counts and looks up.
 */
import { toDayNumber, type IsoDate } from '../dates.js';
import type { Goal, Network, Person } from '../model.js';
import { SCORE_MAX, SCORE_MIN, type NetworkRole } from '../vocabulary.js';
import { journalColumns, type JournalColumns } from './journal-columns.js';
import type { JournalCounts, JournalSummary } from './journal-summary.js';
import { compareText } from './sort.js';
import type { ItemKind, MapSnapshot } from './types.js';

export { ONLINE_CHANNELS } from './journal-summary.js';

/** Roles that mean the user is not (or no longer) taking part in a network. */
const INACTIVE_ROLES: ReadonlySet<NetworkRole> = new Set<NetworkRole>(['want-to-join', 'left']);

/** What every part needs to know about a goal-linked item. */
interface GoalFacts {
  /** Its row in the index's per-slot arrays: a person's ordinal, or the people's count plus a network's. */
  slot: number;
  /** The best relevance to an in-scope goal, 0 when it serves none. */
  relevance: number;
  /** In-scope goals served, most relevant first. */
  goalIds: string[];
  /** The relevance to each of `goalIds`, beside it (the best link wins when there are several). */
  goalRelevance: number[];
  /** The in-scope goal served most, if any. */
  topGoal: Goal | null;
}

export interface PersonFacts extends GoalFacts, JournalCounts {
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

/** A person or network linked to an in-scope goal, with its facts (no lookup by id needed). */
export type GoalTarget = { relevance: number; serves: readonly string[] } & (
  | { kind: 'person'; id: string; facts: PersonFacts }
  | { kind: 'network'; id: string; facts: NetworkFacts }
);

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
  /** One entry per person / network, in snapshot order (a person's ordinal is its place here). */
  people: PersonFacts[];
  networks: NetworkFacts[];
  /** Each person's slot by id (`personWithId` gives their facts). */
  personSlot: Map<string, number>;
  networkById: Map<string, NetworkFacts>;
  /** What serves each in-scope goal (existing targets only, one entry per target). */
  linksByGoal: Map<string, GoalTarget[]>;
  /**
   * Each slot's place (people, then networks) in the order the long lists tie-break on: name,
   * then id, then slot. Sorted once, so that those lists compare numbers, never names.
   */
  nameRank: Int32Array;
  /** Lower-cased, whitespace-collapsed names of the user's own organisation(s). */
  ownOrganisations: Set<string>;
  /** The in-scope goal with the least behind it (strength × relevance): where spare time helps most. */
  neediestGoal: Goal | null;
  /** The journal's totals: exchanges, items given and received. */
  journal: Pick<JournalSummary, 'exchanges' | 'gave' | 'received'>;
  /** `daysSince(date, today)`, each different date worked out once (thousands of people share a date). */
  daysAgo: (date: IsoDate) => number | null;
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

/** The relevance of a person's or network's facts to one goal (0 when not linked or not in scope). */
export function relevanceTo(facts: GoalFacts, goalId: string): number {
  const at = facts.goalIds.indexOf(goalId);
  return at < 0 ? 0 : (facts.goalRelevance[at] as number);
}

/** Builds the facts and lookups every part of the check shares. */
export function buildIndex(snapshot: MapSnapshot, goalId: string | null): CheckIndex {
  const goalById = new Map(snapshot.goals.map((g) => [g.id, g]));
  const focusGoal = goalId === null ? null : (goalById.get(goalId) ?? null);
  // An unknown focus falls back to the whole map; the goal parts say so.
  const goals = focusGoal ? [focusGoal] : snapshot.goals.filter((g) => g.status === 'active');

  const personCount = snapshot.people.length;
  const networks = snapshot.networks.map((n, ordinal) => networkFacts(n, personCount + ordinal));
  // A repeated id keeps its first place and its last facts.
  const networkById = new Map<string, NetworkFacts>();
  for (const f of networks) networkById.set(f.network.id, f);
  const personSlot = new Map<string, number>();
  for (let slot = 0; slot < personCount; slot++) personSlot.set((snapshot.people[slot] as Person).id, slot);

  // Everything a person's facts hold is gathered by slot first, so that each person's facts are
  // made once, whole: no field changes its kind of value later, and no object is made to wait.
  const journal = journalColumns(snapshot, personSlot, personCount);
  const sharedNetwork = sharedNetworks(snapshot, personSlot, networkById);
  const daysSince = daysSinceMemo(snapshot.today);
  const people = snapshot.people.map((person, slot) => personFacts(person, slot, journal, sharedNetwork, daysSince));

  const linksByGoal = addGoalLinks(snapshot, goals, people, personSlot, networkById);
  const nameRank = nameOrder(people, networks);

  return {
    snapshot,
    today: snapshot.today,
    requestedGoalId: goalId,
    focusGoal,
    goals,
    goalById,
    people,
    networks,
    personSlot,
    networkById,
    linksByGoal,
    nameRank,
    ownOrganisations: ownOrganisations(snapshot),
    neediestGoal: neediestGoal(goals, linksByGoal),
    journal: journal.totals,
    daysAgo: daysSince,
  };
}

/** The facts of the person with this id (the last one given it, as with every lookup by id), if any. */
export function personWithId(index: CheckIndex, id: string): PersonFacts | undefined {
  const slot = index.personSlot.get(id);
  return slot === undefined ? undefined : index.people[slot];
}

/**
 * Days from a date to today, or null (see `daysSince`), each different date worked out once:
 * 30,000 people share a few hundred dates of last exchange.
 */
function daysSinceMemo(today: IsoDate): (date: IsoDate) => number | null {
  const todayDay = toDayNumber(today);
  const known = new Map<IsoDate, number | null>();
  return (date) => {
    let days = known.get(date);
    if (days === undefined) {
      const d = todayDay - toDayNumber(date);
      known.set(date, (days = Number.isFinite(d) ? d : null));
    }
    return days;
  };
}

/** Each slot's place in name, id, slot order (see `CheckIndex.nameRank`). */
function nameOrder(people: readonly PersonFacts[], networks: readonly NetworkFacts[]): Int32Array {
  const names: string[] = [];
  const ids: string[] = [];
  for (const f of people) {
    names.push(f.person.name);
    ids.push(f.person.id);
  }
  for (const f of networks) {
    names.push(f.network.name);
    ids.push(f.network.id);
  }
  const slots = names.map((_, slot) => slot);
  slots.sort((a, b) => compareText(names[a] as string, names[b] as string) || compareText(ids[a] as string, ids[b] as string) || a - b);
  const rank = new Int32Array(slots.length);
  slots.forEach((slot, place) => (rank[slot] = place));
  return rank;
}

function neediestGoal(goals: readonly Goal[], linksByGoal: Map<string, GoalTarget[]>): Goal | null {
  let best: { goal: Goal; weight: number } | null = null;
  for (const goal of goals) {
    let weight = 0;
    for (const target of linksByGoal.get(goal.id) ?? []) weight += target.facts.strength * target.relevance;
    // Ties go to the goal named first in the alphabet, so the advice is the same on every run.
    if (best === null || weight < best.weight || (weight === best.weight && goal.statement < best.goal.statement)) best = { goal, weight };
  }
  return best?.goal ?? null;
}

function personFacts(
  person: Person,
  slot: number,
  journal: JournalColumns,
  sharedNetwork: readonly (Network | null)[],
  daysSince: (date: IsoDate) => number | null,
): PersonFacts {
  // The later of the derived date and the journal's.
  const fromJournal = journal.lastExchangeOn[slot] as IsoDate | null;
  const derived = person.lastExchangeOn;
  const lastExchangeOn = derived !== null && (fromJournal === null || derived > fromJournal) ? derived : fromJournal;
  return {
    slot,
    person,
    strength: score(person.strength),
    importance: score(person.importance),
    relevance: 0,
    goalIds: NO_GOALS,
    goalRelevance: NO_RELEVANCE,
    topGoal: null,
    lastExchangeOn,
    daysSinceLastExchange: lastExchangeOn === null ? null : daysSince(lastExchangeOn),
    exchanges: journal.exchanges[slot] as number,
    gave: journal.gave[slot] as number,
    received: journal.received[slot] as number,
    onlineOnly: journal.onlineOnly[slot] === 1,
    sharedNetwork: sharedNetwork[slot] as Network | null,
  };
}

function networkFacts(network: Network, slot: number): NetworkFacts {
  return {
    slot,
    network,
    strength: score(network.strength),
    importance: score(network.importance),
    hours: Math.max(0, num(network.hoursPerMonth)),
    relevance: 0,
    goalIds: NO_GOALS,
    goalRelevance: NO_RELEVANCE,
    topGoal: null,
  };
}

/** The network to suggest meeting each person at, by slot (see `PersonFacts.sharedNetwork`). */
function sharedNetworks(snapshot: MapSnapshot, personSlot: ReadonlyMap<string, number>, networkById: ReadonlyMap<string, NetworkFacts>): (Network | null)[] {
  const shared = new Array<Network | null>(snapshot.people.length).fill(null);
  for (const m of snapshot.memberships) {
    // The cheap refusals first: a person is looked up by id among 30,000 only for a network that counts.
    if (m.role === 'left') continue;
    const n = networkById.get(m.networkId);
    if (!n || INACTIVE_ROLES.has(n.network.role)) continue;
    const slot = personSlot.get(m.personId);
    if (slot === undefined) continue;
    const current = shared[slot] as Network | null;
    if (current === null || n.importance > num(current.importance)) shared[slot] = n.network;
  }
  return shared;
}

const NO_NEEDS: readonly string[] = Object.freeze([]);
/** Shared by every unlinked target until its first link gives it its own (frozen: never written through). */
const NO_GOALS = Object.freeze([]) as unknown as string[];
const NO_RELEVANCE = Object.freeze([]) as unknown as number[];

/**
 * Each link to an in-scope goal, gathered on its target's facts: the goals in first-link order
 * with the best relevance of their links and the needs all of them name. Then each target's
 * goals, most relevant first (a stable sort: equally relevant goals stay in first-link order),
 * and each goal's targets, in the order of the maps by id.
 */
function addGoalLinks(
  snapshot: MapSnapshot,
  goals: Goal[],
  people: readonly PersonFacts[],
  personSlot: ReadonlyMap<string, number>,
  networkById: ReadonlyMap<string, NetworkFacts>,
): Map<string, GoalTarget[]> {
  // A repeated goal id is one goal: its first place, its last statement.
  const inScope = new Map<string, Goal>();
  for (const goal of goals) inScope.set(goal.id, goal);
  // The needs named by the links of a target, per goal, beside its goalIds (needed only below), by slot.
  const servesOf: ((readonly string[])[] | undefined)[] = new Array(snapshot.people.length + snapshot.networks.length);
  for (const link of snapshot.goalLinks) {
    const goal = inScope.get(link.goalId);
    if (!goal) continue;
    const facts = link.kind === 'person' ? personAt(people, personSlot.get(link.targetId)) : networkById.get(link.targetId);
    if (!facts) continue;
    const relevance = score(link.relevance);
    const goalId = goal.id;
    let at = facts.goalIds.indexOf(goalId);
    // The goal's own id string: later look-ups by it then match by identity.
    if (facts.goalIds === NO_GOALS) {
      // Arrays of one: most targets serve one goal, and an empty array grows room for seventeen
      // at its first push (tens of thousands of targets, each copied by the collector).
      facts.goalIds = [goalId];
      facts.goalRelevance = [relevance];
      at = 0;
    } else if (at < 0) {
      at = facts.goalIds.push(goalId) - 1;
      facts.goalRelevance.push(relevance);
    } else facts.goalRelevance[at] = Math.max(facts.goalRelevance[at] as number, relevance);
    if (link.serves.length > 0) {
      const serves = servesOf[facts.slot];
      if (!serves && at === 0) servesOf[facts.slot] = [link.serves];
      else {
        const named = (servesOf[facts.slot] ??= [])[at];
        (servesOf[facts.slot] as (readonly string[])[])[at] = named ? [...named, ...link.serves] : link.serves;
      }
    }
  }
  const linksByGoal = new Map<string, GoalTarget[]>();
  for (const goal of goals) linksByGoal.set(goal.id, []);
  // Every target pushed as the same literal shape: the parts read tens of thousands of them.
  const collect = (kind: ItemKind, id: string, facts: PersonFacts | NetworkFacts) => {
    if (facts.goalIds.length === 0) return;
    const serves = servesOf[facts.slot];
    for (let at = 0; at < facts.goalIds.length; at++) {
      const target = { kind, id, facts, relevance: facts.goalRelevance[at] as number, serves: serves?.[at] ?? NO_NEEDS };
      (linksByGoal.get(facts.goalIds[at] as string) as GoalTarget[]).push(target as GoalTarget);
    }
    mostRelevantFirst(facts);
    facts.relevance = facts.goalRelevance[0] as number;
    facts.topGoal = inScope.get(facts.goalIds[0] as string) ?? null;
  };
  // forEach, not for-of: a for-of over a map makes an entry array for each of its 30,000 entries.
  personSlot.forEach((slot, id) => collect('person', id, people[slot] as PersonFacts));
  networkById.forEach((facts, id) => collect('network', id, facts));
  return linksByGoal;
}

function personAt(people: readonly PersonFacts[], slot: number | undefined): PersonFacts | undefined {
  return slot === undefined ? undefined : people[slot];
}

/** Orders a target's goals (and their relevances beside them) most relevant first, stably: a few goals, so by insertion. */
function mostRelevantFirst(facts: GoalFacts): void {
  const ids = facts.goalIds;
  const relevance = facts.goalRelevance;
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i] as string;
    const r = relevance[i] as number;
    let j = i;
    while (j > 0 && (relevance[j - 1] as number) < r) {
      ids[j] = ids[j - 1] as string;
      relevance[j] = relevance[j - 1] as number;
      j--;
    }
    ids[j] = id;
    relevance[j] = r;
  }
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
