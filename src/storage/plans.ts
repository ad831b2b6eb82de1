import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { PlanTarget } from '../core/model.js';
import type { Stage, TargetSource, TargetStatus } from '../core/vocabulary.js';
import { chunks } from './chunks.js';
import { compiledOnce } from './compiled-once.js';
import type { Database } from './schema.js';

type PlanTargetsTable = Database['planTargets'];

/* The plan aggregate: a month's targets. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toPlanTarget(row: Selectable<PlanTargetsTable>): PlanTarget {
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

/** A month's targets, in the order they were planned. */
export async function selectTargets(db: Kysely<Database>, workspaceId: string, month: string): Promise<Selectable<PlanTargetsTable>[]> {
  return db.selectFrom('planTargets').selectAll().where('workspaceId', '=', workspaceId).where('month', '=', month).orderBy('createdAt').orderBy('id').execute();
}

/** Every open target of the workspace, any month: what the calendar feed shows. */
export async function selectOpenTargets(db: Kysely<Database>, workspaceId: string): Promise<Selectable<PlanTargetsTable>[]> {
  return db.selectFrom('planTargets').selectAll().where('workspaceId', '=', workspaceId).where('status', '=', 'open').execute();
}

export async function findTargetRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<Selectable<PlanTargetsTable> | undefined> {
  return db.selectFrom('planTargets').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertTarget(db: Kysely<Database>, row: Insertable<PlanTargetsTable>): Promise<void> {
  await db.insertInto('planTargets').values(row).execute();
}

export async function updateTargetRow(db: Kysely<Database>, id: string, changes: Updateable<PlanTargetsTable>): Promise<void> {
  await db.updateTable('planTargets').set(changes).where('id', '=', id).execute();
}

/** Called when an exchange is removed, before it is deleted: the targets it completed are open again. Says how many. */
export async function reopenTargetsCompletedBy(db: Kysely<Database>, workspaceId: string, exchangeId: string): Promise<number> {
  const result = await db
    .updateTable('planTargets')
    .set({ status: 'open', closedOn: null, exchangeId: null })
    .where('workspaceId', '=', workspaceId)
    .where('exchangeId', '=', exchangeId)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The open targets of `month` for these people are done, by this exchange on this day. Says how many. */
export async function completeOpenTargets(db: Kysely<Database>, workspaceId: string, month: string, personIds: readonly string[], exchangeId: string, occurredOn: string): Promise<number> {
  const result = await openTargetsCompleted(db, { workspaceId, month, personIds, exchangeId, occurredOn });
  return Number(result.numAffectedRows ?? 0);
}

/** The month's open targets among `personIds` marked done by exchange `exchangeId` (also a part of storage/journal.ts insertExchangeWithOnePerson). */
export const openTargetsCompletedUpdate = (db: Kysely<Database>, v: { workspaceId: string; month: string; personIds: readonly string[]; exchangeId: string; occurredOn: string }) =>
  db
    .updateTable('planTargets')
    .set({ status: 'done', closedOn: v.occurredOn, exchangeId: v.exchangeId })
    .where('workspaceId', '=', v.workspaceId)
    .where('month', '=', v.month)
    .where('status', '=', 'open')
    .where('personId', 'in', [...v.personIds]);

/** Run by every logged exchange: compiled once (compiled-once.ts). */
const openTargetsCompleted = compiledOnce((db, v: { workspaceId: string; month: string; personIds: readonly string[]; exchangeId: string; occurredOn: string }) => openTargetsCompletedUpdate(db, v));

/** These people's names and stages (those still in the workspace): what the plan's suggestions show of each. */
export async function selectNamesAndStages(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<{ id: string; name: string; stage: Stage }[]> {
  const out: { id: string; name: string; stage: Stage }[] = [];
  for (const chunk of chunks([...ids])) {
    for (const row of await db.selectFrom('people').select(['id', 'name', 'stage']).where('workspaceId', '=', workspaceId).where('id', 'in', chunk).execute()) out.push({ id: row.id, name: row.name, stage: row.stage as Stage });
  }
  return out;
}
