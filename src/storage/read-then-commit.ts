/*
 * PostgreSQL: a transaction's last read and its COMMIT sent as one message, one round trip where they
 * were two. A write to a few people holds the workspace's counter locked from its first statement to its
 * COMMIT (people-list-patch.ts), and the writes to a workspace wait for each other on that lock; under a
 * load of reads each round trip inside it also waits its turn on the requests' thread, so one fewer is one
 * wait fewer for every write in the line.
 *
 * The connection (postgres.ts, PreparingClient and ReadThenCommit) sends the read by the extended protocol,
 * with its values beside the text and kept prepared when its text is named (prepared-statements.ts), then
 * the COMMIT, then one Sync. It gives back the read's rows, and answers the COMMIT Kysely sends after the
 * transaction's work without sending it: the transaction has ended already. When the read fails, PostgreSQL
 * skips the COMMIT and the transaction is left aborted, for Kysely's ROLLBACK to end; when the COMMIT fails,
 * PostgreSQL has rolled the transaction back, and that ROLLBACK finds none to end (a warning, not an error).
 * Once sent as one text of two statements (PostgreSQL's simple protocol, which takes no values), the read's
 * values were written into it as literals, and PostgreSQL parsed and planned it anew on every write, inside
 * the lock (issue 15: 2,882 plannings in a 15 s mixed run, 0.16 ms each).
 */

/** What ends a statement text that commits after its read: the connection knows it by this, and sends the read without it. */
export const COMMITTING = ';\ncommit -- waggle: the read before it is its transaction’s last';

/** `select` (one read, its values `$1`, `$2`… given beside it), then the COMMIT of its transaction, as one text. */
export function readThenCommit(select: string): string {
  return `${select}${COMMITTING}`;
}

/** The read of a text readThenCommit made. */
export const readOf = (text: string): string => text.slice(0, text.length - COMMITTING.length);
