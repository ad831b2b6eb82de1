import type { Insertable, Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/*
 * What capture remembers: every proposal answered (logged or declined), by the source key
 * of the event, message or invitation it came from, so that capturing the same file again
 * proposes nothing twice.
 */

type CapturedItemsTable = Database['capturedItems'];
export type CaptureAnswer = CapturedItemsTable['outcome'];

/** Every answer the workspace has given, by source key. */
export async function selectCaptureAnswers(db: Kysely<Database>, workspaceId: string): Promise<[sourceKey: string, outcome: CaptureAnswer][]> {
  const rows = await db.selectFrom('capturedItems').select(['sourceKey', 'outcome']).where('workspaceId', '=', workspaceId).execute();
  return rows.map((r) => [r.sourceKey, r.outcome]);
}

/** Whether any of these source keys has been answered already. */
export async function anyCaptured(db: Kysely<Database>, workspaceId: string, sourceKeys: readonly string[]): Promise<boolean> {
  for (const batch of chunks(sourceKeys, 500)) {
    const found = await db.selectFrom('capturedItems').select('sourceKey').where('workspaceId', '=', workspaceId).where('sourceKey', 'in', batch).executeTakeFirst();
    if (found) return true;
  }
  return false;
}

export async function insertCapturedItem(db: Kysely<Database>, row: Insertable<CapturedItemsTable>): Promise<void> {
  await db.insertInto('capturedItems').values(row).execute();
}
