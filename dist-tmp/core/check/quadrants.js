/**
 * Strength × importance: every person and network falls in exactly one of four
 * quadrants — maintain, strengthen, over-invested, let be — with the hours a
 * month each quadrant costs.
 */
import { describeCadence } from '../cadence.js';
import { sortByRank } from './sort.js';
import { goalPhrase, firstName, meetSuggestion, workingOnClause } from './suggest.js';
import { hours, lastExchangeOf, maxRelevance, num, topGoalFor, } from './snapshot-index.js';
import { IMPORTANT_MIN_IMPORTANCE, IMPORTANT_MIN_RELEVANCE, STRONG_MIN_STRENGTH, TIME_HEAVY_HOURS, } from './thresholds.js';
export const QUADRANT_NAMES = ['maintain', 'strengthen', 'overInvested', 'letBe'];
/** A tie is strong at strength ≥ STRONG_MIN_STRENGTH. */
export function isStrong(strength) {
    return num(strength) >= STRONG_MIN_STRENGTH;
}
/** Important by overall score or by relevance to a goal in scope. */
export function isImportant(importance, relevance) {
    return num(importance) >= IMPORTANT_MIN_IMPORTANCE || relevance >= IMPORTANT_MIN_RELEVANCE;
}
/** The quadrant for a person: strong × important. */
export function personQuadrant(index, person) {
    const important = isImportant(person.importance, maxRelevance(index, 'person', person.id));
    return quadrantOf(isStrong(person.strength), important, false);
}
/**
 * The quadrant for a network. Unlike a person, a network costs hours: a time-heavy
 * network is over-invested when unimportant even if the tie is weak, and one that
 * serves none of the goals in scope is unimportant whatever its score.
 */
