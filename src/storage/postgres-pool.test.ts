import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshSession } from '../test-support/fresh-session.js';

/** The pool's idle connections ended by the server (a restart, an administrator, a network cut) must not end the process. */
describe('PostgreSQL connections the server ends', () => {
  const world = freshSession('postgres');

  it('are dropped and replaced: the next query opens another, and nothing is thrown in between', async () => {
    const { db } = world.session.ctx;
    const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    const { url } = world.config as { url: string };
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Every other connection to this database: the pool's, now idle between queries.
      const ended = await admin.query<{ ended: boolean }>('select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      expect(ended.rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The pool hears of the end (an 'error' on an idle client: unheard, it would throw) before the next query.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    expect(after.rows[0]!.pid).not.toBe(before.rows[0]!.pid);
  });
});
