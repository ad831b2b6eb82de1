import { CamelCasePlugin, PostgresAdapter, type CompiledQuery, type Kysely, type UnknownRow } from 'kysely';
import type { Database } from './schema.js';

/*
 * PostgreSQL: a write whose answer its transaction does not need sent in one message with the
 * statement after it, one round trip where there were two. A write to a few people holds the
 * workspace's counter locked from its first statement to its COMMIT (people-list-patch.ts), the
 * workspace's writes wait for each other on that lock, and under a load of reads each round trip
 * inside it also waits its turn on the requests' thread: in PostgreSQL's mixed run a round trip
 * there took 3-4 ms, and the reads a second are nine times the writes a second (issue 15). A
 * person's edit (its one update, then the version read with the COMMIT) and an exchange logged
 * with one person (the exchange inserted, then the person's journal columns) each lose one.
 *
 * The connection (postgres.ts, PreparingClient) knows such a write by the mark its text ends with:
 * it answers it at once without sending it (no rows, no count: the caller gets nothing from it),
 * and sends it before whatever statement the transaction sends next, by the extended protocol,
 * with one Sync for both; when the write's rows are wanted, they are given to a function the caller
 * passed once the statement after it is answered. The order of the statements is the order they were asked in, whatever
 * comes next (a read, another write, the COMMIT). Should the held write fail, PostgreSQL skips the
 * statement after it up to the Sync and that statement fails with the write's error: the
 * transaction is aborted, as it would have been had the write gone alone, and its ROLLBACK ends it.
 * A ROLLBACK that comes next drops the held write unsent.
 */

/** What ends a write's text that is sent with the statement after it: the connection knows it by this, and sends the write without it. */
export const SENT_WITH_NEXT = '\n-- waggle: sent with the statement after it';
/** SENT_WITH_NEXT for a write whose rows are wanted once it has run: its last value is not a value but the function they are given to. */
export const SENT_WITH_NEXT_ANSWERED = '\n-- waggle: sent with the statement after it, its rows given back';

/** Rows of a held write, given to whoever sent it once it has run (sendWithNext's `answered`). */
export type HeldAnswer = (rows: unknown[]) => void;

/** The write of a marked text (sendWithNext) and its values, with the function its rows go to when one was given; null for any other text. */
export function heldWriteOf(text: string, values: readonly unknown[]): { text: string; values: unknown[]; answered?: HeldAnswer } | null {
  if (text.endsWith(SENT_WITH_NEXT)) return { text: text.slice(0, text.length - SENT_WITH_NEXT.length), values: [...values] };
  if (!text.endsWith(SENT_WITH_NEXT_ANSWERED)) return null;
  const answered = values[values.length - 1];
  if (typeof answered !== 'function') throw new Error('a write sent with the statement after it, its rows given back, ends its values with the function they go to');
  return { text: text.slice(0, text.length - SENT_WITH_NEXT_ANSWERED.length), values: values.slice(0, -1), answered: answered as HeldAnswer };
}

/**
 * Runs `write` inside `db`'s transaction: on PostgreSQL sent with the transaction's next statement (above), elsewhere
 * (SQLite, whose statements are calls in this process, or outside a transaction, where nothing need come next) at once.
 * Resolves once it is handed over: its failure, if any, is the next statement's. Its rows, when `answered` is given,
 * go to it once it has run: at once here, or on PostgreSQL when the statement after it is answered, never before the
 * transaction sends that statement (its COMMIT, at the latest). So `answered` is a callback, not a promise to await: a
 * transaction that waited for them before sending anything more would wait for ever.
 */
export async function sendWithNext(db: Kysely<Database>, write: CompiledQuery, answered?: HeldAnswer): Promise<void> {
  if (!db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const { rows } = await db.executeQuery(write);
    answered?.(rows as unknown[]);
    return;
  }
  if (!answered) {
    await db.executeQuery({ ...write, sql: `${write.sql}${SENT_WITH_NEXT}` });
    return;
  }
  // Its rows as a query run by itself gives them: through the handle's camel-case plugin (the store's has one), synchronously,
  // so they are the caller's before the statement after the write is answered.
  const camelCase = db.getExecutor().plugins.find((plugin): plugin is CamelCasePlugin => plugin instanceof CamelCasePlugin) as { mapRow(row: UnknownRow): UnknownRow } | undefined;
  const given: HeldAnswer = camelCase ? (rows) => answered(rows.map((row) => camelCase.mapRow(row as UnknownRow))) : answered;
  await db.executeQuery({ ...write, sql: `${write.sql}${SENT_WITH_NEXT_ANSWERED}`, parameters: [...write.parameters, given] });
}
