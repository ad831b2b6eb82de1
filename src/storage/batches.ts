import type { Insertable, Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/** Inserts rows into a table 100 a statement: every batch stays under both databases' parameter limits. */
export async function insertInBatches<T extends keyof Database>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  for (const batch of chunks(rows, 100)) if (batch.length) await db.insertInto(table).values(batch as never).execute();
}
