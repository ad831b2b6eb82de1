import type { CheckReport } from './check/types.js';
import { addMonths, type IsoDate } from './dates.js';
import type { Month, Person, PlanSettings, PlanTarget } from './model.js';
import { compareNames } from './names.js';
import type { Stage, TargetSource } from './vocabulary.js';
import { plural } from './words.js';

/**
 * The monthly plan's rules: which months are which, what counts as a new
 * relationship in progress, and which people to suggest. Quality over quantity:
 * a few people a month, and never too many new relationships at once.
 */

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { monthlyTargets: 3, newRelationshipCap: 5, accountabilityPartner: null };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function shiftMonth(month: Month, by: number): Month {
  return monthOf(addMonths(firstDayOf(month), by));
}

/** Stages of a relationship that is new and still being built. */
export const IN_PROGRESS_STAGES: readonly Stage[] = ['reached-out', 'met'];

/** Whether a target with this person starts a new relationship (one not begun yet). */
export function startsNewRelationship(stage: Stage): boolean {
  return stage === 'to-meet';
}

/** Targets that take one of the month's places: open or done (dropped and rolled-over ones free theirs). */
export function takesAPlace(target: PlanTarget): boolean {
  return target.status === 'open' || target.status === 'done';
}

export interface CapStatus {
  /** People now at "reached out" or "met". */
  inProgress: number;
  /** Open targets this month with people not met yet: new relationships about to start. */
  starting: number;
  /**
   * New relationships in progress, the one number held against the cap: people
   * under way plus planned people not met yet (the two never overlap: a planned
   * person counts as starting only while still "to meet").
   */
  count: number;
  cap: number;
  /** Past the cap (count > cap). */
  over: boolean;
  /** The count against the cap in words, as every view prints it. */
  text: string;
  /** A warning with its reason when the plan is at or past the cap, else null. */
  warning: string | null;
}

/** The one rule for "new relationships in progress against the cap". */
export function capStatus(people: readonly Person[], monthTargets: readonly PlanTarget[], settings: PlanSettings): CapStatus {
  const inProgress = people.filter((p) => IN_PROGRESS_STAGES.includes(p.stage)).length;
  return capStatusOf(inProgress, people, monthTargets, settings);
}

/**
 * The cap from a count of people in progress (IN_PROGRESS_STAGES) and the planned
 * people's stages: what a server counts in SQL instead of reading everyone.
 */
export function capStatusOf(inProgress: number, plannedPeople: readonly Pick<Person, 'id' | 'stage'>[], monthTargets: readonly PlanTarget[], settings: PlanSettings): CapStatus {
  const stageOf = new Map(plannedPeople.map((p) => [p.id, p.stage]));
  const starting = monthTargets.filter((t) => t.status === 'open' && startsNewRelationship(stageOf.get(t.personId) ?? 'in-touch')).length;
  const count = inProgress + starting;
  const cap = settings.newRelationshipCap;
  const counted = `${plural(count, 'new relationship')} in progress`;
  const warning =
    count > cap
      ? `${counted} (${inProgress} under way, ${starting} planned): past your cap of ${cap}. New ties need time, so bring one to "in touch" before starting another.`
      : count === cap
        ? `You are at your cap of ${plural(cap, 'new relationship')} in progress: the next new person would be one too many for now.`
        : null;
  return { inProgress, starting, count, cap, over: count > cap, text: `${count === 0 ? 'No new relationships' : plural(count, 'new relationship')} in progress (your cap is ${cap})`, warning };
}

export interface PlanSuggestion {
  personId: string;
  name: string;
  source: Exclude<TargetSource, 'own'>;
  reason: string;
  /** The check's suggested next step. */
  next: string;
  stage: Stage;
  startsNewRelationship: boolean;
}

export interface Suggestions {
  month: Month;
  /** Places left this month: the monthly number less open and done targets. */
  placesLeft: number;
  /** The suggestions to fill them, best first. */
  suggestions: PlanSuggestion[];
  /** More candidates, for swapping. */
  alternatives: PlanSuggestion[];
  cap: CapStatus;
}

/** One source of suggestions, in the check's order: who, why, and the next step. */
export interface SuggestionCandidate {
  id: string;
  why: string;
  next: string;
}

export type SuggestionSource = Exclude<TargetSource, 'own'>;

/**
 * The check's candidates for the month, one queue per source in the order they take turns:
 * what the suggestions read of the check (a server keeps these with its check, not the report).
 */
