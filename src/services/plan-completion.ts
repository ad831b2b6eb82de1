import { monthOf } from '../core/plan.js';
import { completeOpenTargets, reopenTargetsCompletedBy } from '../storage/plans.js';
import type { ServiceContext } from './context.js';

/**
 * Called when an exchange is removed, before it is deleted: the targets it
 * completed are open again, as if it had never been logged.
 */
export async function reopenTargetsOfExchange(ctx: ServiceContext, exchangeId: string): Promise<number> {
  return reopenTargetsCompletedBy(ctx.db, ctx.workspaceId, exchangeId);
}

/**
 * Called when an exchange is logged, inside its transaction: the exchange
 * completes the open plan targets of its month for the people in it.
 */
export async function completeTargetsByExchange(ctx: ServiceContext, exchangeId: string, personIds: readonly string[], occurredOn: string): Promise<number> {
  if (personIds.length === 0) return 0;
  return completeOpenTargets(ctx.db, ctx.workspaceId, monthOf(occurredOn), personIds, exchangeId, occurredOn);
}
