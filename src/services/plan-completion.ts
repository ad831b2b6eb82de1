import { monthOf } from '../core/plan.js';
import type { ServiceContext } from './context.js';

/**
 * Called when an exchange is logged, inside its transaction: the exchange
 * completes the open plan targets of its month for the people in it.
 */
/**
 * Called when an exchange is removed, before it is deleted: the targets it
 * completed are open again, as if it had never been logged.
 */
export async function reopenTargetsOfExchange(ctx: ServiceContext, exchangeId: string): Promise<number> {
  const result = await ctx.db
    .updateTable('planTargets')
    .set({ status: 'open', closedOn: null, exchangeId: null })
    .where('workspaceId', '=', ctx.workspaceId)
    .where('exchangeId', '=', exchangeId)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function completeTargetsByExchange(ctx: ServiceContext, exchangeId: string, personIds: readonly string[], occurredOn: string): Promise<number> {
  if (personIds.length === 0) return 0;
  const result = await ctx.db
    .updateTable('planTargets')
    .set({ status: 'done', closedOn: occurredOn, exchangeId })
    .where('workspaceId', '=', ctx.workspaceId)
    .where('month', '=', monthOf(occurredOn))
    .where('status', '=', 'open')
    .where('personId', 'in', [...personIds])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
