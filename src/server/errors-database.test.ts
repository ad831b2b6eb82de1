import { Hono } from 'hono';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshSession } from '../test-support/fresh-session.js';
import { backendRunning, terminateBackend } from '../test-support/postgres-backends.js';
import { errorResponse } from './errors.js';

/** What a client is told when PostgreSQL goes away under its request (storage/driver-errors.ts, errors.ts): a 503 to ask again, not a 500. */
describe('a request whose database connection is lost', () => {
  const world = freshSession('postgres');

  /** The driver's own error for a statement whose connection an administrator ended while it ran. */
  const lostConnectionError = async (): Promise<unknown> => {
    const { url } = world.config as { url: string };
    const running = sql`select pg_sleep(5)`.execute(world.session.ctx.db).then(
      () => null,
      (error: unknown) => error,
    );
    // The running statement's backend, found by what it runs, ended as an administrator would.
    const pid = await backendRunning(url, 'pg_sleep(5)');
    const ended = pid !== undefined && (await terminateBackend(url, pid));
    expect(ended).toBe(true);
    return running;
  };

  /** An app whose one route fails with `error`, answered as every route's errors are. */
  const answerTo = async (error: unknown) => {
    const app = new Hono();
    app.get('/fails', () => {
      throw error;
    });
    app.onError((thrown, c) => errorResponse(thrown, c));
    return app.request('/fails');
  };

  it('is answered 503 unavailable with a Retry-After, saying nothing was changed', async () => {
    const error = await lostConnectionError();
    expect(String((error as Error).cause)).toMatch(/terminating connection/);
    const res = await answerTo(error);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/nothing was changed/);
    // The next request is answered on a new connection.
    const after = await sql<{ one: number }>`select 1 as one`.execute(world.session.ctx.db);
    expect(after.rows[0]!.one).toBe(1);
  });

  it('leaves a statement failing on its own a 500 that tells nothing of our insides', async () => {
    const error = await sql`select * from no_such_table`.execute(world.session.ctx.db).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    const res = await answerTo(error);
    expect(res.status).toBe(500);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(JSON.stringify(await res.json())).not.toMatch(/no_such_table/);
  });
});
