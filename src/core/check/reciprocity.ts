/**
 * Reciprocity: what was given and received, per person and overall. A tie is only
 * a network tie if the exchange goes both ways, so ties where everything flows one
 * way are flagged — but only after ONE_WAY_MIN_EXCHANGES exchanges, because two
 * coffees are too few to call a pattern.
 */
import { firstName, goalPhrase } from './suggest.js';
import type { CheckIndex, PersonFacts } from './snapshot-index.js';
import { defineDecidedList } from './decided-list.js';
import { ONE_WAY_MIN_EXCHANGES, OVERALL_IMBALANCE_RATIO, OVERALL_MIN_ITEMS } from './thresholds.js';
import type { OneWay, OneWayTie, OverallDirection, PersonBalance, Reciprocity } from './types.js';

/** One-way direction of a person's exchanges, or null when balanced enough or too few to tell. */
export function oneWayDirection(exchanges: number, gave: number, received: number): OneWay | null {
  if (exchanges < ONE_WAY_MIN_EXCHANGES) return null;
  if (received > 0 && gave === 0) return 'taking';
  if (gave > 0 && received === 0) return 'giving';
  return null;
}

/** The overall direction: "mostly" when one side is at least OVERALL_IMBALANCE_RATIO times the other. */
export function overallDirection(exchanges: number, gave: number, received: number): OverallDirection {
  if (exchanges === 0) return 'no-exchanges';
  if (gave + received < OVERALL_MIN_ITEMS) return 'balanced';
  if (gave >= OVERALL_IMBALANCE_RATIO * received) return 'mostly-giving';
  if (received >= OVERALL_IMBALANCE_RATIO * gave) return 'mostly-taking';
  return 'balanced';
}

/** Give and take per person and overall, with one-way ties flagged (each person's lines written when read: decided-list.ts). */
export function reciprocity(index: CheckIndex): Reciprocity {
  // Everyone with an exchange, by slot, their sort keys in typed arrays: tens of thousands of people.
  const slots: number[] = [];
  const flagged: PersonFacts[] = [];
  const imbalance = new Float64Array(index.people.length);
  const exchangeCount = new Float64Array(index.people.length);
  for (const f of index.people) {
    if (f.exchanges === 0) continue;
    slots.push(f.slot);
    imbalance[f.slot] = Math.abs(f.gave - f.received);
    exchangeCount[f.slot] = f.exchanges;
    if (oneWayDirection(f.exchanges, f.gave, f.received)) flagged.push(f);
  }
  // Equals by name and id, through the index's name order.
  const rank = index.nameRank;
  const byName = (a: PersonFacts, b: PersonFacts) => (rank[a.slot] as number) - (rank[b.slot] as number);
  slots.sort(
    (a, b) =>
      (imbalance[b] as number) - (imbalance[a] as number) || (exchangeCount[b] as number) - (exchangeCount[a] as number) || (rank[a] as number) - (rank[b] as number),
  );
  const people = slots.map((slot) => index.people[slot] as PersonFacts);
  // The longest one-way patterns first: they say the most about the tie.
  flagged.sort((a, b) => b.exchanges - a.exchanges || byName(a, b));

  const { exchanges, gave, received } = index.journal;
  const direction = overallDirection(exchanges, gave, received);
  const part = {} as Reciprocity;
  part.overall = {
      exchanges,
      gave,
      received,
      balance: gave - received,
      direction,
      why: {
        text: overallText(direction, exchanges, gave, received),
        facts: { exchanges, gave, received, imbalanceRatio: OVERALL_IMBALANCE_RATIO, minimumItems: OVERALL_MIN_ITEMS },
      },
    next: overallNext(direction),
  };
  defineDecidedList(part, 'people', people, balanceOf);
  defineDecidedList(part, 'oneWay', flagged, (f) => oneWayItem(index, f, balanceOf(f), oneWayDirection(f.exchanges, f.gave, f.received) as OneWay));
  return part;
}

function balanceOf(f: PersonFacts): PersonBalance {
  const { person } = f;
  return { kind: 'person', id: person.id, name: person.name, exchanges: f.exchanges, gave: f.gave, received: f.received, balance: f.gave - f.received, lastExchangeOn: f.lastExchangeOn };
}

function oneWayItem(index: CheckIndex, f: PersonFacts, b: PersonBalance, direction: OneWay): OneWayTie {
  const { person } = f;
  const name = firstName(person);
  const text =
    direction === 'taking'
      ? `In ${b.exchanges} exchanges you received ${b.received} and gave nothing back that you recorded.`
      : `In ${b.exchanges} exchanges you gave ${b.gave} and received nothing that you recorded.`;
  const goal = f.topGoal ?? index.neediestGoal;
  const next =
    direction === 'taking'
      ? `Offer ${name} something back: a useful article, an introduction, or feedback on what they are working on.`
      : `Ask ${name} for something small — their view on ${goalPhrase(goal)} — a tie grows when help flows both ways.`;
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    direction,
    why: {
      text,
      facts: { exchanges: b.exchanges, gave: b.gave, received: b.received, lastExchangeOn: b.lastExchangeOn, flaggedAfterExchanges: ONE_WAY_MIN_EXCHANGES },
    },
    next,
  };
}

function overallText(direction: OverallDirection, exchanges: number, gave: number, received: number): string {
  switch (direction) {
    case 'no-exchanges':
      return 'No exchanges recorded yet.';
    case 'balanced':
      return `Across ${exchanges} exchanges you gave ${gave} and received ${received}: a fair balance.`;
    case 'mostly-giving':
      return `Across ${exchanges} exchanges you gave ${gave} and received ${received}: you give much more than you ask.`;
    case 'mostly-taking':
      return `Across ${exchanges} exchanges you gave ${gave} and received ${received}: you receive much more than you give.`;
  }
}

function overallNext(direction: OverallDirection): string {
  switch (direction) {
    case 'no-exchanges':
      return 'After your next conversation, note what you gave, what you received and what you learned.';
    case 'balanced':
      return 'Keep noting what you give as well as what you get.';
    case 'mostly-giving':
      return 'Let people help you too: ask one person this month for advice on something you are working on.';
    case 'mostly-taking':
      return 'Look for one way to give back this month: share a resource, make an introduction, or offer feedback.';
  }
}
