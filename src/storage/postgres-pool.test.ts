import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { openSession } from '../services/session.js';
import { freshSession } from '../test-support/fresh-session.js';
import { defaultPoolSize, isLocalPostgres, REMOTE_POOL_SIZE } from './postgres-pool-size.js';

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

/** The pool's size (postgres-pool-size.ts): never more connections than it says, whatever is asked at once. */
describe('the PostgreSQL pool size', () => {
  const world = freshSession('postgres');

  /** Opens a session of its own, its connections named, runs `concurrent` slow statements at once, and counts its connections meanwhile. */
  const connectionsWhileBusy = async (name: string, poolSize: number | undefined, concurrent: number) => {
    const { url } = world.config as { url: string };
    const tagged = `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;
    const session = await openSession({ kind: 'postgres', url: tagged, ...(poolSize === undefined ? {} : { poolSize }) });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const running = Promise.all(Array.from({ length: concurrent }, () => sql`select pg_sleep(0.3)`.execute(session.ctx.db)));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const held = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where application_name = $1', [name]);
      await running;
      return held.rows[0]!.n;
    } finally {
      await admin.end();
      await session.close();
    }
  };

  it('holds no more connections than it is given, the statements beyond it waiting their turn', async () => {
    expect(await connectionsWhileBusy('waggle_pool_two', 2, 6)).toBe(2);
  });

  it('by default holds the cores and one more for a PostgreSQL on this machine', async () => {
    const { url } = world.config as { url: string };
    expect(isLocalPostgres(url)).toBe(true);
    const expected = defaultPoolSize(url, availableParallelism());
    expect(expected).toBeLessThan(REMOTE_POOL_SIZE + 1);
    expect(await connectionsWhileBusy('waggle_pool_default', undefined, expected + 4)).toBe(expected);
  });
});
