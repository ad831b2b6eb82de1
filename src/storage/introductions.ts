import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Introduction } from '../core/model.js';
import type { Database } from './schema.js';

/* Introductions: who introduced whom to whom. */

export function toIntroduction(row: Selectable<Database['introductions']>): Introduction {
  return {
    id: row.id,
    byId: row.byId,
    personId: row.personId,
    toId: row.toId,
    madeOn: row.madeOn,
    note: row.note,
    createdAt: row.createdAt,
  };
}

export async function insertIntroduction(db: Kysely<Database>, row: Insertable<Database['introductions']>): Promise<void> {
  await db.insertInto('introductions').values(row).execute();
}

/** Introductions, newest first; with a person, those they took part in on any side. */
export async function selectIntroductions(db: Kysely<Database>, workspaceId: string, filter: { personId?: string } = {}): Promise<Selectable<Database['introductions']>[]> {
  let q = db.selectFrom('introductions').selectAll().where('workspaceId', '=', workspaceId);
  const personId = filter.personId;
  if (personId) q = q.where((eb) => eb.or([eb('byId', '=', personId), eb('personId', '=', personId), eb('toId', '=', personId)]));
  return q.orderBy('madeOn', 'desc').orderBy('id').execute();
}

/** Deletes an introduction; says how many went (0 or 1). */
export async function deleteIntroduction(db: Kysely<Database>, workspaceId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('introductions').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
