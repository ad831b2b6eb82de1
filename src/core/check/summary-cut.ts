import type { CheckSummaryView, Cut } from './parts.js';

/**
 * A summary cut to fewer items: `cutSummary(summariseCheck(report, n), top)` is
 * `summariseCheck(report, top)` for any `top` up to `n`. The server keeps the summary at
 * the most a request may ask for and cuts it to what each asks, without the report.
 */
const fewer = <T>(cut: Cut<T>, top: number): Cut<T> => ({ items: cut.items.slice(0, top), total: cut.total });

export function cutSummary(view: CheckSummaryView, top: number): CheckSummaryView {
  const { quadrants, reciprocity, neglect } = view;
  return {
    ...view,
    quadrants: { totals: quadrants.totals, maintain: fewer(quadrants.maintain, top), strengthen: fewer(quadrants.strengthen, top), overInvested: fewer(quadrants.overInvested, top), letBe: fewer(quadrants.letBe, top) },
    goals: {
      ...view.goals,
      items: view.goals.items.map((goal) => ({ ...goal, contributors: goal.contributors.slice(0, top), needs: goal.needs.map((need) => ({ ...need, contributors: need.contributors.slice(0, top) })) })),
    },
    startHere: { ...view.startHere, ...fewer(view.startHere, top) },
    reciprocity: { ...reciprocity, oneWay: fewer(reciprocity.oneWay, top) },
    neglect: { overdue: fewer(neglect.overdue, top), fading: fewer(neglect.fading, top), lostJobList: fewer(neglect.lostJobList, top) },
    weakTies: { ...view.weakTies, ...fewer(view.weakTies, top) },
    transition: {
      ...view.transition,
      items: view.transition.items.map((plan) => ({
        ...plan,
        keep: fewer(plan.keep, top),
        reduce: fewer(plan.reduce, top),
        build: fewer(plan.build, top),
        needs: plan.needs.map((need) => ({ ...need, keep: need.keep.slice(0, top), build: need.build.slice(0, top) })),
      })),
    },
  };
}
