import { checkMapShape } from './run-check.js';
import type { CheckReport, Finding, GoalCoverage, NeglectItem, OneWayTie, PersonBalance, QuadrantItem, TransitionPlan } from './types.js';

/**
 * The check in parts: a summary a page can show first (every count, verdict and
 * headline, and the first few items of each list), then each list a page at a time.
 * At 30,000 people the whole report is tens of megabytes; the summary stays small
 * because every list in it is cut to `top` items with its full length beside it.
 */

/** The lists of the report that can be read a page at a time. */
export const CHECK_PARTS = ['maintain', 'strengthen', 'overInvested', 'letBe', 'startHere', 'oneWay', 'balances', 'overdue', 'fading', 'lostJobList', 'weakTies'] as const;
export type CheckPart = (typeof CHECK_PARTS)[number];

export interface Cut<T> {
  items: T[];
  /** How many there are in all. */
  total: number;
}

const cut = <T>(items: readonly T[], top: number): Cut<T> => ({ items: items.slice(0, top), total: items.length });

/** What a part's list holds: findings of the part's kind, or (balances) a person's give and take. */
export type PartItem = QuadrantItem | Finding | OneWayTie | NeglectItem | PersonBalance;

export function partOf(report: CheckReport, part: CheckPart): readonly PartItem[] {
  switch (part) {
    case 'maintain':
    case 'strengthen':
    case 'overInvested':
    case 'letBe':
      return report.quadrants[part];
    case 'startHere':
      return report.startHere.items;
    case 'oneWay':
      return report.reciprocity.oneWay;
    case 'balances':
      return report.reciprocity.people;
    case 'overdue':
    case 'fading':
    case 'lostJobList':
      return report.neglect[part];
    case 'weakTies':
      return report.weakTies.items;
  }
}

/** One page of one list of the report. */
export function checkPartPage(report: CheckReport, part: CheckPart, offset: number, limit: number): Cut<PartItem> {
  const items = partOf(report, part);
  return { items: items.slice(offset, offset + limit), total: items.length };
}

function goalSummary(goal: GoalCoverage, top: number) {
  return {
    ...goal,
    contributors: goal.contributors.slice(0, top),
    contributorsTotal: goal.contributors.length,
    needs: goal.needs.map((need) => ({ ...need, contributors: need.contributors.slice(0, top), contributorsTotal: need.contributors.length })),
  };
}

function transitionSummary(plan: TransitionPlan, top: number) {
  return {
    ...plan,
    keep: cut(plan.keep, top),
    reduce: cut(plan.reduce, top),
    build: cut(plan.build, top),
    needs: plan.needs.map((need) => ({ ...need, keep: need.keep.slice(0, top), build: need.build.slice(0, top), keepTotal: need.keep.length, buildTotal: need.build.length })),
  };
}

export type CheckSummaryView = ReturnType<typeof summariseCheck>;

export function summariseCheck(report: CheckReport, top = 5) {
  return {
    summary: report.summary,
    map: checkMapShape(report),
    quadrants: {
      totals: report.quadrants.totals,
      maintain: cut(report.quadrants.maintain, top),
      strengthen: cut(report.quadrants.strengthen, top),
      overInvested: cut(report.quadrants.overInvested, top),
      letBe: cut(report.quadrants.letBe, top),
    },
    goals: { ...report.goals, items: report.goals.items.map((g) => goalSummary(g, top)) },
    diversity: report.diversity,
    startHere: { message: report.startHere.message, ...cut(report.startHere.items, top) },
    reciprocity: { overall: report.reciprocity.overall, oneWay: cut(report.reciprocity.oneWay, top), balances: { total: report.reciprocity.people.length } },
    neglect: { overdue: cut(report.neglect.overdue, top), fading: cut(report.neglect.fading, top), lostJobList: cut(report.neglect.lostJobList, top) },
    weakTies: { message: report.weakTies.message, ...cut(report.weakTies.items, top) },
    transition: { ...report.transition, items: report.transition.items.map((p) => transitionSummary(p, top)) },
  };
}
