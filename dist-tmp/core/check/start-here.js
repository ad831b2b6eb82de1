import { daysSince, lastExchangeOf, maxRelevance, num, relevanceTo, topGoalFor } from './snapshot-index.js';
import { sortByRank } from './sort.js';
import { goalPhrase, meetSuggestion, workingOnClause } from './suggest.js';
/** Whether a person may appear in "start here" at all (before any focus). */
export function isStartHereCandidate(person) {
    return person.knowAndLike && person.canHelp && person.stage !== 'dormant';
}
/** The start-here list, most important and easiest first. */
export function startHere(index) {
    const focus = index.focusGoal;
    const candidates = index.snapshot.people.filter((p) => isStartHereCandidate(p) && (focus === null || relevanceTo(index, 'person', p.id, focus.id) > 0));
    const ranked = sortByRank(candidates, (p) => {
        const days = daysSince(lastExchangeOf(index, p), index.today);
        return [
            focus ? relevanceTo(index, 'person', p.id, focus.id) : 0,
            num(p.importance),
            maxRelevance(index, 'person', p.id),
            num(p.strength),
            // More recent is easier; never is hardest. Negated so that "higher first" works.
            days === null ? -Number.MAX_SAFE_INTEGER : -Math.max(0, days),
        ];
    });
    return { items: ranked.map((p) => item(index, p)), message: ranked.length === 0 ? emptyMessage(index) : null };
}
function item(index, person) {
    const last = lastExchangeOf(index, person);
    const days = daysSince(last, index.today);
    const how = person.canHelpHow?.trim() || null;
    const goal = index.focusGoal ?? topGoalFor(index, 'person', person.id) ?? index.goals[0] ?? null;
    const lastText = last === null ? 'no exchange recorded yet' : `last exchange ${last}`;
    return {
        kind: 'person',
        id: person.id,
        name: person.name,
        why: {
            text: `You know and like ${person.name} and they can help${how ? ` (${how})` : ''}; ` +
                `importance ${num(person.importance)}/5, strength ${num(person.strength)}/5, ${lastText}.`,
            facts: {
                knowAndLike: true,
                canHelp: true,
                canHelpHow: how,
                importance: num(person.importance),
                relevance: maxRelevance(index, 'person', person.id),
                strength: num(person.strength),
                stage: person.stage,
                lastExchangeOn: last,
                daysSinceLastExchange: days,
            },
        },
        next: `${meetSuggestion(index, person)}: tell them about ${goalPhrase(goal)} and ask ${how ? `for help with ${how}` : 'how they would go about it'}${workingOnClause(index)}.`,
    };
}
function emptyMessage(index) {
    const both = index.snapshot.people.filter((p) => p.knowAndLike && p.canHelp);
    if (both.length === 0) {
        return 'Mark the people you know and like, and the people who can help you: the easiest place to start is where the two lists meet.';
    }
    if (both.every((p) => p.stage === 'dormant')) {
        return `The ${both.length} people you know and like who can help are all dormant; pick one and send a short "thinking of you" note to wake the tie.`;
    }
    return `None of the people you know and like who can help is linked to ${goalPhrase(index.focusGoal)} yet; link the ones who could help with it.`;
}
//# sourceMappingURL=start-here.js.map