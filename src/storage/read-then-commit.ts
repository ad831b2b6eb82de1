/*
 * PostgreSQL: a transaction's last read and its COMMIT sent as one message, one round trip where they
 * were two. A write to a few people holds the workspace's counter locked from its first statement to its
 * COMMIT (people-list-patch.ts), and the writes to a workspace wait for each other on that lock; under a
 * load of reads each round trip inside it also waits its turn on the requests' thread, so one fewer is one
 * wait fewer for every write in the line.
 *
 * One message of two statements has to be PostgreSQL's simple query: no values beside the text, so the
 * read's values are written into it as literals (sqlLiteral, by the driver's own escaping). The connection
 * (postgres.ts, PreparingClient) sends it as it is, gives back the read's rows, and answers the COMMIT
 * Kysely sends after the transaction's work without sending it: the transaction has ended already. When
 * the read or the COMMIT fails, PostgreSQL has rolled the transaction back, and the rollback Kysely then
 * sends finds none to end (a warning, not an error).
 */

/** What ends a statement text that commits after its read: the connection knows it by this. */
export const COMMITTING = ';\ncommit -- waggle: the read before it is its transaction’s last';

/** `select` (a read with no placeholders), then the COMMIT of its transaction, as one text. */
export function readThenCommit(select: string): string {
  if (select.includes('$1')) throw new Error('a read sent with its COMMIT carries its values as literals, not placeholders');
  return `${select}${COMMITTING}`;
}

/**
 * A text value as a PostgreSQL literal, by node-postgres's own rule (its escapeLiteral): quotes doubled, and
 * with a backslash in it, backslashes doubled in an E'' string, so the text means the same whatever
 * standard_conforming_strings says. Written here, not imported: a SQLite process never loads the driver.
 */
export function sqlLiteral(value: string): string {
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return value.includes('\\') ? ` E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/** A list of text values as a PostgreSQL text[] literal expression. */
export const sqlTextArray = (values: readonly string[]): string => (values.length === 0 ? `'{}'::text[]` : `array[${values.map(sqlLiteral).join(', ')}]::text[]`);
