import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { openSession } from '../services/session.js';
import { createPerson, listPeople } from '../services/people.js';
import { freshDatabase } from '../test-support/databases.js';
import { freePort } from '../test-support/postgres-server.js';
import { openStore } from './database.js';

/** The socket form of a fresh database's URL: the suite's server's socket folder, this database's name. */
const throughSocket = (tcpUrl: string) => inject('postgresSocketUrl').replace(/\/postgres\?/, `/${new URL(tcpUrl).pathname.slice(1)}?`);

/** What opening `url` fails with: a ValidationError on DATABASE_URL, or the test fails saying what came instead. */
async function refusal(url: string): Promise<ValidationError> {
  const error = await openStore({ kind: 'postgres', url }).then(
    async (store) => {
      await store.close();
      return null;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toBe('DATABASE_URL');
  return error as ValidationError;
}

describe('PostgreSQL through its Unix socket (DATABASE_URL with ?host=FOLDER)', () => {
  it('makes the schema, writes and reads over the socket, not TCP', async () => {
    const fresh = await freshDatabase('postgres');
    const { url } = fresh.config as { url: string };
    const session = await openSession({ kind: 'postgres', url: throughSocket(url) });
    try {
      await createPerson(session.ctx, { name: 'Ana Silva', organisation: 'Hospital Norte' });
      const page = await listPeople(session.ctx);
      expect(page.items.map((p) => p.name)).toEqual(['Ana Silva']);
      // A socket connection has no client address; a TCP one to 127.0.0.1 has one.
      const { rows } = await sql<{ socket: boolean }>`select client_addr is null as socket from pg_stat_activity where pid = pg_backend_pid()`.execute(session.ctx.db);
      expect(rows[0]?.socket).toBe(true);
    } finally {
      await session.close();
      await fresh.dispose();
    }
  });
});

describe('a PostgreSQL that cannot be used is said to be so, naming DATABASE_URL, not taken for a failed migration', () => {
  it('a socket folder with no server in it', async () => {
    const error = await refusal('postgres://waggle@localhost:5432/waggle?host=%2Fnonexistent%2Fwaggle-socket');
    expect(error.message).toMatch(/^DATABASE_URL: cannot use PostgreSQL at .*: no PostgreSQL socket at \/nonexistent\/waggle-socket\/\.s\.PGSQL\.5432: is the server running/);
  });

  it('a port nothing listens on', async () => {
    const port = await freePort();
    const error = await refusal(`postgres://waggle@127.0.0.1:${port}/waggle`);
    expect(error.message).toContain(`nothing answers at 127.0.0.1:${port}: is PostgreSQL running and listening there?`);
  });

  it('a database never created, with the password hidden', async () => {
    const base = new URL(inject('postgresUrl'));
    base.pathname = '/waggle_never_created';
    base.password = 'hunter2';
    const error = await refusal(base.toString());
    expect(error.message).toContain('database "waggle_never_created" does not exist (create it first');
    expect(error.message).not.toContain('hunter2');
  });
});
