import type { ServiceContext } from './context.js';
import { chunks } from '../storage/chunks.js';
import { refreshGoalRelevanceOf } from '../storage/derived.js';

/**
 * Keeps `people.goal_relevance` current: a person's highest relevance to an active
 * goal (0 without one), which the people list's quadrant filter reads as the check
 * does (important: importance ≥ 4 or relevance ≥ 4 to an active goal). Called inside
 * the transaction of every write that links or unlinks a person and a goal, or changes
 * or removes a goal; for these people, the people linked to `goalId`, or everyone.
 */
export async function refreshGoalRelevance(ctx: ServiceContext, who: { personIds: readonly string[] } | { goalId: string } | 'everyone'): Promise<void> {
  if (who === 'everyone' || 'goalId' in who) return refreshGoalRelevanceOf(ctx.db, ctx.workspaceId, who);
  for (const ids of chunks([...new Set(who.personIds)])) await refreshGoalRelevanceOf(ctx.db, ctx.workspaceId, { ids });
}
