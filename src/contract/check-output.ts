import { z } from 'zod';

/**
 * The network check's report, for the OpenAPI document. The report's exact
 * shape is `CheckReport` in src/core/check/types.ts; this schema documents its
 * parts and the finding every part is made of.
 */

const ref = { kind: z.enum(['person', 'network']), id: z.string(), name: z.string() };
const why = z.object({ text: z.string(), facts: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])) }).meta({ id: 'CheckWhy', description: 'A sentence, and the scores and dates that produced the finding' });
const finding = z.looseObject({ ...ref, why, next: z.string().meta({ description: 'A concrete suggested action' }) }).meta({ id: 'CheckFinding' });
const gap = z.looseObject({ code: z.string(), why, next: z.string() }).meta({ id: 'CheckGap' });
const needSuggestion = z
  .object({
    kind: z.enum(['confirm-person', 'ask-for-introduction', 'ask-at-network', 'find-network', 'grow-category']),
    target: z.object({ kind: z.enum(['person', 'network']), id: z.string(), name: z.string() }).nullable(),
    networkKind: z.string().nullable(),
    category: z.string().nullable(),
    why,
    next: z.string(),
  })
  .meta({ id: 'CheckNeedSuggestion', description: 'Where to look for a need not covered: an offer to confirm, never a link made silently' });
const needCoverage = z
  .object({
    needId: z.string(),
    name: z.string(),
    essential: z.boolean(),
    verdict: z.enum(['covered', 'thin', 'missing']),
    score: z.number(),
    strongContributors: z.number(),
    contributors: z.array(z.object({ kind: z.enum(['person', 'network']), id: z.string(), name: z.string(), strength: z.number(), relevance: z.number(), weight: z.number(), strong: z.boolean() })),
    why,
    next: z.string(),
    suggestions: z.array(needSuggestion),
  })
  .meta({ id: 'CheckNeedCoverage' });
const totals = z.object({ items: z.number(), people: z.number(), networks: z.number(), hoursPerMonth: z.number() });

const networkMap = z
  .looseObject({ nodes: z.array(z.looseObject({ key: z.string(), kind: z.enum(['me', 'person', 'network']), id: z.string().nullable(), label: z.string(), ring: z.number(), size: z.number() })), edges: z.array(z.looseObject({ key: z.string(), kind: z.string(), source: z.string(), target: z.string(), weight: z.number() })) })
  .meta({ description: 'The ego network: the user at the centre (ring 0), people and networks on rings 1 (strength 5) to 5 (strength 0–1), sized by importance' });

/** GET /api/map: the check's map alone, and the goals its nodes refer to. */
export const mapViewOutput = z
  .object({ map: networkMap, goals: z.array(z.object({ id: z.string(), statement: z.string(), needs: z.array(z.object({ id: z.string(), name: z.string(), essential: z.boolean() })) })).meta({ description: 'the active goals (or the focused one) and their needs, for naming goalIds and needs' }) })
  .meta({ id: 'MapView' });

export const checkReportOutput = z
  .object({
    map: networkMap,
    quadrants: z.object({
      maintain: z.array(finding),
      strengthen: z.array(finding),
      overInvested: z.array(finding),
      letBe: z.array(finding),
      totals: z.object({ maintain: totals, strengthen: totals, overInvested: totals, letBe: totals }),
    }),
    goals: z.looseObject({ status: z.string(), message: z.string().nullable(), items: z.array(z.looseObject({ goalId: z.string(), statement: z.string(), verdict: z.enum(['covered', 'thin', 'missing']), score: z.number(), needs: z.array(needCoverage), gaps: z.array(gap), risks: z.array(gap), why, next: z.string() })) }),
    diversity: z.looseObject({ counts: z.array(z.object({ category: z.string(), label: z.string(), count: z.number() })), uncategorised: z.number(), total: z.number(), gaps: z.array(gap) }),
    startHere: z.object({ items: z.array(finding), message: z.string().nullable() }),
    reciprocity: z.looseObject({ overall: z.looseObject({ exchanges: z.number(), gave: z.number(), received: z.number(), direction: z.string(), why, next: z.string() }), oneWay: z.array(finding) }),
    neglect: z.object({ overdue: z.array(finding), fading: z.array(finding), lostJobList: z.array(finding) }),
    weakTies: z.object({ items: z.array(finding), message: z.string().nullable() }),
    transition: z.looseObject({ status: z.string(), message: z.string().nullable(), items: z.array(z.looseObject({ goalId: z.string(), keep: z.array(finding), reduce: z.array(finding), build: z.array(finding), gaps: z.array(gap) })) }),
    summary: z.looseObject({
      today: z.string(),
      headlines: z.array(z.string()),
      cards: z.array(
        z.object({
          code: z.string(),
          text: z.string(),
          action: z.string(),
          target: z.union([
            z.object({ kind: z.enum(['person', 'network']), id: z.string(), name: z.string() }),
            z.object({ kind: z.literal('section'), section: z.enum(['quadrants', 'goals', 'start-here', 'diversity', 'reciprocity', 'neglect', 'weak-ties', 'transition']) }),
            z.object({ kind: z.literal('start'), what: z.enum(['add-person', 'add-goal', 'whole-check']) }),
          ]),
        }),
      ),
    }),
  })
  .meta({ id: 'CheckReport' });

const cutOf = (item: z.ZodType) => z.object({ items: z.array(item), total: z.number().int().meta({ description: 'how many in all; read the rest from GET /api/check/parts/{part}' }) });

/** GET /api/check/summary: what a page shows first, every list cut to its first items. */
export const checkSummaryOutput = z
  .looseObject({
    summary: z.looseObject({ today: z.string(), headlines: z.array(z.string()) }),
    map: z.object({ nodes: z.number().int(), edges: z.number().int(), focusGoalId: z.string().nullable() }),
    quadrants: z.looseObject({ totals: z.object({ maintain: totals, strengthen: totals, overInvested: totals, letBe: totals }), maintain: cutOf(finding), strengthen: cutOf(finding), overInvested: cutOf(finding), letBe: cutOf(finding) }),
    goals: z.looseObject({ status: z.string(), message: z.string().nullable(), items: z.array(z.looseObject({ goalId: z.string(), verdict: z.enum(['covered', 'thin', 'missing']), contributorsTotal: z.number().int() })) }),
    diversity: z.looseObject({ total: z.number() }),
    startHere: cutOf(finding).extend({ message: z.string().nullable() }),
    reciprocity: z.looseObject({ overall: z.looseObject({ exchanges: z.number() }), oneWay: cutOf(finding), balances: z.object({ total: z.number().int() }) }),
    neglect: z.object({ overdue: cutOf(finding), fading: cutOf(finding), lostJobList: cutOf(finding) }),
    weakTies: cutOf(finding).extend({ message: z.string().nullable() }),
    transition: z.looseObject({ status: z.string(), message: z.string().nullable() }),
  })
  .meta({ id: 'CheckSummaryView', description: "The check's counts, verdicts and headlines, and the first items of every list with each list's length" });

/** GET /api/check/parts/{part}: one page of one list of the check. */
export const checkPartOutput = z.object({ items: z.array(z.looseObject({})), total: z.number().int() }).meta({ id: 'CheckPartPage' });
