import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { openSession } from '../services/session.js';
import { freshSession } from '../test-support/fresh-session.js';
import { defaultPoolSize, isLocalPostgres, REMOTE_POOL_SIZE } from './postgres-pool-size.js';
import { UnavailableError } from '../core/errors.js';
import { connectionLost } from './postgres-reach.js';
import { backendRunning, terminateBackend } from '../test-support/postgres-backends.js';

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

/**
 * A connection the server ends while a request holds it: a statement running on it fails; a
 * connection held between statements (a transaction waiting on something else, as a write waits
 * for its turn) is told by an 'error' on the client, which the pool listens for only while the
 * client is idle. Unheard, that error ended the whole process, every other request with it.
 */
describe('PostgreSQL connections the server ends while in use', () => {
  const world = freshSession('postgres');

  /** Ends, from a connection of its own, the backend whose pid is given. */
  const terminate = async (pid: number) => {
    expect(await terminateBackend((world.config as { url: string }).url, pid)).toBe(true);
  };
  /** Errors nobody caught while `work` ran and shortly after (the client's 'error' is emitted on the socket's turn). */
  const uncaughtDuring = async (work: () => Promise<void>) => {
    const uncaught: unknown[] = [];
    const hear = (error: unknown) => void uncaught.push(error);
    process.prependListener('uncaughtException', hear);
    try {
      await work();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.removeListener('uncaughtException', hear);
    }
    return uncaught;
  };

  it('fail the statement running on them, and nothing else: the process goes on and the next query opens another', async () => {
    const { db } = world.session.ctx;
    const uncaught = await uncaughtDuring(async () => {
      // Its failure taken as it comes (it may come before the wait below reaches it).
      const running = sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(5)`.execute(db).then(
        () => null,
        (error: unknown) => error,
      );
      // The running statement's backend, found by what it runs.
      const pid = await backendRunning((world.config as { url: string }).url, 'pg_sleep(5)');
      expect(pid).toBeDefined();
      await terminate(pid as number);
      const failure = await running;
      // Told apart from a statement's own fault (driver-errors.ts: the API answers it 503, to be asked again), the driver's words under it.
      expect(failure).toBeInstanceOf(UnavailableError);
      expect(String((failure as UnavailableError).cause)).toMatch(/terminating connection/);
      expect(connectionLost((failure as UnavailableError).cause)).toBe(true);
    });
    expect(uncaught).toEqual([]);
    const after = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(after.rows[0]!.one).toBe(1);
  });

  it('fail the transaction holding them between its statements: it rolls back, and the process goes on', async () => {
    const { db } = world.session.ctx;
    const uncaught = await uncaughtDuring(async () => {
      const transaction = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        // Ended while the transaction holds its connection and waits on something else.
        await terminate(rows[0]!.pid);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(trx);
      });
      const failure = await transaction.then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(UnavailableError);
      expect(connectionLost((failure as UnavailableError).cause)).toBe(true);
    });
    expect(uncaught).toEqual([]);
    const after = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(after.rows[0]!.one).toBe(1);
  });

  it('are never lent to the next request: one pool connection, ended under a statement twenty times, and every next query answers', async () => {
    const { url } = world.config as { url: string };
    // One connection: the next query takes the very one that was ended, unless the pool dropped it.
    const session = await openSession({ kind: 'postgres', url, poolSize: 1 });
    let failedNext = 0;
    try {
      for (let round = 0; round < 20; round++) {
        const running = sql`select pg_sleep(5)`.execute(session.ctx.db).then(
          () => null,
          (error: unknown) => error,
        );
        const pid = await backendRunning(url, 'pg_sleep(5)');
        expect(pid).toBeDefined();
        await terminateBackend(url, pid as number);
        expect(await running).toBeInstanceOf(UnavailableError);
        // At once: before the socket's close has arrived.
        failedNext += await sql`select 1`.execute(session.ctx.db).then(
          () => 0,
          () => 1,
        );
      }
    } finally {
      await session.close();
    }
    expect(failedNext).toBe(0);
  });

  it('are not confused with a statement that fails on its own', async () => {
    const failure = await sql`select * from no_such_table`.execute(world.session.ctx.db).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String(failure)).toMatch(/no_such_table/);
    expect(failure).not.toBeInstanceOf(UnavailableError);
    expect(connectionLost(failure)).toBe(false);
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

  it('by default holds twice the cores and two more for a PostgreSQL on this machine', async () => {
    const { url } = world.config as { url: string };
    expect(isLocalPostgres(url)).toBe(true);
    const expected = defaultPoolSize(url, availableParallelism());
    expect(expected).toBeLessThan(REMOTE_POOL_SIZE + 1);
    expect(await connectionsWhileBusy('waggle_pool_default', undefined, expected + 4)).toBe(expected);
  });
});
