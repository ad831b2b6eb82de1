import { sql } from 'kysely';
import type { ServiceContext } from './context.js';
import { chunks } from '../storage/chunks.js';

/**
 * Keeps `people.goal_relevance` current: a person's highest relevance to an active
 * goal (0 without one), which the people list's quadrant filter reads as the check
 * does (important: importance ≥ 4 or relevance ≥ 4 to an active goal). Called inside
 * the transaction of every write that links or unlinks a person and a goal, or changes
 * or removes a goal; for these people, the people linked to `goalId`, or everyone.
 */
export async function refreshGoalRelevance(ctx: ServiceContext, who: { personIds: readonly string[] } | { goalId: string } | 'everyone'): Promise<void> {
  const best = sql<number>`coalesce((select max(pg.relevance) from person_goals pg join goals g on g.id = pg.goal_id where pg.person_id = people.id and g.status = 'active'), 0)`;
  const update = () => ctx.db.updateTable('people').set({ goalRelevance: best }).where('workspaceId', '=', ctx.workspaceId);
  if (who === 'everyone') {
    await update().execute();
  } else if ('goalId' in who) {
    await update()
      .where('id', 'in', (eb) => eb.selectFrom('personGoals').select('personGoals.personId').where('personGoals.goalId', '=', who.goalId))
      .execute();
  } else {
    for (const ids of chunks([...new Set(who.personIds)])) await update().where('id', 'in', ids).execute();
  }
}
