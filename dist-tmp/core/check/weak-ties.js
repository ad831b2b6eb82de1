import { lastExchangeOf, maxRelevance, num, relevanceTo, topGoalFor } from './snapshot-index.js';
import { sortByRank } from './sort.js';
import { goalPhrase, meetSuggestion } from './suggest.js';
import { WEAK_MAX_STRENGTH, WEAK_TIE_MIN_IMPORTANCE, WEAK_TIE_MIN_RELEVANCE } from './thresholds.js';
/** Online-only: every recorded exchange was by email, social media or video, or the person is a social-media contact. */
export function isOnlineOnly(index, person) {
    return person.category === 'social-media' || (index.personStats.get(person.id)?.onlineOnly ?? false);
}
/** Whether a person matters enough to a goal (or, without focus, overall) to be worth strengthening. */
function matters(index, person) {
    if (index.focusGoal)
        return relevanceTo(index, 'person', person.id, index.focusGoal.id) >= WEAK_TIE_MIN_RELEVANCE;
    return maxRelevance(index, 'person', person.id) >= WEAK_TIE_MIN_RELEVANCE || num(person.importance) >= WEAK_TIE_MIN_IMPORTANCE;
}
/** Weak or online-only ties that matter, the most relevant and easiest first. */
export function weakTies(index) {
    const chosen = index.snapshot.people.filter((p) => (num(p.strength) <= WEAK_MAX_STRENGTH || isOnlineOnly(index, p)) && matters(index, p));
    const focusId = index.focusGoal?.id ?? null;
    const ranked = sortByRank(chosen, (p) => [
        focusId ? relevanceTo(index, 'person', p.id, focusId) : maxRelevance(index, 'person', p.id),
        num(p.importance),
        num(p.strength),
    ]);
    return {
        items: ranked.map((p) => item(index, p)),
        message: ranked.length > 0 ? null : emptyMessage(index),
    };
}
function item(index, person) {
    const strength = num(person.strength);
    const importance = num(person.importance);
    const goal = index.focusGoal ?? topGoalFor(index, 'person', person.id);
    const relevance = goal ? relevanceTo(index, 'person', person.id, goal.id) : 0;
    const online = isOnlineOnly(index, person);
    const exchanges = index.personStats.get(person.id)?.exchanges ?? 0;
    const tie = strength <= WEAK_MAX_STRENGTH ? `A weak tie (strength ${strength}/5)` : `A tie of strength ${strength}/5`;
    const onlineText = online
        ? person.category === 'social-media' && exchanges === 0
            ? ', known through social media'
            : `, known only online (${exchanges} ${exchanges === 1 ? 'exchange' : 'exchanges'}, all by email, social media or video)`
        : '';
    const mattersText = relevance >= WEAK_TIE_MIN_RELEVANCE && goal
        ? `relevance ${relevance}/5 to "${goal.statement}"`
        : `importance ${importance}/5`;
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
                exchanges,
                category: person.category,
                lastExchangeOn: lastExchangeOf(index, person),
                weakAtMostStrength: WEAK_MAX_STRENGTH,
            },
        },
        next: next(index, person, online, goalPhrase(goal ?? index.goals[0] ?? null)),
    };
}
function next(index, person, online, goalText) {
    if (num(person.strength) === 0) {
        return `Ask someone you both know for an introduction to ${person.name}, mentioning ${goalText}.`;
    }
    if (online) {
        const shared = index.sharedNetwork.get(person.id);
        return shared
            ? `Move from online to a conversation: suggest meeting at the next ${shared.name} meeting, or a 20-minute video call about ${goalText}.`
            : `Move from online to a conversation: propose a 20-minute video call (or a coffee if you are nearby) about ${goalText}.`;
    }
    return `${meetSuggestion(index, person)} and ask how they would approach ${goalText}.`;
}
function emptyMessage(index) {
    if (index.goals.length === 0 && !index.snapshot.people.some((p) => num(p.importance) >= WEAK_TIE_MIN_IMPORTANCE)) {
        return 'Add a goal and link the people who matter to it; weak ties worth strengthening will show here.';
    }
    return 'No weak or online-only tie matters to your goals right now.';
}
//# sourceMappingURL=weak-ties.js.map