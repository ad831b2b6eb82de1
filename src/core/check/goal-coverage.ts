/**
 * Goal coverage: for each goal in scope, who and what serves it, weighted by
 * strength × relevance, a verdict and the gaps a coach would point out.
 */
import type { Goal, Network } from '../model.js';
import type { PersonCategory } from '../vocabulary.js';
import { lowerFirst, meetSuggestion } from './suggest.js';
import { normaliseOrganisation, personWithId, type CheckIndex, type GoalTarget, type PersonFacts } from './snapshot-index.js';
import { compareText } from './sort.js';
import {
  CONTRIBUTOR_STRONG_MIN_RELEVANCE,
  COVERED_MIN_SCORE,
  COVERED_MIN_STRONG,
  STRONG_MIN_STRENGTH,
} from './thresholds.js';
import { suggestForNeed } from './need-suggestions.js';
import { blockingNeeds, coverNeeds, goalVerdictWithNeeds, type NeedServer } from './needs.js';
import type { Contributor, Gap, GoalCoverage, GoalNeedCoverage, GoalsPart, Verdict } from './types.js';

/** Roles that mean the user does not (yet, or any longer) take part in a network. */
const OUTSIDE_ROLES = new Set<Network['role']>(['want-to-join', 'left']);

/**
 * The verdict from the total weight and the number of strong contributors:
 * missing at 0; covered at ≥ COVERED_MIN_SCORE with ≥ COVERED_MIN_STRONG strong; thin otherwise.
 */
export function verdictFor(score: number, strongContributors: number): Verdict {
  if (score <= 0) return 'missing';
  return score >= COVERED_MIN_SCORE && strongContributors >= COVERED_MIN_STRONG ? 'covered' : 'thin';
}

/** A contributor is strong when both the tie and its relevance to the goal are. */
export function isStrongContributor(c: Pick<Contributor, 'strength' | 'relevance'>): boolean {
  return c.strength >= STRONG_MIN_STRENGTH && c.relevance >= CONTRIBUTOR_STRONG_MIN_RELEVANCE;
}

/** Coverage of every goal in scope (or a message when there is nothing to cover yet). */
export function goalCoverage(index: CheckIndex): GoalsPart {
  const ownOrganisations = [...index.ownOrganisations].sort(compareText);
  if (index.requestedGoalId !== null && index.focusGoal === null) {
    return {
      status: 'goal-not-found',
      message: `There is no goal with the id "${index.requestedGoalId}". Pick one of your goals, or run the check without a goal to see them all.`,
      ownOrganisations,
      items: [],
    };
  }
  if (index.goals.length === 0) {
    const someInactive = index.snapshot.goals.length > 0;
    return {
      status: 'no-goals',
      message:
        (someInactive ? 'None of your goals is active. ' : '') +
        'Add a goal first: every score in the check is measured against where you are heading ' +
        '(for example "get involved in research in my clinical specialty"). Then link the people and networks that serve it.',
      ownOrganisations,
      items: [],
    };
  }
  return { status: 'ok', message: null, ownOrganisations, items: index.goals.map((goal) => coverageOf(index, goal)) };
}

function coverageOf(index: CheckIndex, goal: Goal): GoalCoverage {
  const people: PersonFacts[] = [];
  const networks: Network[] = [];
  const targets = index.linksByGoal.get(goal.id) ?? [];
  for (const target of targets) {
    if (target.kind === 'person') people.push(target.facts);
    else networks.push(target.facts.network);
  }
  const contributors = contributorsOf(index, targets);

  const score = contributors.reduce((sum, c) => sum + c.weight, 0);
  const strong = contributors.filter(isStrongContributor);
  const needs = needsOf(index, goal);
  const verdict = goalVerdictWithNeeds(verdictFor(score, strong.length), needs);
  // Need by need first: "what is missing" is asked of each need; only "nobody at all" comes before it.
  const generic = gapsFor(index, goal, contributors, strong, people, networks);
  const nobody = generic[0]?.code === 'nobody' ? generic.splice(0, 1) : [];
  // The same concerns are gaps for a goal not covered yet, and risks for a covered one.
  const concerns = [...nobody, ...needGaps(goal, needs), ...generic];
  const gaps = verdict === 'covered' ? [] : concerns;
  const risks = verdict === 'covered' ? concerns : [];
  const facts = {
    goalId: goal.id,
    verdict,
    score,
    strongContributors: strong.length,
    people: people.length,
    networks: networks.length,
    coveredAtScore: COVERED_MIN_SCORE,
    coveredAtStrongContributors: COVERED_MIN_STRONG,
  };
  return {
    goalId: goal.id,
    statement: goal.statement,
    verdict,
    score,
    contributors,
    needs,
    gaps,
    risks,
    why: { text: verdictText(verdict, score, strong.length, contributors.length, needs), facts },
    next: goalNext(index, verdict, contributors, strong, gaps),
  };
}

