import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A reader of a SQLite file on another thread, beside a handle's own connection: a read sent to it
 * runs on its own read-only connection while the handle's thread goes on answering requests
 * (services/sqlite-read-thread.ts; the server starts one). Its snapshot is taken when the read runs,
 * after everything the handle's connection committed before it was sent: never older than a
 * version read before sending (data-version.ts), which is what a kept answer asks of its reads.
 */
export interface OffThreadReader {
  /** The statement's rows, or undefined when the reader is gone (its thread ended): read on the handle's own connection then. */
  all<R>(sql: string, params: readonly unknown[]): Promise<R[] | undefined>;
}

const readers = new WeakMap<Kysely<Database>, OffThreadReader>();

/** Lets reads of `db` that can go to another thread go to `reader`, until it is taken back. */
export function readOffThread(db: Kysely<Database>, reader: OffThreadReader): () => void {
  readers.set(db, reader);
  return () => {
    if (readers.get(db) === reader) readers.delete(db);
  };
}

/**
 * The reader for `db` itself, or undefined: for a transaction (another object) there is none, so a
 * read inside a write's transaction still sees that write before it commits.
 */
export const offThreadReaderOf = (db: Kysely<Database>): OffThreadReader | undefined => readers.get(db);
