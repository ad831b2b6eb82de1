/**
 * Weak ties worth strengthening: weak (strength ≤ 2) or online-only ties to people
 * who matter to a goal. Weak ties bring news from outside one's own circle; the
 * ones that matter are worth turning into a real conversation.
 */
import { relevanceTo, type CheckIndex, type PersonFacts } from './snapshot-index.js';
import { defineDecidedList } from './decided-list.js';
import { sortFactsByRank } from './sort.js';
import { goalPhrase, meetSuggestion } from './suggest.js';
import { WEAK_MAX_STRENGTH, WEAK_TIE_MIN_IMPORTANCE, WEAK_TIE_MIN_RELEVANCE } from './thresholds.js';
import type { Finding, WeakTies } from './types.js';

/** Online-only: every recorded exchange was by email, social media or video, or the person is a social-media contact. */
export function isOnlineOnly(f: PersonFacts): boolean {
  return f.person.category === 'social-media' || f.onlineOnly;
}

/** Whether a person matters enough: relevance to the focused goal, or without focus any goal or overall importance. */
function matters(index: CheckIndex, f: PersonFacts): boolean {
  if (index.focusGoal) return relevanceTo(f, index.focusGoal.id) >= WEAK_TIE_MIN_RELEVANCE;
  return f.relevance >= WEAK_TIE_MIN_RELEVANCE || f.importance >= WEAK_TIE_MIN_IMPORTANCE;
}

/** Weak or online-only ties that matter, the most relevant and easiest first. */
export function weakTies(index: CheckIndex): WeakTies {
  const chosen = index.people.filter((f) => (f.strength <= WEAK_MAX_STRENGTH || isOnlineOnly(f)) && matters(index, f));
  const focusId = index.focusGoal?.id ?? null;
  const ranked = sortFactsByRank(
    chosen,
    3,
    (f, row, at) => {
      row[at] = focusId ? relevanceTo(f, focusId) : f.relevance;
      row[at + 1] = f.importance;
      row[at + 2] = f.strength;
    },
    index.nameRank,
  );
  // Each finding is written when read (decided-list.ts).
  const part = defineDecidedList({} as WeakTies, 'items', ranked, (f) => item(index, f));
  part.message = ranked.length > 0 ? null : emptyMessage(index);
  return part;
}

function item(index: CheckIndex, f: PersonFacts): Finding {
  const { person, strength, importance } = f;
  const goal = index.focusGoal ?? f.topGoal;
  const relevance = goal ? relevanceTo(f, goal.id) : 0;
  const online = isOnlineOnly(f);
  const tie = strength <= WEAK_MAX_STRENGTH ? `A weak tie (strength ${strength}/5)` : `A tie of strength ${strength}/5`;
  const onlineText = !online
    ? ''
    : f.exchanges === 0
      ? ', known through social media'
      : `, known only online (${f.exchanges} ${f.exchanges === 1 ? 'exchange' : 'exchanges'}${f.onlineOnly ? ', all by email, social media or video' : ''})`;
  const mattersText = relevance >= WEAK_TIE_MIN_RELEVANCE && goal ? `relevance ${relevance}/5 to "${goal.statement}"` : `importance ${importance}/5`;
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    why: {
      text: `${tie}${onlineText}, who matters: ${mattersText}.`,
      facts: {
        strength,
        importance,
        relevance,
        goalId: goal?.id ?? null,
        onlineOnly: online,
        exchanges: f.exchanges,
        category: person.category,
        lastExchangeOn: f.lastExchangeOn,
        weakAtMostStrength: WEAK_MAX_STRENGTH,
      },
    },
    next: next(f, online, goalPhrase(goal ?? index.neediestGoal)),
  };
}

function next(f: PersonFacts, online: boolean, goalText: string): string {
  if (f.strength === 0) return `Ask someone you both know for an introduction to ${f.person.name}, mentioning ${goalText}.`;
  if (online) {
    return f.sharedNetwork
      ? `Move from online to a conversation: suggest meeting at the next ${f.sharedNetwork.name} meeting, or a 20-minute video call about ${goalText}.`
      : `Move from online to a conversation: propose a 20-minute video call (or a coffee if you are nearby) about ${goalText}.`;
  }
  return `${meetSuggestion(f)} and ask how they would approach ${goalText}.`;
}

function emptyMessage(index: CheckIndex): string {
  if (index.goals.length === 0 && !index.people.some((f) => f.importance >= WEAK_TIE_MIN_IMPORTANCE)) {
    return 'Add a goal and link the people who matter to it; weak ties worth strengthening will show here.';
  }
  return 'No weak or online-only tie matters to your goals right now.';
}