/**
 * The goal's contributors, heaviest first, then most relevant, then by name and id. Sorted as
 * numbers in typed arrays (the name order is the index's `nameRank`, which ties on name and id
 * only for a person and a network sharing both, where the person comes first in both orders),
 * and each contributor made once, in its place: a goal can have thousands.
 */
function contributorsOf(index: CheckIndex, targets: readonly GoalTarget[]): Contributor[] {
  const count = targets.length;
  const weight = new Float64Array(count);
  const relevance = new Float64Array(count);
  const rank = new Int32Array(count);
  const order: number[] = [];
  for (let at = 0; at < count; at++) {
    const t = targets[at] as GoalTarget;
    weight[at] = t.facts.strength * t.relevance;
    relevance[at] = t.relevance;
    rank[at] = index.nameRank[t.facts.slot] as number;
    order.push(at);
  }
  order.sort((a, b) => (weight[b] as number) - (weight[a] as number) || (relevance[b] as number) - (relevance[a] as number) || (rank[a] as number) - (rank[b] as number));
  return order.map((at) => {
    const t = targets[at] as GoalTarget;
    const ref = t.kind === 'person' ? t.facts.person : t.facts.network;
    // The weight worked out again, not read back from its Float64Array: a double read from there
    // would be kept boxed in each contributor, a product of two small integers is kept in place.
    return { kind: t.kind, id: ref.id, name: ref.name, strength: t.facts.strength, relevance: t.relevance, weight: t.facts.strength * t.relevance };
  });
}

function verdictText(verdict: Verdict, score: number, strong: number, count: number, needs: GoalNeedCoverage[]): string {
  const basis = `total weight ${score} (strength × relevance over ${count} ${count === 1 ? 'contributor' : 'contributors'}), ${strong} strong`;
  const blocked = blockingNeeds(needs);
  if (verdict === 'thin' && blocked.length > 0 && verdictFor(score, strong) === 'covered') {
    return `Thin: ${basis}, but ${blocked.map((n) => `"${n.name}" is ${n.verdict === 'missing' ? 'missing (essential)' : 'served by weak ties alone'}`).join(', ')}; a goal is covered only when every essential need is served and no need rests on weak ties alone.`;
  }
  switch (verdict) {
    case 'covered':
      return `Covered: ${basis}; covered needs ${COVERED_MIN_SCORE} and ${COVERED_MIN_STRONG} strong.`;
    case 'thin':
      return `Thin: ${basis}; covered needs ${COVERED_MIN_SCORE} and ${COVERED_MIN_STRONG} strong contributors (strength ≥ ${STRONG_MIN_STRENGTH}, relevance ≥ ${CONTRIBUTOR_STRONG_MIN_RELEVANCE}).`;
    case 'missing':
      return count === 0
        ? 'Missing: no person or network is linked to this goal yet.'
        : `Missing: ${count} linked but you have no tie with any of them yet (total weight 0).`;
  }
}

function goalNext(index: CheckIndex, verdict: Verdict, contributors: Contributor[], strong: Contributor[], gaps: Gap[]): string {
  if (verdict === 'covered') {
    const names = strong.slice(0, 2).map((c) => c.name).join(' and ');
    return `Keep in touch with ${names}, and ask one of them for an introduction to someone new who works on this.`;
  }
  const firstGap = gaps[0];
  if (firstGap) return firstGap.next;
  const top = contributors.find((c) => c.kind === 'person' && !isStrongContributor(c));
  const person = top ? personWithId(index, top.id) : undefined;
  return person
    ? `${meetSuggestion(person)} with ${person.person.name} to turn a useful tie into a strong one.`
    : 'Add one more strong tie: ask your strongest contact here whom else you should know.';
}

