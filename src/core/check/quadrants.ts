/**
 * Strength × importance: every person and network falls in exactly one of four
 * quadrants — maintain, strengthen, over-invested, let be — with the hours a
 * month each quadrant costs.
 */
import { describeCadence } from '../cadence.js';
import type { Network } from '../model.js';
import { num, type CheckIndex, type NetworkFacts, type PersonFacts } from './snapshot-index.js';
import { defineDecidedList } from './decided-list.js';
import { firstName, goalPhrase, meetSuggestion, workingOnClause, hoursText } from './suggest.js';
import { IMPORTANT_MIN_IMPORTANCE, IMPORTANT_MIN_RELEVANCE, STRONG_MIN_STRENGTH, TIME_HEAVY_HOURS } from './thresholds.js';
import type { QuadrantItem, QuadrantName, Quadrants, QuadrantTotals } from './types.js';

export const QUADRANT_NAMES: readonly QuadrantName[] = ['maintain', 'strengthen', 'overInvested', 'letBe'];

/**
 * For a person the quadrant is just strong × important (no hours): the signs each
 * quadrant stands for, so a database filter can ask the same question the check does.
 */
export const PERSON_QUADRANT_SIGNS: Readonly<Record<QuadrantName, { strong: boolean; important: boolean }>> = {
  maintain: { strong: true, important: true },
  strengthen: { strong: false, important: true },
  overInvested: { strong: true, important: false },
  letBe: { strong: false, important: false },
};

/** A tie is strong at strength ≥ STRONG_MIN_STRENGTH. */
export function isStrong(strength: number): boolean {
  return num(strength) >= STRONG_MIN_STRENGTH;
}

/** Important by overall score (≥ IMPORTANT_MIN_IMPORTANCE) or by relevance to a goal in scope (≥ IMPORTANT_MIN_RELEVANCE). */
export function isImportant(importance: number, relevance: number): boolean {
  return num(importance) >= IMPORTANT_MIN_IMPORTANCE || num(relevance) >= IMPORTANT_MIN_RELEVANCE;
}

/** The quadrant for a person: strong × important. */
export function personQuadrant(f: PersonFacts): QuadrantName {
  return quadrantOf(isStrong(f.strength), isImportant(f.importance, f.relevance), false);
}

/**
 * The quadrant for a network. Unlike a person, a network costs hours: a time-heavy
 * network is over-invested when unimportant even if the tie is weak, and one that
 * serves none of the goals in scope is unimportant whatever its score.
 */
export function networkQuadrant(index: CheckIndex, f: NetworkFacts): QuadrantName {
  const important = isImportant(f.importance, f.relevance) && !costsHoursForNoGoal(index, f);
  return quadrantOf(isStrong(f.strength), important, f.hours >= TIME_HEAVY_HOURS);
}

function costsHoursForNoGoal(index: CheckIndex, f: NetworkFacts): boolean {
  // Without any goal there is no yardstick yet, so the importance score decides alone.
  return index.goals.length > 0 && f.relevance === 0 && f.hours >= TIME_HEAVY_HOURS;
}

function quadrantOf(strong: boolean, important: boolean, timeHeavy: boolean): QuadrantName {
  if (important) return strong ? 'maintain' : 'strengthen';
  return strong || timeHeavy ? 'overInvested' : 'letBe';
}

