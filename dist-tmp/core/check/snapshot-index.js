/**
 * Indexes built once per check, so that every part is a single pass over its
 * items (the check must stay well under 100 ms on 5,000 people and 50,000
 * exchanges). Nothing here judges; it only counts and looks up.
 */
import { toDayNumber } from '../dates.js';
/** Channels that never put two people in the same room or on the same call. */
export const ONLINE_CHANNELS = new Set(['email', 'social-media', 'video']);
/** Roles that mean the user is not (or no longer) taking part in a network. */
const INACTIVE_ROLES = new Set(['want-to-join', 'left']);
/** A finite number, or 0: scores typed by hand or imported must never turn into NaN downstream. */
export function num(value) {
    return Number.isFinite(value) ? value : 0;
}
/** Hours a month, never negative. */
export function hours(network) {
    return Math.max(0, num(network.hoursPerMonth));
}
export function itemKey(kind, id) {
    return `${kind}:${id}`;
}
/** How organisation names are compared: case and spacing do not make a different employer. */
export function normaliseOrganisation(name) {
    return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
/** Whole days from `date` to `today`, or null when there is no date (or it cannot be read). */
export function daysSince(date, today) {
    if (date === null)
        return null;
    const days = toDayNumber(today) - toDayNumber(date);
    return Number.isFinite(days) ? days : null;
}
/** Builds the lookups every part of the check shares. */
export function buildIndex(snapshot, goalId) {
    const goalById = new Map(snapshot.goals.map((g) => [g.id, g]));
    const focusGoal = goalId === null ? null : (goalById.get(goalId) ?? null);
    // An unknown focus falls back to the whole map; the goal parts say so.
    const goals = focusGoal ? [focusGoal] : snapshot.goals.filter((g) => g.status === 'active');
    const inScope = new Set(goals.map((g) => g.id));
    const personById = new Map(snapshot.people.map((p) => [p.id, p]));
    const networkById = new Map(snapshot.networks.map((n) => [n.id, n]));
    const relevance = new Map();
    for (const link of snapshot.goalLinks) {
        if (!inScope.has(link.goalId))
            continue;
        const exists = link.kind === 'person' ? personById.has(link.targetId) : networkById.has(link.targetId);
        if (!exists)
            continue;
        const key = itemKey(link.kind, link.targetId);
        let byGoal = relevance.get(key);
        if (!byGoal)
            relevance.set(key, (byGoal = new Map()));
        byGoal.set(link.goalId, Math.max(byGoal.get(link.goalId) ?? 0, num(link.relevance)));
    }
    const linksByGoal = new Map(goals.map((g) => [g.id, []]));
    for (const [key, byGoal] of relevance) {
        const colon = key.indexOf(':');
        const kind = key.slice(0, colon);
        const id = key.slice(colon + 1);
        for (const [gId, r] of byGoal)
            linksByGoal.get(gId)?.push({ kind, id, relevance: r });
    }
    const membershipsByPerson = new Map();
    const sharedNetwork = new Map();
    for (const m of snapshot.memberships) {
        if (!personById.has(m.personId))
            continue;
        const list = membershipsByPerson.get(m.personId);
        if (list)
            list.push(m);
        else
            membershipsByPerson.set(m.personId, [m]);
        const network = networkById.get(m.networkId);
        if (!network || INACTIVE_ROLES.has(network.role) || m.role === 'left')
            continue;
        const best = sharedNetwork.get(m.personId);
        if (!best || num(network.importance) > num(best.importance))
            sharedNetwork.set(m.personId, network);
    }
    return {
        snapshot,
        today: snapshot.today,
        requestedGoalId: goalId,
        focusGoal,
        goals,
        goalById,
        personById,
        networkById,
        relevance,
        linksByGoal,
        membershipsByPerson,
        personStats: buildPersonStats(snapshot, personById),
        sharedNetwork,
        ownOrganisations: ownOrganisations(snapshot),
    };
}
function buildPersonStats(snapshot, personById) {
    const stats = new Map();
    for (const exchange of snapshot.exchanges) {
        const online = ONLINE_CHANNELS.has(exchange.channel);
        // Someone listed twice in one exchange still had one exchange.
        const seen = exchange.personIds.length > 1 ? new Set(exchange.personIds) : exchange.personIds;
        for (const personId of seen) {
            if (!personById.has(personId))
                continue;
            let s = stats.get(personId);
            if (!s)
                stats.set(personId, (s = { exchanges: 0, gave: 0, received: 0, lastExchangeOn: null, onlineOnly: true }));
            s.exchanges += 1;
            // Everyone in a group exchange shares in what flowed: a group lunch where I gave
            // feedback counts as giving to each person at the table.
            s.gave += exchange.gave.length;
            s.received += exchange.received.length;
            if (s.lastExchangeOn === null || exchange.occurredOn > s.lastExchangeOn)
                s.lastExchangeOn = exchange.occurredOn;
            if (!online)
                s.onlineOnly = false;
        }
    }
    return stats;
}
/**
 * The user's own organisation(s): the names of employer networks the user has not
 * left, plus the most common organisation among department colleagues (the
 * checklist's "people in my own department"), since many users never add their
 * employer as a network. Ties between equally common organisations keep them all.
 */
export function ownOrganisations(snapshot) {
    const own = new Set();
    for (const network of snapshot.networks) {
        if (network.kind === 'employer' && network.role !== 'left' && network.name.trim() !== '') {
            own.add(normaliseOrganisation(network.name));
        }
    }
    const counts = new Map();
    for (const person of snapshot.people) {
        if (person.category !== 'department-colleague' || !person.organisation)
            continue;
        const org = normaliseOrganisation(person.organisation);
        if (org !== '')
            counts.set(org, (counts.get(org) ?? 0) + 1);
    }
    let top = 0;
    for (const count of counts.values())
        top = Math.max(top, count);
    for (const [org, count] of counts)
        if (count === top)
            own.add(org);
    return own;
}
/** The last exchange with a person: the derived field or the journal, whichever is later. */
export function lastExchangeOf(index, person) {
    const fromJournal = index.personStats.get(person.id)?.lastExchangeOn ?? null;
    const derived = person.lastExchangeOn;
    if (derived === null)
        return fromJournal;
    if (fromJournal === null)
        return derived;
    return derived > fromJournal ? derived : fromJournal;
}
/** The best relevance of an item to the goals in scope (0 when it serves none). */
export function maxRelevance(index, kind, id) {
    const byGoal = index.relevance.get(itemKey(kind, id));
    if (!byGoal)
        return 0;
    let best = 0;
    for (const r of byGoal.values())
        if (r > best)
            best = r;
    return best;
}
/** The relevance of an item to one goal (0 when not linked). */
export function relevanceTo(index, kind, id, goalId) {
    return index.relevance.get(itemKey(kind, id))?.get(goalId) ?? 0;
}
/** The in-scope goals an item serves, most relevant first (ties by goal order). */
export function goalIdsFor(index, kind, id) {
    const byGoal = index.relevance.get(itemKey(kind, id));
    if (!byGoal)
        return [];
    return [...byGoal.entries()].sort((a, b) => b[1] - a[1]).map(([goalId]) => goalId);
}
/** The in-scope goal an item serves most, if any. */
export function topGoalFor(index, kind, id) {
    const byGoal = index.relevance.get(itemKey(kind, id));
    if (!byGoal)
        return null;
    let bestId = null;
    let best = -1;
    for (const [goalId, r] of byGoal)
        if (r > best)
            [bestId, best] = [goalId, r];
    return bestId === null ? null : (index.goalById.get(bestId) ?? null);
}
//# sourceMappingURL=snapshot-index.js.map