import type { Updateable } from 'kysely';
import type { GoalFilter } from '../contract/filters.js';
import type { CreateGoalInput, UpdateGoalInput } from '../contract/inputs.js';
import { AmbiguousReferenceError, NotFoundError } from '../core/errors.js';
import type { Goal } from '../core/model.js';
import type { GoalsTable } from '../storage/schema.js';
import { inTransaction, nowTimestamp, type ServiceContext } from './context.js';
import { refreshGoalRelevance } from './goal-relevance.js';
import { pruneServes, reconcileNeeds } from './goal-needs.js';
import { nameKey } from './keys.js';
import type { Page } from './people.js';
import { deleteGoal, findGoalRow, goalStatements, insertGoal, selectGoals, toGoal, updateGoalRow } from '../storage/goals.js';
import { scrubAfterErase } from '../storage/erasure.js';

export async function createGoal(ctx: ServiceContext, input: CreateGoalInput): Promise<Goal> {
  const id = ctx.ids('goal');
  const now = nowTimestamp(ctx);
  await insertGoal(ctx.db, {
    id,
    workspaceId: ctx.workspaceId,
    statement: input.statement,
    horizon: input.horizon ?? null,
    needs: JSON.stringify(reconcileNeeds(ctx, [], input.needs ?? [])),
    transitionFrom: input.transitionFrom ?? null,
    transitionTo: input.transitionTo ?? null,
    status: input.status ?? 'active',
    createdAt: now,
    updatedAt: now,
  });
  return getGoal(ctx, id);
}

export async function updateGoal(ctx: ServiceContext, id: string, patch: UpdateGoalInput): Promise<Goal> {
  await inTransaction(ctx, async (trx) => {
    const current = await getGoal(trx, id);
    const { needs, ...plain } = patch;
    const changes: Updateable<GoalsTable> = { ...plain, updatedAt: nowTimestamp(trx) };
    const reconciled = needs === undefined ? null : reconcileNeeds(trx, current.needs, needs);
    if (reconciled) changes.needs = JSON.stringify(reconciled);
    await updateGoalRow(trx.db, trx.workspaceId, id, changes);
    if (reconciled) await pruneServes(trx, id, new Set(reconciled.map((n) => n.id)));
    if (plain.status !== undefined && plain.status !== current.status) await refreshGoalRelevance(trx, { goalId: id });
  });
  return getGoal(ctx, id);
}

export async function removeGoal(ctx: ServiceContext, id: string): Promise<Goal> {
  const removed = await inTransaction(ctx, async (trx) => {
    const goal = await getGoal(trx, id);
    const linked = await deleteGoal(trx.db, trx.workspaceId, id);
    await refreshGoalRelevance(trx, { personIds: linked });
    return goal;
  });
  await scrubAfterErase(ctx.db, { kind: 'record' });
  return removed;
}

export async function getGoal(ctx: ServiceContext, id: string): Promise<Goal> {
  const row = await findGoalRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFoundError('goal', id);
  return toGoal(row);
}

export async function listGoals(ctx: ServiceContext, filter: GoalFilter = {}): Promise<Page<Goal>> {
  const { rows, total } = await selectGoals(ctx.db, ctx.workspaceId, filter);
  return { items: rows.map(toGoal), total };
}

/** Finds a goal by id, or by its statement when exactly one goal has it. */
export async function resolveGoal(ctx: ServiceContext, ref: string): Promise<string> {
  const rows = await goalStatements(ctx.db, ctx.workspaceId);
  const byId = rows.find((r) => r.id === ref);
  if (byId) return byId.id;
  const key = nameKey(ref);
  const matches = rows.filter((r) => nameKey(r.statement) === key);
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) throw new AmbiguousReferenceError('goal', ref, matches.map((m) => ({ id: m.id, name: m.statement })));
  throw new NotFoundError('goal', ref);
}
