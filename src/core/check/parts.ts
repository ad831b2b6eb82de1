import { listView, type ListView } from './decided-list.js';
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

/** The first `top` items of a list and its length, without writing out the rest of a decided list. */
const cut = <T>(view: ListView<T>, top: number): Cut<T> => ({ items: view.slice(0, top), total: view.total });

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

/** One part's list as a view: its length and any run of it, written out as read. */
export function partView(report: CheckReport, part: CheckPart): ListView<PartItem> {
  switch (part) {
    case 'maintain':
    case 'strengthen':
    case 'overInvested':
    case 'letBe':
      return listView(report.quadrants, part);
    case 'startHere':
      return listView(report.startHere, 'items');
    case 'oneWay':
      return listView(report.reciprocity, 'oneWay');
    case 'balances':
      return listView(report.reciprocity, 'people');
    case 'overdue':
    case 'fading':
    case 'lostJobList':
      return listView(report.neglect, part);
    case 'weakTies':
      return listView(report.weakTies, 'items');
  }
}

/** One page of one list of the report. */
export function checkPartPage(report: CheckReport, part: CheckPart, offset: number, limit: number): Cut<PartItem> {
  const view = partView(report, part);
  return { items: view.slice(offset, offset + limit), total: view.total };
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
    keep: cut(listView(plan, 'keep'), top),
    reduce: cut(listView(plan, 'reduce'), top),
    build: cut(listView(plan, 'build'), top),
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
      maintain: cut(listView(report.quadrants, 'maintain'), top),
      strengthen: cut(listView(report.quadrants, 'strengthen'), top),
      overInvested: cut(listView(report.quadrants, 'overInvested'), top),
      letBe: cut(listView(report.quadrants, 'letBe'), top),
    },
    goals: { ...report.goals, items: report.goals.items.map((g) => goalSummary(g, top)) },
    diversity: report.diversity,
    startHere: { message: report.startHere.message, ...cut(listView(report.startHere, 'items'), top) },
    reciprocity: { overall: report.reciprocity.overall, oneWay: cut(listView(report.reciprocity, 'oneWay'), top), balances: { total: listView(report.reciprocity, 'people').total } },
    neglect: { overdue: cut(listView(report.neglect, 'overdue'), top), fading: cut(listView(report.neglect, 'fading'), top), lostJobList: cut(listView(report.neglect, 'lostJobList'), top) },
    weakTies: { message: report.weakTies.message, ...cut(listView(report.weakTies, 'items'), top) },
    transition: { ...report.transition, items: report.transition.items.map((p) => transitionSummary(p, top)) },
  };
}
