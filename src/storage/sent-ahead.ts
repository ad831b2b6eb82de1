import { PostgresAdapter, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/*
 * PostgreSQL: a write whose answer nobody reads, held by the transaction's connection and sent with the
 * statement after it, in one message (postgres.ts, PreparingClient): one round trip for both where there
 * were two. A write to a few people holds the workspace's counter locked from its first statement to its
 * COMMIT (people-list-patch.ts), and the workspace's writes wait for each other on that lock; under a load
 * of reads each round trip inside it also waits its turn on the requests' thread (issue 15: 3-4 ms each in
 * the mixed run, the writes' line the bound of its reads). So a person's edit sends its update with the
 * version read and the COMMIT, and a logged exchange its insert with the journal's update.
 *
 * The statement's own answer is never seen: it resolves as soon as the connection holds it. Should it fail,
 * the statement it travels with fails with its error, the transaction is rolled back, and the caller hears
 * the failure there, inside the same transaction: nothing it wrote is kept.
 */

/** What ends the text of a statement the connection holds until the next one: the connection knows it by this. */
export const SENT_AHEAD = '\n-- waggle: sent with the statement after it';

/** `text` marked to be held for the transaction's next statement when `db` is a PostgreSQL transaction; as it is elsewhere. */
export function aheadWhereHeld(db: Kysely<Database>, text: string): string {
  return db.isTransaction && db.getExecutor().adapter instanceof PostgresAdapter ? `${text}${SENT_AHEAD}` : text;
}

/**
 * Runs `query`, a write whose result is not needed (no rows, no count), sent with the transaction's next
 * statement on PostgreSQL. Outside a transaction, or on SQLite (no round trip to save), it runs at once.
 */
export async function writeAhead(db: Kysely<Database>, query: Compilable<unknown>): Promise<void> {
  const compiled = query.compile();
  await db.executeQuery({ ...compiled, sql: aheadWhereHeld(db, compiled.sql) });
}
