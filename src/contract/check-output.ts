import { z } from 'zod';
import { QUADRANT_NAMES } from '../core/check/quadrants.js';
import type { CheckSummaryView, Cut, PartItem } from '../core/check/parts.js';
import type { CheckReport, QuadrantName } from '../core/check/types.js';
import { NETWORK_KINDS, NETWORK_ROLES, PERSON_CATEGORIES } from '../core/vocabulary.js';
import type { Holds, Same } from './same-type.js';

/**
 * The network check's outputs: the whole report (`CheckReport`, built by the pure
 * check in src/core/check), the summary a page shows first, one page of one list,
 * and the map alone. Each schema is tied at compile time to the type the core
 * produces (the `Holds<Same<…>>` lines below), and every object is strict, so a test
 * that parses a real report finds a field the document does not name.
 */

const quadrantNames = QUADRANT_NAMES as readonly QuadrantName[] as readonly [QuadrantName, ...QuadrantName[]];
const itemKind = z.enum(['person', 'network']);
const verdict = z.enum(['covered', 'thin', 'missing']);
const partStatus = z.enum(['ok', 'no-goals', 'goal-not-found']);
const category = z.enum(PERSON_CATEGORIES);
const networkKind = z.enum(NETWORK_KINDS);
const networkRole = z.enum(NETWORK_ROLES);
const count = z.number().int();

const ref = { kind: itemKind, id: z.string(), name: z.string() };
/** Why something was found; the team check says it the same way. */
export const why = z
  .strictObject({ text: z.string(), facts: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])) })
  .meta({ id: 'CheckWhy', description: 'A sentence, and the scores and dates that produced the finding' });
const finding = z.strictObject({ ...ref, why, next: z.string().meta({ description: 'A concrete suggested action' }) }).meta({ id: 'CheckFinding' });
const gap = z.strictObject({ code: z.string(), why, next: z.string() }).meta({ id: 'CheckGap' });

// ---------------------------------------------------------------- 1. map

const mapNode = z.strictObject({
  key: z.string(),
  kind: z.enum(['me', 'person', 'network']),
  id: z.string().nullable(),
  label: z.string(),
  ring: count,
  size: z.number(),
  strength: z.number(),
  importance: z.number(),
  category: category.nullable(),
  networkKind: networkKind.nullable(),
  colourKey: z.string(),
  goalIds: z.array(z.string()),
  relevance: z.number(),
  needs: z.array(z.string()),
  quadrant: z.enum(quadrantNames).nullable(),
  hoursPerMonth: z.number().nullable(),
  role: networkRole.nullable(),
  lastExchangeOn: z.string().nullable().meta({ description: "a person's latest exchange (YYYY-MM-DD), for Find's tie-break; null for networks, me and people never met" }),
});
const mapEdge = z.strictObject({
  key: z.string(),
  kind: z.enum(['me-person', 'me-network', 'membership', 'person-person', 'introduction']),
  source: z.string(),
  target: z.string(),
  directed: z.boolean(),
  weight: z.number(),
  role: networkRole.nullable(),
  introductionKind: z.enum(['introduced-to-me', 'introduced-by-me', 'between-others']).nullable(),
  introducedBy: z.string().nullable(),
  madeOn: z.string().nullable(),
});
const networkMap = z
  .strictObject({
    nodes: z.array(mapNode),
    edges: z.array(mapEdge),
    rings: z.array(z.strictObject({ ring: count, strengths: z.array(z.number()), label: z.string() })),
    focusGoalId: z.string().nullable(),
  })
  .meta({ id: 'CheckMap', description: 'The ego network: the user at the centre (ring 0), people and networks on rings 1 (strength 5) to 5 (strength 0–1), sized by importance' });

// ---------------------------------------------------------------- 2. quadrants

const quadrantItem = finding.extend({ quadrant: z.enum(quadrantNames) });
const totals = z.strictObject({ items: count, people: count, networks: count, hoursPerMonth: z.number() });
const quadrantTotals = z.record(z.enum(quadrantNames), totals);

// ---------------------------------------------------------------- 3. goals

const contributor = z.strictObject({ ...ref, strength: z.number(), relevance: z.number(), weight: z.number() });
const needSuggestion = z
  .strictObject({
    kind: z.enum(['confirm-person', 'ask-for-introduction', 'ask-at-network', 'find-network', 'grow-category']),
    target: z.strictObject(ref).nullable(),
    networkKind: networkKind.nullable(),
    category: category.nullable(),
    why,
    next: z.string(),
  })
  .meta({ id: 'CheckNeedSuggestion', description: 'Where to look for a need not covered: an offer to confirm, never a link made silently' });
