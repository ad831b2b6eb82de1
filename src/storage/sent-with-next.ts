/*
 * PostgreSQL: statements a connection may hold back and send with the statement after them, in one
 * message (postgres.ts, PreparingClient): a statement whose own answer nobody reads (a lock taken, a row
 * written whose result is not looked at), so its round trip can be saved. Its answer is given at once,
 * with no rows; should it fail, the statement sent after it fails with its error, and the transaction is
 * aborted as it would have been had it gone alone. Only texts marked here are held, and only inside a
 * transaction: outside one, each statement is its own.
 *
 * This module only marks texts; storage/postgres.ts holds and sends them (no driver is loaded here).
 */

const held = new Set<string>();

/** At most this many texts are marked (a statement built from a request's fields has a text per set of fields): past that, each goes alone. */
export const MAX_SENT_WITH_THE_NEXT = 200;

/** Marks `text` as one a transaction's connection may send with its next statement (above), and returns it unchanged; past MAX_SENT_WITH_THE_NEXT texts, unmarked. */
export function sentWithTheNext(text: string): string {
  if (held.size < MAX_SENT_WITH_THE_NEXT) held.add(text);
  return text;
}

/** Whether `text` is marked to go with the statement after it. */
export function isSentWithTheNext(text: string): boolean {
  return held.has(text);
}
