import type { Selectable } from 'kysely';
import type { Goal, GoalNeed } from '../core/model.js';
import type { GoalStatus } from '../core/vocabulary.js';
import { parseJsonList } from './columns.js';
import type { GoalsTable } from './schema.js';

/* The goals aggregate. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toGoal(row: Selectable<GoalsTable>): Goal {
  return {
    id: row.id,
    statement: row.statement,
    horizon: row.horizon,
    needs: parseJsonList<GoalNeed>(row.needs),
    transitionFrom: row.transitionFrom,
    transitionTo: row.transitionTo,
    status: row.status as GoalStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
