/**
 * Start here: the people you already know and like who can also help — the
 * easiest place to start. Ordered by importance, then ease: a stronger tie and a
 * more recent exchange make the first step smaller.
 *
 * Dormant ties are left out: the user marked them as gone quiet, and reviving one
 * is not the easy first step this list promises (neglect and the strengthen
 * quadrant still show them). With a focused goal, only people linked to it count,
 * most relevant first.
 */
import type { Person } from '../model.js';
import { relevanceTo, type CheckIndex, type PersonFacts } from './snapshot-index.js';
import { defineDecidedList } from './decided-list.js';
import { sortFactsByRank } from './sort.js';
import { goalPhrase, lowerFirst, meetSuggestion, workingOnClause } from './suggest.js';
import type { Finding, StartHere } from './types.js';

/** Whether a person may appear in "start here" at all (before any focus). */
export function isStartHereCandidate(person: Person): boolean {
  return person.knowAndLike && person.canHelp && person.stage !== 'dormant';
}

/** The start-here list, most important and easiest first. */
export function startHere(index: CheckIndex): StartHere {
  const focus = index.focusGoal;
  const candidates = index.people.filter((f) => isStartHereCandidate(f.person) && (focus === null || relevanceTo(f, focus.id) > 0));
  const ranked = sortFactsByRank(
    candidates,
    5,
    (f, row, at) => {
      row[at] = focus ? relevanceTo(f, focus.id) : 0;
      row[at + 1] = f.importance;
      row[at + 2] = f.relevance;
      row[at + 3] = f.strength;
      // More recent is easier; never is hardest. Negated so that "higher first" works.
      row[at + 4] = f.daysSinceLastExchange === null ? -Number.MAX_SAFE_INTEGER : -Math.max(0, f.daysSinceLastExchange);
    },
    index.nameRank,
  );
  // Each finding is written when read (decided-list.ts).
  const part = defineDecidedList({} as StartHere, 'items', ranked, (f) => item(index, f));
  part.message = ranked.length === 0 ? emptyMessage(index) : null;
  return part;
}

function item(index: CheckIndex, f: PersonFacts): Finding {
  const { person } = f;
  const how = person.canHelpHow?.trim() || null;
  const goal = index.focusGoal ?? f.topGoal ?? index.neediestGoal;
  const lastText = f.lastExchangeOn === null ? 'no exchange recorded yet' : `last exchange ${f.lastExchangeOn}`;
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    why: {
      text:
        `You know and like ${person.name} and they can help${how ? ` (${how})` : ''}; ` +
        `importance ${f.importance}/5, strength ${f.strength}/5, ${lastText}.`,
      facts: {
        knowAndLike: true,
        canHelp: true,
        canHelpHow: how,
        importance: f.importance,
        relevance: f.relevance,
        strength: f.strength,
        stage: person.stage,
        lastExchangeOn: f.lastExchangeOn,
        daysSinceLastExchange: f.daysSinceLastExchange,
      },
    },
    next: `${meetSuggestion(f)}: tell them about ${goalPhrase(goal)} and ask ${how ? `for their help (you noted: ${lowerFirst(how).replace(/[.!]+$/, '')})` : 'how they would go about it'}${workingOnClause(index)}.`,
  };
}

function emptyMessage(index: CheckIndex): string {
  const both = index.snapshot.people.filter((p) => p.knowAndLike && p.canHelp);
  if (both.length === 0) {
    return 'Mark the people you know and like, and the people who can help you: the easiest place to start is where the two lists meet.';
  }
  if (both.every((p) => p.stage === 'dormant')) {
    return `The ${both.length} people you know and like who can help are all dormant; pick one and send a short "thinking of you" note to wake the tie.`;
  }
  return `None of the people you know and like who can help is linked to ${goalPhrase(index.focusGoal)} yet; link the ones who could help with it.`;
}