/** Sorts every person and network into the four quadrants, with totals and hours per quadrant. */
export function quadrants(index: CheckIndex): Quadrants {
  // Ranked by [cost, weight, strength], higher first: cost is the hours of an over-invested
  // network (the biggest saving first), weight the better of importance and relevance.
  // Each quadrant's findings are written when read (decided-list.ts): the ranking is the analysis.
  const { people, networks } = index;
  const slots = people.length + networks.length;
  const quadrantOfSlot = new Uint8Array(slots);
  const cost = new Float64Array(slots);
  const weight = new Float64Array(slots);
  const strength = new Float64Array(slots);
  const totals: Record<QuadrantName, QuadrantTotals> = {
    maintain: emptyTotals(),
    strengthen: emptyTotals(),
    overInvested: emptyTotals(),
    letBe: emptyTotals(),
  };
  for (const f of people) {
    const q = personQuadrant(f);
    quadrantOfSlot[f.slot] = QUADRANT_NAMES.indexOf(q);
    weight[f.slot] = Math.max(f.importance, f.relevance);
    strength[f.slot] = f.strength;
    totals[q].items += 1;
    totals[q].people += 1;
  }
  for (const f of networks) {
    const q = networkQuadrant(index, f);
    quadrantOfSlot[f.slot] = QUADRANT_NAMES.indexOf(q);
    cost[f.slot] = q === 'overInvested' ? f.hours : 0;
    weight[f.slot] = Math.max(f.importance, f.relevance);
    strength[f.slot] = f.strength;
    totals[q].items += 1;
    totals[q].networks += 1;
    totals[q].hoursPerMonth += f.hours;
  }
  for (const q of QUADRANT_NAMES) totals[q].hoursPerMonth = roundHours(totals[q].hoursPerMonth);
  const lists: number[][] = QUADRANT_NAMES.map(() => []);
  for (let slot = 0; slot < slots; slot++) (lists[quadrantOfSlot[slot] as number] as number[]).push(slot);
  const rank = index.nameRank;
  const byRank = (a: number, b: number) =>
    (cost[b] as number) - (cost[a] as number) || (weight[b] as number) - (weight[a] as number) || (strength[b] as number) - (strength[a] as number) || (rank[a] as number) - (rank[b] as number);
  const part = {} as Quadrants;
  QUADRANT_NAMES.forEach((q, n) => {
    defineDecidedList(part, q, (lists[n] as number[]).sort(byRank), (slot) =>
      slot < people.length ? personItem(index, people[slot] as PersonFacts, q) : networkItem(index, networks[slot - people.length] as NetworkFacts, q),
    );
  });
  part.totals = totals;
  return part;
}

/** Hours are typed as decimals; two places keeps 0.1 + 0.2 from printing as 0.30000000000000004. */
export function roundHours(value: number): number {
  return Math.round(value * 100) / 100;
}

function emptyTotals(): QuadrantTotals {
  return { items: 0, people: 0, networks: 0, hoursPerMonth: 0 };
}

function personItem(index: CheckIndex, f: PersonFacts, quadrant: QuadrantName): QuadrantItem {
  const { person } = f;
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    quadrant,
    why: {
      text: `${tiePart(f.strength, true)}; ${importancePart(f.importance, f.relevance, f.topGoal?.statement ?? null)}.`,
      facts: {
        quadrant,
        strength: f.strength,
        importance: f.importance,
        relevance: f.relevance,
        goalId: f.topGoal?.id ?? null,
        lastExchangeOn: f.lastExchangeOn,
        strongAtStrength: STRONG_MIN_STRENGTH,
        importantAtImportance: IMPORTANT_MIN_IMPORTANCE,
        importantAtRelevance: IMPORTANT_MIN_RELEVANCE,
      },
    },
    next: personNext(index, f, quadrant),
  };
}

function personNext(index: CheckIndex, f: PersonFacts, quadrant: QuadrantName): string {
  const { person } = f;
  switch (quadrant) {
    case 'maintain': {
      const rhythm = person.cadence ? ` ${describeCadence(person.cadence)}` : '';
      const tail = person.cadence ? '' : ' Set a cadence so Waggle reminds you.';
      return `${meetSuggestion(f)}${rhythm} to keep this tie warm${workingOnClause(index)}.${tail}`;
    }
    case 'strengthen':
      if (f.strength === 0) {
        return f.sharedNetwork
          ? `Introduce yourself to ${person.name} at the next ${f.sharedNetwork.name} meeting, or ask someone you both know there for an introduction.`
          : `Ask someone you both know for an introduction to ${person.name}, or write a short note saying why you would like to meet.`;
      }
      return `${meetSuggestion(f)} and ask how they would approach ${goalPhrase(f.topGoal ?? index.neediestGoal)}.`;
    case 'overInvested':
      return `Enjoy the tie without planning more time for it; ask ${firstName(person)} whom they know who could help with ${goalPhrase(index.neediestGoal)}.`;
    case 'letBe':
      return `Nothing to do now; revisit ${firstName(person)} if your goals change.`;
  }
}

