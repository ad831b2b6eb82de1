import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConflictError, UnavailableError } from '../core/errors.js';
import { errorResponse } from '../server/errors.js';
import { createPerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { BUSY_MESSAGE, CONSTRAINT_MESSAGES, ConstraintError, domainErrorOf, violatedConstraint } from './driver-errors.js';
import { SQLITE_FILE_NAME } from './database.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * A broken unique or foreign-key constraint reaches everything above storage as the
 * same ConstraintError, in the same words, on SQLite and on PostgreSQL, with the
 * driver's own error kept as its cause. Each database is real: the errors are the
 * drivers' own. Every test makes its own people, so none leans on another's rows.
 */


/** The error a write was refused with. */
async function refusedWith(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => null,
    (error: unknown) => error,
  );
}

describe.each(DIALECTS)('driver errors become domain errors on %s', (dialect) => {
  const world = freshSession(dialect, { ids: 'random' });
  let made = 0;

  /** Two new people, ids in the order a tie stores them. */
  const twoPeople = async (): Promise<[string, string]> => {
    made += 1;
    const ids = [(await createPerson(world.session.ctx, { name: `Ana ${made}` })).id, (await createPerson(world.session.ctx, { name: `Bo ${made}` })).id].sort();
    return [ids[0]!, ids[1]!];
  };
  // 'per_~nobody' names no one and sorts after every real id ('~' follows the ids' alphabet), so a tie
  // to it passes ties_ordered (person_a < person_b) whatever id the other person drew, and meets the foreign key.
  const tie = (personA: string, personB: string) => world.session.ctx.db.insertInto('ties').values({ workspaceId: world.session.ctx.workspaceId, personA, personB, strength: 3, note: null }).execute();

  it('a unique (primary key) violation is a ConstraintError, a conflict, keeping the driver’s error as its cause', async () => {
    const [a, b] = await twoPeople();
    await tie(a, b);
    const error = await refusedWith(tie(a, b));
    expect(error).toBeInstanceOf(ConstraintError);
    expect(error).toBeInstanceOf(ConflictError);
    const refused = error as ConstraintError;
    expect(refused.code).toBe('conflict');
    expect(refused.constraint).toBe('unique');
    expect(refused.message).toBe(CONSTRAINT_MESSAGES.unique);
    expect((refused.cause as { code?: unknown }).code).toBe(dialect === 'sqlite' ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : '23505');
    expect(violatedConstraint(refused.cause)).toBe('unique');
  });

  it('a foreign-key violation is a ConstraintError too, in its own words', async () => {
    const [a] = await twoPeople();
    const error = await refusedWith(tie(a, 'per_~nobody'));
    expect(error).toBeInstanceOf(ConstraintError);
    const refused = error as ConstraintError;
    expect(refused.code).toBe('conflict');
    expect(refused.constraint).toBe('foreign_key');
    expect(refused.message).toBe(CONSTRAINT_MESSAGES.foreign_key);
    expect((refused.cause as { code?: unknown }).code).toBe(dialect === 'sqlite' ? 'SQLITE_CONSTRAINT_FOREIGNKEY' : '23503');
  });

  it('inside a transaction too, and the transaction is undone', async () => {
    const [a, b] = await twoPeople();
    await tie(a, b);
    const count = async () => (await world.session.ctx.db.selectFrom('ties').select('personA').where('personA', '=', a).execute()).length;
    const error = await refusedWith(
      world.session.ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('ties').where('personA', '=', a).execute();
        await trx.insertInto('ties').values({ workspaceId: world.session.ctx.workspaceId, personA: a, personB: 'per_~nobody', strength: 1, note: null }).execute();
      }),
    );
    expect((error as ConstraintError).constraint).toBe('foreign_key');
    expect(await count()).toBe(1);
  });

  it('other errors pass through untouched: a check constraint, a plain Error, what is not an error at all', async () => {
    const [a, b] = await twoPeople();
    // ties_ordered: person_a < person_b, a check constraint, not a unique or foreign key one.
    const check = await refusedWith(tie(b, a));
    expect(check).toBeInstanceOf(Error);
    expect(check).not.toBeInstanceOf(ConstraintError);
    const plain = new Error('nothing to do with the database');
    expect(domainErrorOf(plain)).toBe(plain);
    expect(domainErrorOf({ code: 'ENOENT' })).toEqual({ code: 'ENOENT' });
    expect(domainErrorOf(null)).toBeNull();
  });

  it('the API answers one as a 409 in its usual shape, saying nothing of the driver', async () => {
    const [a, b] = await twoPeople();
    await tie(a, b);
    const refused = await refusedWith(tie(a, b));
    // The race a service's own check cannot see (two writers at once), as the API's error handler meets it.
    const app = new Hono().get('/race', () => {
      throw refused;
    });
    app.onError((error, c) => errorResponse(error, c));
    const response = await app.request('/race');
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { code: 'conflict', message: CONSTRAINT_MESSAGES.unique } });
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|23505|duplicate key|UNIQUE constraint/i);
  });
});

/** SQLite's file kept locked by another program's write (a command-line import) past the wait: told as unavailable, not as a fault of ours. */
describe('a SQLite file another connection keeps locked', () => {
  const world = freshSession('sqlite');

  it('refuses the write as unavailable (503, try again), nothing of it stored, and writes again once the lock goes', async () => {
    const { ctx } = world.session;
    const other = new SqliteDatabase(join(world.dataDir, SQLITE_FILE_NAME));
    // The store waits a moment here instead of its usual ten seconds.
    await sql.raw('pragma busy_timeout = 50').execute(ctx.db);
    try {
      other.exec('begin immediate');
      const refused = await refusedWith(createPerson(ctx, { name: 'Waits Forever' }));
      expect(refused).toBeInstanceOf(UnavailableError);
      expect((refused as UnavailableError).message).toBe(BUSY_MESSAGE);
      expect((refused as { cause?: { code?: unknown } }).cause?.code).toMatch(/^SQLITE_BUSY/);
      const app = new Hono().get('/busy', () => {
        throw refused;
      });
      app.onError((error, c) => errorResponse(error, c));
      const response = await app.request('/busy');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      other.exec('rollback');
      const names = (await ctx.db.selectFrom('people').select('name').execute()).map((row) => row.name);
      expect(names).not.toContain('Waits Forever');
      await createPerson(ctx, { name: 'After The Lock' });
      expect((await ctx.db.selectFrom('people').select('name').execute()).map((row) => row.name)).toContain('After The Lock');
    } finally {
      if (other.inTransaction) other.exec('rollback');
      other.close();
      await sql.raw(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(ctx.db);
    }
  });
});
