import type { Selectable } from 'kysely';
import type { PlanTarget } from '../core/model.js';
import type { TargetSource, TargetStatus } from '../core/vocabulary.js';
import type { Database } from './schema.js';

/* The plan aggregate: a month's targets. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toPlanTarget(row: Selectable<Database['planTargets']>): PlanTarget {
  return {
    id: row.id,
    month: row.month,
    personId: row.personId,
    source: row.source as TargetSource,
    reason: row.reason,
    status: row.status as TargetStatus,
    rolledOverFrom: row.rolledOverFrom,
    exchangeId: row.exchangeId,
    closedOn: row.closedOn,
    createdAt: row.createdAt,
  };
}
