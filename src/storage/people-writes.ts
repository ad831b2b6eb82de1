import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/*
 * Writes to a person's row that other use cases make as a side effect (a date or a photo
 * changed). They belong to the people aggregate; they sit apart from people.ts while
 * that module's listing queries are being rewritten for speed, to be folded in after.
 */

/** Marks the person changed now, as a change to their dates or photo does. */
export async function touchPerson(db: Kysely<Database>, workspaceId: string, personId: string, now: string): Promise<void> {
  await db.updateTable('people').set({ updatedAt: now }).where('id', '=', personId).where('workspaceId', '=', workspaceId).execute();
}
