import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Month, Person, PlanSettings, PlanTarget } from '../core/model.js';
import { capStatusOf, IN_PROGRESS_STAGES, monthOf, planProgress, shiftMonth, suggestFromQueues, takesAPlace, type CapStatus, type PlanProgress, type SuggestedPerson, type Suggestions } from '../core/plan.js';
import type { TargetSource, TargetStatus } from '../core/vocabulary.js';
import { servedCheck } from './check.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { getPerson, listPeople } from './people.js';
import { findTargetRow, insertTarget, selectNamesAndStages, selectTargets, toPlanTarget, updateTargetRow } from '../storage/plans.js';
import { readPlanSettings, writePlanSettings } from '../storage/workspaces.js';
import { getProfile } from './workspace.js';

export async function getPlanSettings(ctx: ServiceContext): Promise<PlanSettings> {
  return readPlanSettings(ctx.db, ctx.workspaceId);
}

export async function updatePlanSettings(ctx: ServiceContext, patch: Partial<PlanSettings>): Promise<PlanSettings> {
  if (Object.keys(patch).length > 0) await writePlanSettings(ctx.db, ctx.workspaceId, patch, nowTimestamp(ctx));
  return getPlanSettings(ctx);
}

export function currentMonth(ctx: ServiceContext): Month {
  return monthOf(today(ctx));
}

export async function listTargets(ctx: ServiceContext, month: Month): Promise<PlanTarget[]> {
  return (await selectTargets(ctx.db, ctx.workspaceId, month)).map(toPlanTarget);
}

export interface PlannedTarget extends PlanTarget {
  person: Pick<Person, 'id' | 'name' | 'stage' | 'preferredChannel' | 'lastExchangeOn' | 'notes' | 'organisation'>;
}

export interface PlanView {
  month: Month;
  today: string;
  settings: PlanSettings;
  targets: PlannedTarget[];
  progress: PlanProgress;
  cap: CapStatus;
  /** Working out loud: shown with the plan. */
  workingOn: string | null;
}

/** The month's plan with its people, progress and the new-relationship cap. */
export async function planView(ctx: ServiceContext, month: Month = currentMonth(ctx)): Promise<PlanView> {
  const [settings, targets, profile, inProgress] = await Promise.all([getPlanSettings(ctx), listTargets(ctx, month), getProfile(ctx), countInProgress(ctx)]);
  // Only the planned people are read; the cap counts the rest in SQL.
  const people = await listPeople(ctx, { ids: [...new Set(targets.map((t) => t.personId))] });
  const byId = new Map(people.items.map((p) => [p.id, p]));
  return {
    month,
    today: today(ctx),
    settings,
    targets: targets.flatMap((t) => {
      const p = byId.get(t.personId);
      return p ? [{ ...t, person: { id: p.id, name: p.name, stage: p.stage, preferredChannel: p.preferredChannel, lastExchangeOn: p.lastExchangeOn, notes: p.notes, organisation: p.organisation } }] : [];
    }),
    progress: planProgress(targets, settings),
    cap: capStatusOf(inProgress, people.items, targets, settings),
    workingOn: profile.workingOn,
  };
}

/**
 * How many people are in a stage still in progress: each stage's count as the people list keeps it
 * (storage/people-list.ts: kept per version of the data, caught up with the few people a write
 * changes), where counting them afresh read every such person's index entry each time the plan was
 * worked out again, after any write that could change a stage (4 ms of PostgreSQL's time at 30,000
 * people, 165 times in 20 s of the mixed run). Inside a transaction the list counts afresh itself.
 */
async function countInProgress(ctx: ServiceContext): Promise<number> {
  const pages = await Promise.all(IN_PROGRESS_STAGES.map((stage) => listPeople(ctx, { stage, limit: 1 })));
  return pages.reduce((sum, page) => sum + page.total, 0);
}