function gapsFor(
  index: CheckIndex,
  goal: Goal,
  contributors: Contributor[],
  strong: Contributor[],
  people: PersonFacts[],
  networks: Network[],
): Gap[] {
  const gaps: Gap[] = [];
  const subject = `"${goal.statement}"`;
  const area = goal.needs[0]?.name.trim() || goal.transitionTo?.trim() || 'this area';
  const strongPerson = strong.find((c) => c.kind === 'person');
  const activeNetworks = networks.filter((n) => !OUTSIDE_ROLES.has(n.role));

  if (contributors.length === 0) {
    gaps.push({
      code: 'nobody',
      why: { text: `No person or network is linked to ${subject}.`, facts: { people: 0, networks: 0 } },
      next: `Link the people and networks that could help with ${subject}; if you know none, ask a colleague whom they would talk to about it.`,
    });
  } else if (people.length === 0) {
    const network = activeNetworks[0] ?? networks[0];
    gaps.push({
      code: 'no-people',
      why: { text: `Only networks serve ${subject}; no person is linked to it.`, facts: { people: 0, networks: networks.length } },
      next: network
        ? `At the next ${network.name} meeting, find one person who works on ${area} and suggest a coffee.`
        : `Find one person who works on ${area} and suggest a coffee.`,
    });
  }

  if (activeNetworks.length === 0) {
    const wanted = networks.find((n) => n.role === 'want-to-join');
    gaps.push({
      code: 'no-network',
      why: {
        text: `You take part in no network that serves ${subject}.`,
        facts: { networks: networks.length, activeNetworks: 0 },
      },
      next: wanted
        ? `Join ${wanted.name}, which you already want to join: go to one open event.`
        : `Look for a professional body, interest group or online community on ${area} and go to one open event.`,
    });
  }

  if (!activeNetworks.some((n) => n.kind === 'professional-body')) {
    gaps.push({
      code: 'no-professional-body',
      why: { text: `No professional body you take part in serves ${subject}.`, facts: { professionalBodies: 0 } },
      next: strongPerson
        ? `Ask ${strongPerson.name} which professional body they belong to for ${area}, and whether you could come along as a guest.`
        : `Find the professional body for ${area} and go to one open event as a guest.`,
    });
  }

  if (!people.some((p) => p.person.category === 'leader-in-field')) {
    gaps.push({
      code: 'no-leader-in-field',
      why: { text: `No leader in the field is linked to ${subject}.`, facts: { leadersInField: 0 } },
      next: strongPerson
        ? `Ask ${strongPerson.name} for an introduction to a leader in ${area} they respect.`
        : `Pick one leader in ${area}, read their latest work and write with one specific question about it.`,
    });
  }

  if (contributors.length > 0 && !contributors.some((c) => c.strength >= STRONG_MIN_STRENGTH)) {
    const best = contributors[0];
    const f = best?.kind === 'person' ? personWithId(index, best.id) : undefined;
    gaps.push({
      code: 'only-weak-ties',
      why: {
        text: `Everyone serving ${subject} is a weak tie (strength below ${STRONG_MIN_STRENGTH}).`,
        facts: { strongestStrength: contributors.reduce((m, c) => Math.max(m, c.strength), 0), strongAtStrength: STRONG_MIN_STRENGTH },
      },
      next: f
        ? `Turn one weak tie into a strong one: ${lowerFirst(meetSuggestion(f))} with ${f.person.name}.`
        : `Go to the next ${best?.name ?? 'meeting'} and talk to the same two people again; ties grow with repeated contact.`,
    });
  }

  if (strong.length === 1 && strongPerson) {
    gaps.push({
      code: 'single-strong-tie',
      why: {
        text: `${strongPerson.name} is the only strong tie serving ${subject}; if they move on, the goal loses its main support.`,
        facts: { strongContributors: 1, coveredAtStrongContributors: COVERED_MIN_STRONG },
      },
      next: `Ask ${strongPerson.name} whom else you should know for ${area}.`,
    });
  }

  if (people.length > 0 && index.ownOrganisations.size > 0 && !someoneOutsideOwnOrganisation(index, people)) {
    const spelled = organisationSpellings(index);
    const own = [...index.ownOrganisations]
      .map((key) => spelled.get(key) ?? key)
      .sort(compareText)
      .join(' / ');
    const broker = strongPerson?.name ?? people[0]?.person.name ?? 'a colleague';
    gaps.push({
      code: 'no-one-outside-own-organisation',
      why: {
        text: `Everyone serving ${subject} works at your own organisation (${own}) or has no organisation recorded.`,
        facts: { people: people.length, outsideOwnOrganisation: 0, ownOrganisation: own },
      },
      next: `Ask ${broker} for an introduction to someone outside ${own} who works on ${area}.`,
    });
  }
  return gaps;
}

/**
 * How the user wrote each organisation, by its comparison key: organisations are
 * compared lower-cased, but shown as written ("Hospital Norte", not "hospital
 * norte"). An employer network's name first, else the spelling most people have.
 */
function organisationSpellings(index: CheckIndex): Map<string, string> {
  const tidy = (name: string) => name.trim().replace(/\s+/g, ' ');
  const spelled = new Map<string, string>();
  for (const network of index.snapshot.networks) {
    if (network.kind !== 'employer') continue;
    const key = normaliseOrganisation(network.name);
    if (key !== '' && !spelled.has(key)) spelled.set(key, tidy(network.name));
  }
  const counts = new Map<string, Map<string, number>>();
  for (const person of index.snapshot.people) {
    if (!person.organisation) continue;
    const key = normaliseOrganisation(person.organisation);
    if (key === '' || spelled.has(key)) continue;
    const byName = counts.get(key) ?? new Map<string, number>();
    byName.set(tidy(person.organisation), (byName.get(tidy(person.organisation)) ?? 0) + 1);
    counts.set(key, byName);
  }
  for (const [key, byName] of counts) {
    const [best] = [...byName].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    if (best) spelled.set(key, best[0]);
  }
  return spelled;
}

