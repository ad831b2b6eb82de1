import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createPostgresDialect } from '../storage/postgres.js';
import { freshDatabase } from './databases.js';

/** The one table the connection-level tests of storage/postgres.ts write. */
export type NotesDb = { notes: { id: number; body: string } };

export interface NotesOnTwoConnections {
  /** One pooled connection: whatever it remembers of one transaction meets the next. */
  readonly db: Kysely<NotesDb>;
  /** Another handle with a connection of its own: it sees only what `db` committed. */
  readonly other: Kysely<NotesDb>;
  /** The bodies of the notes, in id order, as `other` reads them. */
  bodies(): Promise<string[]>;
}

/**
 * For the suite it is called in: a fresh PostgreSQL database with a `notes` table, made before the suite's tests and
 * dropped after them, reached by two handles of one pooled connection each.
 */
export function notesOnTwoConnections(): NotesOnTwoConnections {
  let handles: { db: Kysely<NotesDb>; other: Kysely<NotesDb> } | undefined;
  let dispose = async () => {};
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres');
    dispose = fresh.dispose;
    if (fresh.config.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
    handles = { db: new Kysely<NotesDb>({ dialect: createPostgresDialect(fresh.config.url, 1) }), other: new Kysely<NotesDb>({ dialect: createPostgresDialect(fresh.config.url, 1) }) };
    await sql`create table notes (id int primary key, body text not null)`.execute(handles.db);
  });
  afterAll(async () => {
    await handles?.db.destroy();
    await handles?.other.destroy();
    await dispose();
  });
  const made = () => {
    if (!handles) throw new Error('the notes database is made before the suite’s tests');
    return handles;
  };
  return {
    get db() {
      return made().db;
    },
    get other() {
      return made().other;
    },
    async bodies() {
      return (await made().other.selectFrom('notes').select('body').orderBy('id').execute()).map((row) => row.body);
    },
  };
}
