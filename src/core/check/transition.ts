/**
 * Transition: for a goal that moves the user from one role to another, which
 * networks to keep (they serve the move and the tie is strong), to reduce (many
 * hours, little or no relevance to the move) and to build (they serve the move
 * but the user is not in them yet, only watches, or the tie is weak).
 */
import type { Goal, Network } from '../model.js';
import type { NetworkRole } from '../vocabulary.js';
import { roundHours, strengthenNetworkNext } from './quadrants.js';
import { num, relevanceTo, type CheckIndex, type NetworkFacts } from './snapshot-index.js';
import { sortByRank } from './sort.js';
import { goalPhrase, hoursText } from './suggest.js';
import { STRONG_MIN_STRENGTH, TIME_HEAVY_HOURS, TRANSITION_MIN_RELEVANCE } from './thresholds.js';
import type { Gap, TransitionAction, TransitionItem, TransitionPart, TransitionPlan } from './types.js';

/** Roles that mean the user is not really inside the network yet (or any more). */
const OUTSIDE_ROLES: ReadonlySet<NetworkRole> = new Set<NetworkRole>(['want-to-join', 'lurker', 'left']);

/** Whether a goal is a transition: it names where the user comes from or goes to. */
export function isTransition(goal: Goal): boolean {
  return Boolean(goal.transitionFrom?.trim() || goal.transitionTo?.trim());
}

/** What to do with one network for one transition goal, or null when it does not concern the move. */
export function transitionAction(network: Network, relevance: number): TransitionAction | null {
  if (relevance >= TRANSITION_MIN_RELEVANCE) {
    return OUTSIDE_ROLES.has(network.role) || num(network.strength) < STRONG_MIN_STRENGTH ? 'build' : 'keep';
  }
  return Math.max(0, num(network.hoursPerMonth)) >= TIME_HEAVY_HOURS ? 'reduce' : null;
}

/** Keep / reduce / build plans for every transition goal in scope. */
export function transition(index: CheckIndex): TransitionPart {
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
      message:
        (index.focusGoal ? 'This goal is not a transition. ' : 'None of your goals is a transition. ') +
        'If you are moving from one role to another (say, clinician to researcher), add where from and where to, and the check will say which networks to keep, reduce and build.',
      items: [],
    };
  }
  return { status: 'ok', message: null, items: goals.map((goal) => planFor(index, goal)) };
}

function planFor(index: CheckIndex, goal: Goal): TransitionPlan {
  const from = goal.transitionFrom?.trim() || null;
  const to = goal.transitionTo?.trim() || null;
  const buckets: Record<TransitionAction, TransitionItem[]> = { keep: [], reduce: [], build: [] };
  const totals: Record<TransitionAction, number> = { keep: 0, reduce: 0, build: 0 };
  const rank = new Map<TransitionItem, number[]>();
  let hasProfessionalBody = false;
  const needName = new Map(goal.needs.map((n) => [n.id, n.name]));
  const servesOf = new Map((index.linksByGoal.get(goal.id) ?? []).filter((t) => t.kind === 'network').map((t) => [t.id, t.serves.flatMap((id) => needName.get(id) ?? [])]));
  for (const f of index.networks) {
    const relevance = relevanceTo(f, goal.id);
    const action = transitionAction(f.network, relevance);
    if (action === null) continue;
    // Time a network gives to another active goal is not time wasted on this move.
    if (action === 'reduce' && servesAnotherActiveGoal(index, f, goal.id)) continue;
    const item = itemFor(f, action, relevance, goal, from, to, servesOf.get(f.network.id) ?? []);
    buckets[action].push(item);
    totals[action] += f.hours;
    rank.set(item, action === 'reduce' ? [f.hours, -relevance] : [relevance, f.strength]);
    if (action !== 'reduce' && f.network.kind === 'professional-body') hasProfessionalBody = true;
  }
  const sorted = (items: TransitionItem[]) => sortByRank(items, (item) => rank.get(item) ?? [], (item) => item);
  const toText = to ?? goal.statement;
  const gaps: Gap[] = [];
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
  const keep = sorted(buckets.keep);
  const build = sorted(buckets.build);
  const needs = goal.needs.map((n) => ({
    needId: n.id,
    name: n.name,
    essential: n.essential,
    keep: keep.filter((i) => i.serves.includes(n.name)).map((i) => i.name),
    build: build.filter((i) => i.serves.includes(n.name)).map((i) => i.name),
  }));
  for (const need of needs) {
    if (!need.essential || need.keep.length + need.build.length > 0) continue;
    gaps.push({
      code: 'need-without-network',
      why: { text: `No network you keep or build serves "${need.name}", an essential need of the move to ${toText}.`, facts: { need: need.name, keep: 0, build: 0 } },
      next: `Ask the people who serve "${need.name}" where they meet about it, and go once as a guest.`,
    });
  }
  return {
    goalId: goal.id,
    statement: goal.statement,
    from,
    to,
    needs,
    keep,
    reduce: sorted(buckets.reduce),
    build,
    hoursPerMonth: { keep: roundHours(totals.keep), reduce: roundHours(totals.reduce), build: roundHours(totals.build) },
    gaps,
  };
}

function itemFor(
  f: NetworkFacts,
  action: TransitionAction,
  relevance: number,
  goal: Goal,
  from: string | null,
  to: string | null,
  serves: string[],
): TransitionItem {
  const { network, strength, hours: h } = f;
  const move = (to ? `the move to ${to}` : goalPhrase(goal)) + (serves.length ? `, for ${serves.join(', ')}` : '');
  let text: string;
  let next: string;
  switch (action) {
    case 'keep':
      text = `Serves ${move} (relevance ${relevance}/5) and the tie is strong (strength ${strength}/5, ${network.role}).`;
      next = `Keep going to ${network.name}, and tell people there you are moving ${from ? `from ${from} ` : ''}${to ? `to ${to}` : 'on'}: they may know whom you should meet.`;
      break;
    case 'reduce':
      text = `${hoursText(h)} with ${relevance === 0 ? 'no' : `little (${relevance}/5)`} relevance to ${move}.`;
      next = `Step back from ${network.name} gradually: halve the hours, hand on any role, and stay in touch with the two or three people you value there.`;
      break;
    case 'build':
      text = `Serves ${move} (relevance ${relevance}/5), but ${buildReason(network, strength)}.`;
      next = strengthenNetworkNext(network, move);
      break;
  }
  return {
    kind: 'network',
    id: network.id,
    name: network.name,
    action,
    serves,
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

function buildReason(network: Network, strength: number): string {
  switch (network.role) {
    case 'want-to-join':
      return 'you have not joined it yet';
    case 'lurker':
      return 'you only watch from the side';
    case 'left':
      return 'you have left it';
    default:
      return `the tie is weak (strength ${strength}/5)`;
  }
}

function servesAnotherActiveGoal(index: CheckIndex, f: NetworkFacts, goalId: string): boolean {
  for (const other of index.snapshot.goals) {
    if (other.id !== goalId && other.status === 'active' && relevanceTo(f, other.id) >= TRANSITION_MIN_RELEVANCE) return true;
  }
  return false;
}