/** Whether one of these people is known to work somewhere other than the user's own organisation (the first one found answers). */
function someoneOutsideOwnOrganisation(index: CheckIndex, people: PersonFacts[]): boolean {
  for (const { person: p } of people) {
    if (p.organisation && p.organisation.trim() !== '' && !index.ownOrganisations.has(normaliseOrganisation(p.organisation))) return true;
  }
  return false;
}

/** Each need of the goal: who serves it, its verdict, and for a thin or missing need where to look. */
function needsOf(index: CheckIndex, goal: Goal): GoalNeedCoverage[] {
  if (goal.needs.length === 0) return [];
  const servers: NeedServer[] = [];
  // Each server's place in name order: the index's, as for the contributors (see contributorsOf).
  const nameOrder: number[] = [];
  const targets = index.linksByGoal.get(goal.id) ?? [];
  for (const target of targets) {
    if (target.serves.length === 0) continue;
    const name = target.kind === 'person' ? target.facts.person.name : target.facts.network.name;
    servers.push({ kind: target.kind, id: target.id, name, strength: target.facts.strength, relevance: target.relevance, serves: target.serves });
    nameOrder.push(index.nameRank[target.facts.slot] as number);
  }
  // Only a need nobody strong serves looks for suggestions, which ask first those already linked.
  let relevance: Map<string, number> | null = null;
  return coverNeeds(goal.needs, servers, nameOrder).map((need) => {
    const suggestions =
      need.verdict === 'covered'
        ? []
        : suggestForNeed({
            need: need.name,
            people: index.people,
            networks: index.networks,
            serving: new Set(need.contributors.map((c) => c.id)),
            categoryCounts: categoryCounts(index),
            relevance: (relevance ??= new Map(targets.map((t) => [t.id, t.relevance]))),
          });
    const who = need.contributors.slice(0, 3).map((c) => `${c.name} (${c.strength}/5)`);
    const facts = { need: need.name, essential: need.essential, contributors: need.contributors.length, strongContributors: need.strongContributors, score: need.score };
    const text =
      need.verdict === 'covered'
        ? `"${need.name}" is covered: served by ${who.join(', ')}.`
        : need.verdict === 'thin'
          ? `"${need.name}" rests on weak ties alone: ${who.join(', ')}; a need is covered by at least one tie of strength ${STRONG_MIN_STRENGTH} or more that is relevant (${CONTRIBUTOR_STRONG_MIN_RELEVANCE}+).`
          : `Nobody on your map serves "${need.name}"${need.essential ? ', an essential need' : ''}.`;
    const next =
      need.verdict === 'covered'
        ? `Keep in touch with ${need.contributors[0]!.name}.`
        : need.verdict === 'thin' && need.contributors[0]?.kind === 'person'
          ? strengthenNext(index, need.contributors[0].id, need.name) ?? suggestions[0]?.next ?? ''
          : (suggestions[0]?.next ?? `Find one person who works on ${need.name} and suggest a coffee.`);
    return { ...need, why: { text, facts }, next, suggestions };
  });
}

function strengthenNext(index: CheckIndex, personId: string, need: string): string | null {
  const facts = personWithId(index, personId);
  return facts ? `Strengthen your tie with ${facts.person.name}: ${lowerFirst(meetSuggestion(facts))}. "${need}" rests on weak ties alone.` : null;
}

const categoryCountCache = new WeakMap<CheckIndex, Map<PersonCategory, number>>();
function categoryCounts(index: CheckIndex): Map<PersonCategory, number> {
  let counts = categoryCountCache.get(index);
  if (!counts) {
    counts = new Map();
    for (const { person } of index.people) if (person.category) counts.set(person.category, (counts.get(person.category) ?? 0) + 1);
    categoryCountCache.set(index, counts);
  }
  return counts;
}

/** A goal's concerns from its needs, essential ones first, in the goal's order. */
function needGaps(goal: Goal, needs: GoalNeedCoverage[]): Gap[] {
  const gaps: Gap[] = [];
  for (const need of [...needs.filter((n) => n.essential), ...needs.filter((n) => !n.essential)]) {
    if (need.verdict === 'covered') continue;
    gaps.push({
      code: need.verdict === 'missing' ? 'need-missing' : 'need-weak-ties-only',
      why: { text: need.verdict === 'missing' ? `Nobody serves "${need.name}"${need.essential ? ' (essential)' : ''} for "${goal.statement}".` : need.why.text, facts: need.why.facts },
      next: need.next,
    });
  }
  return gaps;
}