const needCoverage = z
  .strictObject({
    needId: z.string(),
    name: z.string(),
    essential: z.boolean(),
    verdict,
    score: z.number(),
    strongContributors: count,
    contributors: z.array(contributor.extend({ strong: z.boolean() })),
    why,
    next: z.string(),
    suggestions: z.array(needSuggestion),
  })
  .meta({ id: 'CheckNeedCoverage' });
const goalCoverage = z.strictObject({
  goalId: z.string(),
  statement: z.string(),
  verdict,
  score: z.number(),
  contributors: z.array(contributor),
  needs: z.array(needCoverage),
  gaps: z.array(gap),
  risks: z.array(gap),
  why,
  next: z.string(),
});
const goalsPart = { status: partStatus, message: z.string().nullable(), ownOrganisations: z.array(z.string()) };

// ---------------------------------------------------------------- 4.–8.

const diversity = z.strictObject({
  counts: z.array(z.strictObject({ category, label: z.string(), count })),
  uncategorised: count,
  total: count,
  gaps: z.array(gap.extend({ category })),
});
const personBalance = z.strictObject({ ...ref, exchanges: count, gave: count, received: count, balance: z.number(), lastExchangeOn: z.string().nullable() });
const oneWayTie = finding.extend({ direction: z.enum(['taking', 'giving']) });
const overall = z.strictObject({
  exchanges: count,
  gave: count,
  received: count,
  balance: z.number(),
  direction: z.enum(['no-exchanges', 'balanced', 'mostly-giving', 'mostly-taking']),
  why,
  next: z.string(),
});
const neglectItem = finding.extend({ reason: z.enum(['overdue', 'fading', 'lost-job-list']) });
const message = z.string().nullable();

// ---------------------------------------------------------------- 9. transition

const transitionAction = z.enum(['keep', 'reduce', 'build']);
const transitionItem = finding.extend({ action: transitionAction, serves: z.array(z.string()) });
const transitionNeed = z.strictObject({ needId: z.string(), name: z.string(), essential: z.boolean(), keep: z.array(z.string()), build: z.array(z.string()) });
const transitionPlan = {
  goalId: z.string(),
  statement: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  hoursPerMonth: z.record(transitionAction, z.number()),
  gaps: z.array(gap),
};
const transitionStatus = z.enum(['ok', 'no-goals', 'goal-not-found', 'no-transition-goals']);

// ---------------------------------------------------------------- summary

const summaryTarget = z.union([
  z.strictObject(ref),
  z.strictObject({ kind: z.literal('section'), section: z.enum(['quadrants', 'goals', 'start-here', 'diversity', 'reciprocity', 'neglect', 'weak-ties', 'transition']) }),
  z.strictObject({ kind: z.literal('start'), what: z.enum(['add-person', 'add-goal', 'whole-check']) }),
]);
const checkSummary = z.strictObject({
  today: z.string(),
  focusGoalId: z.string().nullable(),
  people: count,
  networks: count,
  activeGoals: count,
  headlines: z.array(z.string()),
  cards: z.array(z.strictObject({ code: z.string(), text: z.string(), action: z.string(), target: summaryTarget })),
});

// ---------------------------------------------------------------- the outputs

/** GET /api/check: the whole report. */
export const checkReportOutput = z
  .strictObject({
    map: networkMap,
    quadrants: z.strictObject({ maintain: z.array(quadrantItem), strengthen: z.array(quadrantItem), overInvested: z.array(quadrantItem), letBe: z.array(quadrantItem), totals: quadrantTotals }),
    goals: z.strictObject({ ...goalsPart, items: z.array(goalCoverage) }),
    diversity,
    startHere: z.strictObject({ items: z.array(finding), message }),
    reciprocity: z.strictObject({ overall, people: z.array(personBalance), oneWay: z.array(oneWayTie) }),
    neglect: z.strictObject({ overdue: z.array(neglectItem), fading: z.array(neglectItem), lostJobList: z.array(neglectItem) }),
    weakTies: z.strictObject({ items: z.array(finding), message }),
    transition: z.strictObject({
      status: transitionStatus,
      message,
      items: z.array(z.strictObject({ ...transitionPlan, keep: z.array(transitionItem), reduce: z.array(transitionItem), build: z.array(transitionItem), needs: z.array(transitionNeed) })),
    }),
    summary: checkSummary,
  })
  .meta({ id: 'CheckReport' });

const cutOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), total: count.meta({ description: 'how many in all; read the rest from GET /api/check/parts/{part}' }) });

/** How current an answer from the server's kept check is (services/check-cache.ts: CheckFreshness). */
const freshness = z
  .strictObject({
    dataVersion: z.string().meta({ description: "the version of the workspace's data the check was worked out from (opaque: compare for equality)" }),
    workedOutAt: z.string().meta({ description: 'when that data was read (ISO time)' }),
    updating: z.boolean().meta({ description: 'the data has changed since, and a newer check is being worked out: show it as updating and ask again' }),
  })
  .meta({ id: 'CheckFreshness', description: 'The check is kept between changes and worked out again behind the answers: which data this answer comes from, and whether a newer one is on the way' });

/**
 * The map's answers (GET /api/map, GET /api/map/compact) are its kept bytes sent as they are, so
 * how current they are travels in a header rather than in the body: `true` when the data has
 * changed since this map was worked out and a newer one is being worked out (ask again).
 */
export const MAP_UPDATING_HEADER = 'Waggle-Updating';
export const mapAnswerHeaders = z.object({
  [MAP_UPDATING_HEADER]: z.enum(['true', 'false']).meta({ description: "'true' when the data has changed since this map was worked out and a newer one is on its way: show it as updating and ask again" }),
});

/** GET /api/check/summary: what a page shows first, every list cut to its first items. */
const checkSummaryView = z.strictObject({
    summary: checkSummary,
    map: z.strictObject({ nodes: count, edges: count, focusGoalId: z.string().nullable() }),
    quadrants: z.strictObject({ totals: quadrantTotals, maintain: cutOf(quadrantItem), strengthen: cutOf(quadrantItem), overInvested: cutOf(quadrantItem), letBe: cutOf(quadrantItem) }),
    goals: z.strictObject({
      ...goalsPart,
      items: z.array(goalCoverage.extend({ contributorsTotal: count, needs: z.array(needCoverage.extend({ contributorsTotal: count })) })),
    }),
    diversity,
    startHere: cutOf(finding).extend({ message }),
    reciprocity: z.strictObject({ overall, oneWay: cutOf(oneWayTie), balances: z.strictObject({ total: count }) }),
    neglect: z.strictObject({ overdue: cutOf(neglectItem), fading: cutOf(neglectItem), lostJobList: cutOf(neglectItem) }),
    weakTies: cutOf(finding).extend({ message }),
    transition: z.strictObject({
      status: transitionStatus,
      message,
      items: z.array(
        z.strictObject({
          ...transitionPlan,
          keep: cutOf(transitionItem),
          reduce: cutOf(transitionItem),
          build: cutOf(transitionItem),
          needs: z.array(transitionNeed.extend({ keepTotal: count, buildTotal: count })),
        }),
      ),
    }),
});
export const checkSummaryOutput = checkSummaryView
  .extend({ freshness })
  .meta({ id: 'CheckSummaryView', description: "The check's counts, verdicts and headlines, and the first items of every list with each list's length" });

/** GET /api/check/parts/{part}: one page of one list of the check (a finding of the part's kind, or a person's give and take). */
export const checkPartOutput = z
  .strictObject({ items: z.array(z.union([quadrantItem, oneWayTie, neglectItem, personBalance, finding])), total: count, freshness })
  .meta({ id: 'CheckPartPage' });

/** GET /api/map: the check's map alone, and the goals its nodes refer to. */
export const mapViewOutput = z
  .strictObject({
    map: networkMap,
    goals: z
      .array(z.strictObject({ id: z.string(), statement: z.string(), needs: z.array(z.strictObject({ id: z.string(), name: z.string(), essential: z.boolean() })) }))
      .meta({ description: 'the active goals (or the focused one) and their needs, for naming goalIds and needs' }),
  })
  .meta({ id: 'MapView' });

// The ties: these stop compiling when the core's report and this contract drift apart.
export type CheckReportTied = Holds<Same<z.output<typeof checkReportOutput>, CheckReport>>;
export type CheckSummaryTied = Holds<Same<z.output<typeof checkSummaryView>, CheckSummaryView>>;
export type CheckPartTied = Holds<Same<Omit<z.output<typeof checkPartOutput>, 'freshness'>, Cut<PartItem>>>;
export type CheckFreshness = z.output<typeof freshness>;
// The map view is a service's output: its tie is beside its route (src/server/routes/check.ts).