/**
 * Suggestions for the month, from the kept network check (its candidates, worked out off the
 * main thread with the check) and the plan and people as they are now: the month's targets, the
 * cap, and the name and stage of only the people the suggestions reach, looked up as reached.
 */
export async function suggestPlan(ctx: ServiceContext, month: Month = currentMonth(ctx)): Promise<Suggestions> {
  const [served, targets, settings, inProgress] = await Promise.all([servedCheck(ctx), listTargets(ctx, month), getPlanSettings(ctx), countInProgress(ctx)]);
  const queues = served.check.suggestionQueues();
  const known = new Map<string, SuggestedPerson | null>();
  const lookUp = async (ids: readonly string[]) => {
    for (const id of ids) known.set(id, null);
    for (const p of await selectNamesAndStages(ctx.db, ctx.workspaceId, ids)) known.set(p.id, p);
  };
  await lookUp([...new Set(targets.map((t) => t.personId))]);
  const planned = targets.flatMap((t) => known.get(t.personId) ?? []);
  const cap = capStatusOf(inProgress, planned, targets, settings);
  for (;;) {
    const answer = suggestFromQueues(queues, (id) => known.get(id), targets, settings, month, cap);
    if (!('wanted' in answer)) return answer;
    await lookUp(answer.wanted);
  }
}

export interface AddedTarget {
  /** The new target, or the one already there when the person was planned before. */
  target: PlanTarget;
  /** True when the person was already in the month's plan: nothing was added. */
  alreadyPlanned: boolean;
  /** What happened, in words and without ids, for every view to print. */
  message: string;
  /** Planning past the monthly number or the cap is allowed, with the reason said. */
  warnings: string[];
}

/** The person's target that already holds a place this month (open or done), if any. */
function plannedAlready(targets: readonly PlanTarget[], personId: string): PlanTarget | undefined {
  return targets.find((t) => t.personId === personId && takesAPlace(t));
}

function alreadyPlannedText(name: string, month: Month, target: PlanTarget): string {
  return `${name} is already in your plan for ${month}${target.status === 'done' ? ', and done' : ''}`;
}

/**
 * Puts a person in the month's plan. A suggested person keeps the suggestion's
 * source and reason (accepting); anyone else is the user's own pick, with their
 * reason. Past the monthly number or the cap: a warning, never a refusal.
 * Idempotent: a person already planned this month (open or done) is left as
 * they are, and the answer says so (`alreadyPlanned`), with no warnings repeated.
 */
export async function addTarget(ctx: ServiceContext, input: { personId: string; month?: Month; reason?: string | null }): Promise<AddedTarget> {
  const month = input.month ?? currentMonth(ctx);
  const person = await getPerson(ctx, input.personId);
  // The suggestion's reason is only needed when the user gives none: the check behind it is the costly part.
  const suggestions = input.reason ? null : await suggestPlan(ctx, month);
  const suggested = suggestions ? [...suggestions.suggestions, ...suggestions.alternatives].find((s) => s.personId === person.id) : undefined;
  return inTransaction(ctx, async (trx) => {
    const existing = await listTargets(trx, month);
    const already = plannedAlready(existing, person.id);
    if (already) return { target: already, alreadyPlanned: true, message: `${alreadyPlannedText(person.name, month, already)}: nothing to add.`, warnings: [] };
    const row = {
      id: trx.ids('tgt'),
      workspaceId: trx.workspaceId,
      month,
      personId: person.id,
      source: (input.reason ? 'own' : (suggested?.source ?? 'own')) as TargetSource,
      reason: input.reason ?? suggested?.reason ?? 'Your own pick for this month.',
      status: 'open' as TargetStatus,
      rolledOverFrom: null,
      exchangeId: null,
      closedOn: null,
      createdAt: nowTimestamp(trx),
    };
    await insertTarget(trx.db, row);
    const settings = await getPlanSettings(trx);
    const after = [...existing, toPlanTarget(row)];
    const warnings: string[] = [];
    const placed = after.filter(takesAPlace).length;
    if (placed > settings.monthlyTargets) {
      warnings.push(`This makes ${placed} people for ${month}, past your monthly number of ${settings.monthlyTargets}: a steady few beats a rushed many.`);
    }
    if (person.stage === 'to-meet') {
      // Counted in SQL, and only the planned people's stages read: not everyone (tens of thousands after an import).
      const planned = await selectNamesAndStages(trx.db, trx.workspaceId, [...new Set(after.map((t) => t.personId))]);
      const cap = capStatusOf(await countInProgress(trx), planned, after, settings);
      if (cap.over && cap.warning) warnings.push(cap.warning);
    }
    return { target: toPlanTarget(row), alreadyPlanned: false, message: `${person.name} is planned for ${month}.`, warnings };
  });
}

