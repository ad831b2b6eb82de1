/**
 * Neglect: contacts past their next contact date, strong ties fading for lack of
 * exchange, and people on the "lost my job" list who have not heard from the user
 * in months. A person may appear under more than one heading; each says why.
 */
import { describeCadence } from '../cadence.js';
import type { CheckIndex, PersonFacts } from './snapshot-index.js';
import { defineDecidedList } from './decided-list.js';
import { firstName, lowerFirst, meetSuggestion, workingOnClause } from './suggest.js';
import { FADING_AFTER_DAYS, LOST_JOB_LIST_AFTER_DAYS, STRONG_MIN_STRENGTH } from './thresholds.js';
import type { Neglect, NeglectItem } from './types.js';

/** "Never" sorts as the longest silence. */
const NEVER = Number.MAX_SAFE_INTEGER;

/** Whether a silence of `days` (null: never) is longer than `limit`. */
export function quietLongerThan(days: number | null, limit: number): boolean {
  return days === null || days > limit;
}

/** The three neglect lists, longest-neglected first (each finding written when read: decided-list.ts). */
export function neglect(index: CheckIndex): Neglect {
  const overdue: PersonFacts[] = [];
  const fading: PersonFacts[] = [];
  const lostJobList: PersonFacts[] = [];
  const daysOverdue = new Float64Array(index.people.length);
  for (const f of index.people) {
    const quiet = f.daysSinceLastExchange;
    const due = f.person.nextContact;
    // ISO dates compare as strings; only the overdue ones pay for day arithmetic.
    if (due !== null && due.date < index.today) {
      const late = index.daysAgo(due.date);
      if (late !== null && late > 0) {
        daysOverdue[f.slot] = late;
        overdue.push(f);
      }
    }
    if (f.strength >= STRONG_MIN_STRENGTH && quietLongerThan(quiet, FADING_AFTER_DAYS)) fading.push(f);
    if (f.person.lostJobList && quietLongerThan(quiet, LOST_JOB_LIST_AFTER_DAYS)) lostJobList.push(f);
  }
  const part = {} as Neglect;
  // Equals by name and id, through the index's name order.
  const rank = index.nameRank;
  const byName = (a: PersonFacts, b: PersonFacts) => (rank[a.slot] as number) - (rank[b.slot] as number);
  const quiet = (f: PersonFacts) => f.daysSinceLastExchange ?? NEVER;
  const longestQuietFirst = (a: PersonFacts, b: PersonFacts) => quiet(b) - quiet(a) || byName(a, b);
  overdue.sort((a, b) => (daysOverdue[b.slot] as number) - (daysOverdue[a.slot] as number) || byName(a, b));
  defineDecidedList(part, 'overdue', overdue, (f) => overdueItem(index, f, daysOverdue[f.slot] as number));
  defineDecidedList(part, 'fading', fading.sort(longestQuietFirst), (f) => fadingItem(f, f.daysSinceLastExchange));
  defineDecidedList(part, 'lostJobList', lostJobList.sort(longestQuietFirst), (f) => lostJobItem(index, f, f.daysSinceLastExchange));
  return part;
}

function overdueItem(index: CheckIndex, f: PersonFacts, daysOverdue: number): NeglectItem {
  const { person } = f;
  const due = person.nextContact;
  const last = f.lastExchangeOn;
  const date = due?.date ?? index.today;
  const text =
    due?.basis === 'manual'
      ? `You planned to contact ${person.name} by ${date}, ${daysOverdue} ${plural(daysOverdue, 'day')} ago.`
      : `You meant to be in touch with ${person.name} ${person.cadence ? describeCadence(person.cadence) : 'regularly'}; ` +
        `${last ? `the last exchange was on ${last}` : 'no exchange is recorded'}, so contact was due on ${date} (${daysOverdue} ${plural(daysOverdue, 'day')} ago).`;
  const dormant = person.stage === 'dormant' ? ' If you have let this tie rest on purpose, clear its cadence.' : '';
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    reason: 'overdue',
    why: {
      text,
      facts: {
        nextContactOn: date,
        basis: due?.basis ?? null,
        daysOverdue,
        cadence: person.cadence,
        lastExchangeOn: last,
        stage: person.stage,
      },
    },
    next: `${meetSuggestion(f)} to catch up${workingOnClause(index)}.${dormant}`,
  };
}

function fadingItem(f: PersonFacts, quiet: number | null): NeglectItem {
  const { person, strength } = f;
  const last = f.lastExchangeOn;
  const text =
    quiet === null
      ? `A strong tie (strength ${strength}/5) with no exchange recorded.`
      : `A strong tie (strength ${strength}/5) with no exchange for ${quiet} days, since ${last}.`;
  const meet = meetSuggestion(f);
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    reason: 'fading',
    why: {
      text,
      facts: { strength, lastExchangeOn: last, daysSinceLastExchange: quiet, fadingAfterDays: FADING_AFTER_DAYS },
    },
    next:
      quiet === null
        ? `If you have been in touch lately, note it in the journal; otherwise ${lowerFirst(meet)} and ask ${firstName(person)} what has changed for them.`
        : `${meet} before the tie cools further; ask ${firstName(person)} what has changed since ${last}.`,
  };
}

function lostJobItem(index: CheckIndex, f: PersonFacts, quiet: number | null): NeglectItem {
  const { person } = f;
  const last = f.lastExchangeOn;
  const text =
    quiet === null
      ? `${person.name} is on your "lost my job" list and you have no exchange with them recorded.`
      : `${person.name} is on your "lost my job" list and has not heard from you for ${quiet} days (since ${last}).`;
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    reason: 'lost-job-list',
    why: {
      text,
      facts: { lostJobList: true, lastExchangeOn: last, daysSinceLastExchange: quiet, lostJobListAfterDays: LOST_JOB_LIST_AFTER_DAYS },
    },
    next: `Build the connection before you need it: ${lowerFirst(meetSuggestion(f))}, with no ask, just to catch up${workingOnClause(index)}.`,
  };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