export function suggestionQueues(report: CheckReport): [SuggestionSource, SuggestionCandidate[]][] {
  return [
    // People who would fill a need nobody (or only a weak tie) serves come first: that is what the month is for.
    ['goal-gap', needFillerCandidates(report)],
    ['start-here', report.startHere.items.map((f) => ({ id: f.id, why: f.why.text, next: f.next }))],
    ['strengthen', report.quadrants.strengthen.filter((f) => f.kind === 'person').map((f) => ({ id: f.id, why: f.why.text, next: f.next }))],
    ['goal-gap', goalGapCandidates(report)],
    ['neglect', [...report.neglect.lostJobList, ...report.neglect.overdue, ...report.neglect.fading].map((f) => ({ id: f.id, why: f.why.text, next: f.next }))],
  ];
}

/** A queue of candidates read one at a time: a kept check parses a candidate only when it is reached. */
export interface CandidateQueue {
  source: SuggestionSource;
  length: number;
  id(i: number): string;
  candidate(i: number): SuggestionCandidate;
}

export function queueOf(source: SuggestionSource, items: readonly SuggestionCandidate[]): CandidateQueue {
  return { source, length: items.length, id: (i) => items[i]!.id, candidate: (i) => items[i]! };
}

/** What suggesting needs of a person: whether they still exist, their name and stage. */
export type SuggestedPerson = Pick<Person, 'id' | 'name' | 'stage'>;

/** The answer is missing a person the queues reached: look these ids up and ask again. */
export interface PeopleWanted {
  wanted: string[];
}

/**
 * Suggests whom to reach this month, from the check: "start here" (easiest), the
 * strengthen quadrant, people who would fill a thin or missing goal, and neglect.
 * The sources take turns so that a month mixes them; people already in this
 * month's plan (even dropped) are left out; new relationships are only suggested
 * while the cap allows, and the list is as long as the places left.
 */
export function suggestTargets(report: CheckReport, people: readonly Person[], monthTargets: readonly PlanTarget[], settings: PlanSettings, month: Month): Suggestions {
  const queues = suggestionQueues(report).map(([source, items]) => queueOf(source, items));
  const known = new Map(people.map((p) => [p.id, p]));
  return suggestFromQueues(queues, (id) => known.get(id) ?? null, monthTargets, settings, month, capStatus(people, monthTargets, settings)) as Suggestions;
}

/**
 * suggestTargets over queues read one at a time, stopping once the suggestions and
 * alternatives are full (nothing after them changes the answer). `personOf` says who a
 * person is (null: gone since the check), or undefined when not looked up yet: then the
 * answer is the ids to look up (the first unknown, and the queues' next ones after it).
 */
export function suggestFromQueues(
  queues: readonly CandidateQueue[],
  personOf: (id: string) => SuggestedPerson | null | undefined,
  monthTargets: readonly PlanTarget[],
  settings: PlanSettings,
  month: Month,
  cap: CapStatus,
): Suggestions | PeopleWanted {
  const planned = new Set(monthTargets.map((t) => t.personId));
  const seen = new Set<string>();
  const placesLeft = planProgress(monthTargets, settings).placesLeft;
  let newAllowed = Math.max(0, cap.cap - cap.count);
  const suggestions: PlanSuggestion[] = [];
  const alternatives: PlanSuggestion[] = [];
  const full = () => suggestions.length >= placesLeft && alternatives.length >= MAX_ALTERNATIVES;
  const next = queues.map(() => 0);
  while (!full() && queues.some((q, k) => next[k]! < q.length)) {
    for (const [k, queue] of queues.entries()) {
      let person: SuggestedPerson | null | undefined = null;
      let i = next[k]!;
      for (; i < queue.length; i++) {
        const id = queue.id(i);
        if (seen.has(id) || planned.has(id)) continue;
        person = personOf(id);
        if (person === undefined) return { wanted: wantedAfter(queues, next, personOf, id) };
        if (person) break;
      }
      next[k] = i + 1;
      if (!person) continue;
      seen.add(person.id);
      const item = queue.candidate(i);
      const s: PlanSuggestion = { personId: person.id, name: person.name, source: queue.source, reason: item.why, next: item.next, stage: person.stage, startsNewRelationship: startsNewRelationship(person.stage) };
      const fits = suggestions.length < placesLeft && (!s.startsNewRelationship || newAllowed > 0);
      if (fits) {
        suggestions.push(s);
        if (s.startsNewRelationship) newAllowed -= 1;
      } else if (alternatives.length < MAX_ALTERNATIVES) {
        alternatives.push(s);
      }
      if (full()) break;
    }
  }
  return { month, placesLeft, suggestions, alternatives, cap };
}