function networkItem(index: CheckIndex, f: NetworkFacts, quadrant: QuadrantName): QuadrantItem {
  const { network } = f;
  const importanceText = costsHoursForNoGoal(index, f)
    ? `${hoursText(f.hours)} but it serves none of your goals (importance ${f.importance}/5)`
    : importancePart(f.importance, f.relevance, f.topGoal?.statement ?? null);
  return {
    kind: 'network',
    id: network.id,
    name: network.name,
    quadrant,
    why: {
      text: `${tiePart(f.strength, true)}, ${hoursText(f.hours)} as ${network.role}; ${importanceText}.`,
      facts: {
        quadrant,
        strength: f.strength,
        importance: f.importance,
        relevance: f.relevance,
        hoursPerMonth: f.hours,
        role: network.role,
        goalId: f.topGoal?.id ?? null,
        strongAtStrength: STRONG_MIN_STRENGTH,
        importantAtImportance: IMPORTANT_MIN_IMPORTANCE,
        importantAtRelevance: IMPORTANT_MIN_RELEVANCE,
        timeHeavyAtHours: TIME_HEAVY_HOURS,
      },
    },
    next: networkNext(index, f, quadrant),
  };
}

function networkNext(index: CheckIndex, f: NetworkFacts, quadrant: QuadrantName): string {
  const goal = f.topGoal ?? index.neediestGoal;
  const name = f.network.name;
  switch (quadrant) {
    case 'maintain':
      return f.network.role === 'organiser' || f.network.role === 'committee'
        ? `Keep your hours in ${name} on what serves ${goalPhrase(goal)}, and bring one member closer this month.`
        : `Keep showing up at ${name}: go to the next meeting and talk to one person you do not know yet.`;
    case 'strengthen':
      return strengthenNetworkNext(f.network, goalPhrase(goal));
    case 'overInvested':
      return f.hours > 0
        ? `Trim the ${hoursText(f.hours)} in ${name} (skip every other meeting, or hand on a role) and give the time to a network that serves ${goalPhrase(index.neediestGoal)}.`
        : `No need to plan more time for ${name}; keep the friendships you have there.`;
    case 'letBe':
      return `Nothing to do now; revisit ${name} if your goals change.`;
  }
}

/** The next step into a network, by how far in the user already is. */
export function strengthenNetworkNext(network: Network, goalText: string): string {
  const name = network.name;
  switch (network.role) {
    case 'want-to-join':
      return `Join ${name}: go to one open event and introduce yourself to the organiser.`;
    case 'lurker':
      return `Move from reading to taking part in ${name}: ask or answer one question this month.`;
    case 'left':
      return `Consider rejoining ${name}: it serves ${goalText}.`;
    case 'member':
      return `Volunteer for one small task in ${name}; volunteers get to know people fastest.`;
    case 'volunteer':
    case 'committee':
    case 'organiser':
      return `Spend your next hour in ${name} with the people who serve ${goalText}.`;
  }
}

function tiePart(strength: number, capital: boolean): string {
  return `${isStrong(strength) ? (capital ? 'Strong' : 'strong') : capital ? 'Weak' : 'weak'} tie (strength ${strength}/5)`;
}

function importancePart(importance: number, relevance: number, goalStatement: string | null): string {
  const goal = goalStatement ? ` to "${goalStatement}"` : '';
  if (isImportant(importance, relevance)) {
    return relevance > 0 ? `important (importance ${importance}/5, relevance ${relevance}/5${goal})` : `important (importance ${importance}/5)`;
  }
  return relevance > 0
    ? `not important to your goals now (importance ${importance}/5, relevance ${relevance}/5${goal})`
    : `not important to your goals now (importance ${importance}/5, serves no goal)`;
}
