import { roundHours, strengthenNetworkNext } from './quadrants.js';
import { hours, num, relevanceTo } from './snapshot-index.js';
import { sortByRank } from './sort.js';
import { goalPhrase } from './suggest.js';
import { STRONG_MIN_STRENGTH, TIME_HEAVY_HOURS, TRANSITION_MIN_RELEVANCE } from './thresholds.js';
/** Roles that mean the user is not really inside the network yet (or any more). */
const OUTSIDE_ROLES = new Set(['want-to-join', 'lurker', 'left']);
/** Whether a goal is a transition: it names where the user comes from or goes to. */
export function isTransition(goal) {
    return Boolean(goal.transitionFrom?.trim() || goal.transitionTo?.trim());
}
/** What to do with one network for one transition goal, or null when it does not concern the move. */
export function transitionAction(network, relevance) {
    if (relevance >= TRANSITION_MIN_RELEVANCE) {
        return OUTSIDE_ROLES.has(network.role) || num(network.strength) < STRONG_MIN_STRENGTH ? 'build' : 'keep';
    }
    return hours(network) >= TIME_HEAVY_HOURS ? 'reduce' : null;
}
/** Keep / reduce / build plans for every transition goal in scope. */
export function transition(index) {
    if (index.requestedGoalId !== null && index.focusGoal === null) {
        return { status: 'goal-not-found', message: `There is no goal with the id "${index.requestedGoalId}".`, items: [] };
    }
    if (index.goals.length === 0) {
        return { status: 'no-goals', message: 'Add a goal first; a goal that moves you from one role to another gets a transition plan here.', items: [] };
    }
    const goals = index.goals.filter(isTransition);
    if (goals.length === 0) {
        return {
            status: 'no-transition-goals',
            message: (index.focusGoal ? 'This goal is not a transition. ' : 'None of your goals is a transition. ') +
                'If you are moving from one role to another (say, clinician to researcher), add where from and where to, and the check will say which networks to keep, reduce and build.',
            items: [],
        };
    }
    return { status: 'ok', message: null, items: goals.map((goal) => planFor(index, goal)) };
}
function planFor(index, goal) {
    const from = goal.transitionFrom?.trim() || null;
    const to = goal.transitionTo?.trim() || null;
    const buckets = { keep: [], reduce: [], build: [] };
    const totals = { keep: 0, reduce: 0, build: 0 };
    const rank = new Map();
    let hasProfessionalBody = false;
    for (const network of index.snapshot.networks) {
        const relevance = relevanceTo(index, 'network', network.id, goal.id);
        const action = transitionAction(network, relevance);
        if (action === null)
            continue;
        const item = itemFor(network, action, relevance, goal, from, to);
        buckets[action].push(item);
        totals[action] += hours(network);
        rank.set(item, action === 'reduce' ? [hours(network), -relevance] : [relevance, num(network.strength)]);
        if (action !== 'reduce' && network.kind === 'professional-body')
            hasProfessionalBody = true;
    }
    const sorted = (items) => sortByRank(items, (item) => rank.get(item) ?? []);
    const toText = to ?? goal.statement;
    const gaps = [];
    if (buckets.keep.length + buckets.build.length === 0) {
        gaps.push({
            code: 'nothing-toward',
            why: { text: `No network in your map serves the move to ${toText} (relevance ≥ ${TRANSITION_MIN_RELEVANCE}).`, facts: { keep: 0, build: 0 } },
            next: `Find where people who already work as ${toText} meet — a professional body, an interest group, an online community — and go once as a guest.`,
        });
    }
    if (!hasProfessionalBody) {
        gaps.push({
            code: 'no-professional-body',
            why: { text: `No professional body serves the move to ${toText}.`, facts: { professionalBodies: 0 } },
            next: `Look up the professional body for ${toText}; many have student, associate or early-career membership.`,
        });
    }
    return {
        goalId: goal.id,
        statement: goal.statement,
        from,
        to,
        keep: sorted(buckets.keep),
        reduce: sorted(buckets.reduce),
        build: sorted(buckets.build),
        hoursPerMonth: { keep: roundHours(totals.keep), reduce: roundHours(totals.reduce), build: roundHours(totals.build) },
        gaps,
    };
}
function itemFor(network, action, relevance, goal, from, to) {
    const strength = num(network.strength);
    const h = hours(network);
    const move = to ? `the move to ${to}` : goalPhrase(goal);
    let text;
    let next;
    switch (action) {
        case 'keep':
            text = `Serves ${move} (relevance ${relevance}/5) and the tie is strong (strength ${strength}/5, ${network.role}).`;
            next = `Keep going to ${network.name}, and tell people there you are moving ${from ? `from ${from} ` : ''}${to ? `to ${to}` : 'on'}: they may know whom you should meet.`;
            break;
        case 'reduce':
            text = `${h} hours a month with ${relevance === 0 ? 'no' : `little (${relevance}/5)`} relevance to ${move}.`;
            next = `Step back from ${network.name} gradually: halve the hours, hand on any role, and stay in touch with the two or three people you value there.`;
            break;
        case 'build':
            text = `Serves ${move} (relevance ${relevance}/5), but ${buildReason(network)}.`;
            next = strengthenNetworkNext(network, move);
            break;
    }
    return {
        kind: 'network',
        id: network.id,
        name: network.name,
        action,
        why: {
            text,
            facts: {
                goalId: goal.id,
                relevance,
                strength,
                hoursPerMonth: h,
                role: network.role,
                relevantAt: TRANSITION_MIN_RELEVANCE,
                strongAtStrength: STRONG_MIN_STRENGTH,
                timeHeavyAtHours: TIME_HEAVY_HOURS,
            },
        },
        next,
    };
}
function buildReason(network) {
    switch (network.role) {
        case 'want-to-join':
            return 'you have not joined it yet';
        case 'lurker':
            return 'you only watch from the side';
        case 'left':
            return 'you have left it';
        default:
            return `the tie is weak (strength ${num(network.strength)}/5)`;
    }
}
//# sourceMappingURL=transition.js.map