async function getTarget(ctx: ServiceContext, id: string): Promise<PlanTarget> {
  const row = await findTargetRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFoundError('plan target', id);
  return toPlanTarget(row);
}

/** Finds this month's open target for a person, for commands that name the person. */
export async function findOpenTarget(ctx: ServiceContext, personId: string, month: Month = currentMonth(ctx)): Promise<PlanTarget> {
  const target = (await listTargets(ctx, month)).find((t) => t.personId === personId && t.status === 'open');
  if (!target) throw new NotFoundError('open plan target for this person in', month);
  return target;
}

export async function closeTarget(ctx: ServiceContext, id: string, status: 'done' | 'dropped', exchangeId: string | null = null): Promise<PlanTarget> {
  const target = await getTarget(ctx, id);
  if (target.status !== 'open') throw new ConflictError(`That target is already ${target.status}`);
  const closedOn = today(ctx);
  await updateTargetRow(ctx.db, id, { status, closedOn, exchangeId });
  return { ...target, status, closedOn, exchangeId };
}

/** Swaps one target for another person: the old one is dropped, the new one added, in one go. */
export async function swapTarget(ctx: ServiceContext, id: string, personId: string): Promise<AddedTarget> {
  const old = await getTarget(ctx, id);
  if (old.status !== 'open') throw new ConflictError(`Only an open target can be swapped; that one is ${old.status}`);
  const person = await getPerson(ctx, personId);
  const already = plannedAlready(await listTargets(ctx, old.month), person.id);
  if (already) throw new ConflictError(`${alreadyPlannedText(person.name, old.month, already)}: swap in someone who is not.`);
  return inTransaction(ctx, async (trx) => {
    await closeTarget(trx, id, 'dropped');
    return addTarget(trx, { personId, month: old.month });
  });
}

/**
 * Carries the open targets of one month into the next: each becomes "rolled over"
 * where it was, and open again in the new month with the same reason.
 */
export async function rollOver(ctx: ServiceContext, input: { from?: Month; to?: Month } = {}): Promise<PlanTarget[]> {
  const to = input.to ?? currentMonth(ctx);
  const from = input.from ?? shiftMonth(to, -1);
  if (from >= to) throw new ValidationError('--from', `must be a month before ${to}`);
  return inTransaction(ctx, async (trx) => {
    const open = (await listTargets(trx, from)).filter((t) => t.status === 'open');
    const already = new Set((await listTargets(trx, to)).filter((t) => t.status !== 'dropped').map((t) => t.personId));
    const created: PlanTarget[] = [];
    for (const target of open) {
      await updateTargetRow(trx.db, target.id, { status: 'rolled-over', closedOn: today(trx) });
      if (already.has(target.personId)) continue;
      const row = {
        id: trx.ids('tgt'),
        workspaceId: trx.workspaceId,
        month: to,
        personId: target.personId,
        source: target.source,
        reason: target.reason,
        status: 'open' as TargetStatus,
        rolledOverFrom: target.id,
        exchangeId: null,
        closedOn: null,
        createdAt: nowTimestamp(trx),
      };
      await insertTarget(trx.db, row);
      created.push(toPlanTarget(row));
    }
    return created;
  });
}