const MAX_ALTERNATIVES = 10;
/** How many ids to ask for at once when the queues reach people not looked up yet. */
const LOOKUP_BATCH = 200;

/** The ids not looked up yet from where each queue stands, taking turns, up to a batch: the ones the next answer is likely to reach. */
function wantedAfter(queues: readonly CandidateQueue[], from: readonly number[], personOf: (id: string) => SuggestedPerson | null | undefined, first: string): string[] {
  // The one reached first, whatever the batch holds besides: each round looks up at least the person it stopped at.
  const wanted = new Set<string>([first]);
  const at = [...from];
  while (wanted.size < LOOKUP_BATCH && queues.some((q, k) => at[k]! < q.length)) {
    for (const [k, queue] of queues.entries()) {
      if (at[k]! >= queue.length) continue;
      const id = queue.id(at[k]!);
      at[k] = at[k]! + 1;
      if (personOf(id) === undefined) wanted.add(id);
    }
  }
  return [...wanted];
}

/**
 * For each need not covered (essential ones and goals not covered first): the weak
 * ties who serve it (to strengthen), then the people the check suggests for it
 * (to confirm, or to ask for an introduction).
 */
function needFillerCandidates(report: CheckReport): { id: string; why: string; next: string }[] {
  const needs = report.goals.items.flatMap((goal) => goal.needs.filter((n) => n.verdict !== 'covered').map((need) => ({ goal, need })));
  needs.sort((a, b) => Number(b.need.essential) - Number(a.need.essential) || Number(a.goal.verdict === 'covered') - Number(b.goal.verdict === 'covered'));
  const out: { id: string; why: string; next: string }[] = [];
  for (const { goal, need } of needs) {
    for (const c of need.contributors) {
      if (c.kind !== 'person' || c.strong) continue;
      out.push({ id: c.id, why: `"${need.name}" for "${goal.statement}" rests on weak ties; ${c.name} serves it at strength ${c.strength}/5.`, next: need.next });
    }
    for (const s of need.suggestions) {
      if (s.target?.kind !== 'person') continue;
      out.push({ id: s.target.id, why: `No strong tie serves "${need.name}" for "${goal.statement}"; ${s.why.text}`, next: s.next });
    }
  }
  return out;
}

/** For goals that are thin or missing: the people linked to them who are not strong ties yet. */
function goalGapCandidates(report: CheckReport): { id: string; why: string; next: string }[] {
  const out: { id: string; why: string; next: string }[] = [];
  for (const goal of report.goals.items) {
    if (goal.verdict === 'covered') continue;
    const weak = goal.contributors.filter((c) => c.kind === 'person' && c.strength < 3).sort((a, b) => b.relevance - a.relevance || compareNames(a, b));
    for (const c of weak) {
      out.push({
        id: c.id,
        why: `Your goal "${goal.statement}" is ${goal.verdict}; ${c.name} is relevant to it (${c.relevance}/5) but the tie is weak (strength ${c.strength}/5).`,
        next: `Reach out to ${c.name} about "${goal.statement}".`,
      });
    }
  }
  return out;
}

export interface PlanProgress {
  /** Targets that take a place: open and done. */
  planned: number;
  done: number;
  open: number;
  dropped: number;
  rolledOver: number;
  /** The monthly number the month is measured against. */
  monthlyTargets: number;
  /** Places left this month: the monthly number less open and done targets. */
  placesLeft: number;
  /** Done out of the monthly number, 0–1. */
  share: number;
  /** The counts in words, as every view prints them: "1 of 3 done, 2 open". */
  text: string;
}

/** The one rule for the month's counts: targets, done, open and places left. */
export function planProgress(monthTargets: readonly PlanTarget[], settings: PlanSettings): PlanProgress {
  const count = (status: PlanTarget['status']) => monthTargets.filter((t) => t.status === status).length;
  const done = count('done');
  const open = count('open');
  const placesLeft = Math.max(0, settings.monthlyTargets - monthTargets.filter(takesAPlace).length);
  return {
    planned: done + open,
    done,
    open,
    dropped: count('dropped'),
    rolledOver: count('rolled-over'),
    monthlyTargets: settings.monthlyTargets,
    placesLeft,
    share: Math.min(1, done / Math.max(1, settings.monthlyTargets)),
    text: `${done} of ${settings.monthlyTargets} done${open ? `, ${open} open` : ''}, ${plural(placesLeft, 'place')} left`,
  };
}
