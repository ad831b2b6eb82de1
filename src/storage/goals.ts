import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { GoalFilter } from '../contract/filters.js';
import type { Goal, GoalNeed } from '../core/model.js';
import type { GoalStatus } from '../core/vocabulary.js';
import { parseJsonList } from './columns.js';
import type { Database, GoalsTable } from './schema.js';

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

/** Goals are kept in the order they were made: the workspace's list, a page of it, and their count. */
export async function selectGoals(db: Kysely<Database>, workspaceId: string, filter: GoalFilter = {}): Promise<{ rows: Selectable<GoalsTable>[]; total: number }> {
  let base = db.selectFrom('goals').where('workspaceId', '=', workspaceId);
  if (filter.status) base = base.where('status', '=', filter.status);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  let rows = base.selectAll().orderBy('createdAt').orderBy('id');
  if (filter.limit !== undefined) rows = rows.limit(filter.limit);
  if (filter.offset !== undefined) rows = (filter.limit === undefined ? rows.limit(Number.MAX_SAFE_INTEGER) : rows).offset(filter.offset);
  return { rows: await rows.execute(), total: Number(counted.count) };
}

export async function findGoalRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<Selectable<GoalsTable> | undefined> {
  return db.selectFrom('goals').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Every goal's id and statement: what a goal named by its statement is looked up in. */
export async function goalStatements(db: Kysely<Database>, workspaceId: string): Promise<{ id: string; statement: string }[]> {
  return db.selectFrom('goals').select(['id', 'statement']).where('workspaceId', '=', workspaceId).execute();
}

export async function insertGoal(db: Kysely<Database>, row: Insertable<GoalsTable>): Promise<void> {
  await db.insertInto('goals').values(row).execute();
}

export async function updateGoalRow(db: Kysely<Database>, workspaceId: string, id: string, changes: Updateable<GoalsTable>): Promise<void> {
  await db.updateTable('goals').set(changes).where('id', '=', id).where('workspaceId', '=', workspaceId).execute();
}

/** Deletes a goal (its links go with it, by the foreign keys) and returns the people it was linked to. */
export async function deleteGoal(db: Kysely<Database>, workspaceId: string, id: string): Promise<string[]> {
  const linked = (await db.selectFrom('personGoals').select('personId').where('goalId', '=', id).execute()).map((l) => l.personId);
  await db.deleteFrom('goals').where('id', '=', id).where('workspaceId', '=', workspaceId).execute();
  return linked;
}