export function networkQuadrant(index, network) {
    return quadrantOf(isStrong(network.strength), networkIsImportant(index, network), hours(network) >= TIME_HEAVY_HOURS);
}
function networkIsImportant(index, network) {
    const relevance = maxRelevance(index, 'network', network.id);
    return isImportant(network.importance, relevance) && !costsHoursForNoGoal(index, network, relevance);
}
function costsHoursForNoGoal(index, network, relevance) {
    // Without any goal there is no yardstick yet, so the importance score decides alone.
    return index.goals.length > 0 && relevance === 0 && hours(network) >= TIME_HEAVY_HOURS;
}
function quadrantOf(strong, important, timeHeavy) {
    if (important)
        return strong ? 'maintain' : 'strengthen';
    return strong || timeHeavy ? 'overInvested' : 'letBe';
}
/** Sorts every person and network into the four quadrants, with totals and hours per quadrant. */
export function quadrants(index) {
    const result = {
        maintain: [],
        strengthen: [],
        overInvested: [],
        letBe: [],
        totals: {
            maintain: emptyTotals(),
            strengthen: emptyTotals(),
            overInvested: emptyTotals(),
            letBe: emptyTotals(),
        },
    };
    const rank = new Map();
    for (const person of index.snapshot.people) {
        const q = personQuadrant(index, person);
        const item = personItem(index, person, q);
        result[q].push(item);
        rank.set(item, [0, Math.max(num(person.importance), maxRelevance(index, 'person', person.id)), num(person.strength)]);
        result.totals[q].items += 1;
        result.totals[q].people += 1;
    }
    for (const network of index.snapshot.networks) {
        const q = networkQuadrant(index, network);
        const item = networkItem(index, network, q);
        result[q].push(item);
        // Over-invested networks are listed by the hours they cost, the biggest saving first.
        const h = hours(network);
        rank.set(item, [q === 'overInvested' ? h : 0, Math.max(num(network.importance), maxRelevance(index, 'network', network.id)), num(network.strength)]);
        result.totals[q].items += 1;
        result.totals[q].networks += 1;
        result.totals[q].hoursPerMonth += h;
    }
    for (const q of QUADRANT_NAMES) {
        result.totals[q].hoursPerMonth = roundHours(result.totals[q].hoursPerMonth);
        result[q] = sortByRank(result[q], (item) => rank.get(item) ?? []);
    }
    return result;
}
/** Hours are typed as decimals; two places keeps 0.1 + 0.2 from printing as 0.30000000000000004. */
export function roundHours(value) {
    return Math.round(value * 100) / 100;
}
function emptyTotals() {
    return { items: 0, people: 0, networks: 0, hoursPerMonth: 0 };
}
function personItem(index, person, quadrant) {
    const relevance = maxRelevance(index, 'person', person.id);
    const goal = topGoalFor(index, 'person', person.id);
    const strength = num(person.strength);
    const importance = num(person.importance);
    const why = {
        text: `${capitalise(tiePart(strength))}; ${importancePart(importance, relevance, goal?.statement ?? null)}.`,
        facts: {
            quadrant,
            strength,
            importance,
            relevance,
            goalId: goal?.id ?? null,
            lastExchangeOn: lastExchangeOf(index, person),
            strongAtStrength: STRONG_MIN_STRENGTH,
            importantAtImportance: IMPORTANT_MIN_IMPORTANCE,
            importantAtRelevance: IMPORTANT_MIN_RELEVANCE,
        },
    };
    return { kind: 'person', id: person.id, name: person.name, quadrant, why, next: personNext(index, person, quadrant) };
}
function personNext(index, person, quadrant) {
    const meet = meetSuggestion(index, person);
    const goal = topGoalFor(index, 'person', person.id);
    switch (quadrant) {
        case 'maintain': {
            const rhythm = person.cadence ? ` ${describeCadence(person.cadence)}` : '';
            const tail = person.cadence ? '' : ' Set a cadence so Waggle reminds you.';
            return `${meet}${rhythm} to keep this tie warm${workingOnClause(index)}.${tail}`;
        }
        case 'strengthen':
            if (num(person.strength) === 0) {
                const shared = index.sharedNetwork.get(person.id);
                return shared
                    ? `Introduce yourself to ${person.name} at the next ${shared.name} meeting, or ask someone you both know there for an introduction.`
                    : `Ask someone you both know for an introduction to ${person.name}, or write a short note saying why you would like to meet.`;
            }
            return `${meet} and ask how they would approach ${goalPhrase(goal ?? index.goals[0] ?? null)}.`;
        case 'overInvested':
            return `Enjoy the tie without planning more time for it; ask ${firstName(person)} whom they know who could help with ${goalPhrase(index.goals[0] ?? null)}.`;
        case 'letBe':
            return `Nothing to do now; revisit ${firstName(person)} if your goals change.`;
    }
}
function networkItem(index, network, quadrant) {
    const relevance = maxRelevance(index, 'network', network.id);
    const goal = topGoalFor(index, 'network', network.id);
    const strength = num(network.strength);
    const importance = num(network.importance);
    const h = hours(network);
    const importanceText = costsHoursForNoGoal(index, network, relevance)
        ? `${h} hours a month but it serves none of your goals (importance ${importance}/5)`
        : importancePart(importance, relevance, goal?.statement ?? null);
    const why = {
        text: `${capitalise(tiePart(strength))}, ${h} hours a month as ${network.role}; ${importanceText}.`,
        facts: {
            quadrant,
            strength,
            importance,
            relevance,
            hoursPerMonth: h,
            role: network.role,
            goalId: goal?.id ?? null,
            strongAtStrength: STRONG_MIN_STRENGTH,
            importantAtImportance: IMPORTANT_MIN_IMPORTANCE,
            importantAtRelevance: IMPORTANT_MIN_RELEVANCE,
            timeHeavyAtHours: TIME_HEAVY_HOURS,
        },
    };
    return { kind: 'network', id: network.id, name: network.name, quadrant, why, next: networkNext(index, network, quadrant) };
}
function networkNext(index, network, quadrant) {
    const goal = topGoalFor(index, 'network', network.id) ?? index.goals[0] ?? null;
    const name = network.name;
    switch (quadrant) {
        case 'maintain':
            return network.role === 'organiser' || network.role === 'committee'
                ? `Keep your hours in ${name} on what serves ${goalPhrase(goal)}, and bring one member closer this month.`
                : `Keep showing up at ${name}: go to the next meeting and talk to one person you do not know yet.`;
        case 'strengthen':
            return strengthenNetworkNext(network, goal === null ? 'where you are heading' : goalPhrase(goal));
        case 'overInvested': {
            const h = hours(network);
            return h > 0
                ? `Trim the ${h} hours a month in ${name} (skip every other meeting, or hand on a role) and give the time to a network that serves ${goalPhrase(index.goals[0] ?? null)}.`
                : `No need to plan more time for ${name}; keep the friendships you have there.`;
        }
        case 'letBe':
            return `Nothing to do now; revisit ${name} if your goals change.`;
    }
}
/** The next step into a network, by how far in the user already is. */
export function strengthenNetworkNext(network, goalText) {
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
function tiePart(strength) {
    return `${isStrong(strength) ? 'strong' : 'weak'} tie (strength ${strength}/5)`;
}
function importancePart(importance, relevance, goalStatement) {
    const goal = goalStatement ? ` to "${goalStatement}"` : '';
    if (isImportant(importance, relevance)) {
        return relevance > 0
            ? `important (importance ${importance}/5, relevance ${relevance}/5${goal})`
            : `important (importance ${importance}/5)`;
    }
    return relevance > 0
        ? `not important to your goals now (importance ${importance}/5, relevance ${relevance}/5${goal})`
        : `not important to your goals now (importance ${importance}/5, serves no goal)`;
}
export function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
//# sourceMappingURL=quadrants.js.map