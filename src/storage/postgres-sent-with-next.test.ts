import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { notesOnTwoConnections, type NotesDb } from '../test-support/postgres-notes.js';
import { readThenCommit } from './read-then-commit.js';
import { sentWithTheNext } from './sent-with-next.js';

/*
 * A statement marked sent-with-next (sent-with-next.ts) is held back by its transaction's connection
 * (postgres.ts, PreparingClient) and sent in one message with the statement after it. Against a real
 * PostgreSQL, on a pool of one connection. When a statement is sent shows in what it writes:
 * `statement_timestamp()` is when the server received it, so a held write made before a pause carries
 * the time of the statement after the pause.
 */
describe('a statement sent with the next one, on PostgreSQL', () => {
  const world = notesOnTwoConnections();
  const HELD = sentWithTheNext(`insert into notes (id, body) values ($1, (extract(epoch from statement_timestamp()) * 1000)::bigint::text)`);
  const hold = (db: Kysely<NotesDb>, id: number) => db.executeQuery(CompiledQuery.raw(HELD, [id]));
  const now = async (db: Kysely<NotesDb>) => Number((await db.executeQuery<{ ms: string }>(CompiledQuery.raw(`select (extract(epoch from statement_timestamp()) * 1000)::bigint::text as ms, $1::int as one`, [1]))).rows[0]?.ms);
  const bodyOf = async (id: number) => (await world.other.selectFrom('notes').select('body').where('id', '=', id).executeTakeFirst())?.body;
  const ids = async () => (await world.other.selectFrom('notes').select('id').orderBy('id').execute()).map((row) => row.id);

  it('goes with the statement after it, not when asked: a pause between them is not between their arrivals', async () => {
    const next = await world.db.transaction().execute(async (trx) => {
      const answer = await hold(trx, 1);
      // Answered at once, with no rows: nobody reads a held statement's answer.
      expect(answer.rows).toEqual([]);
      await sleep(150);
      return now(trx);
    });
    const written = Number(await bodyOf(1));
    // Sent when asked, the insert would have reached the server 150 ms before the statement after it.
    expect(next - written).toBeLessThan(75);
    expect(next - written).toBeGreaterThanOrEqual(0);
  });

  it('that fails, fails the statement it went with, and the transaction keeps neither', async () => {
    await expect(
      world.db.transaction().execute(async (trx) => {
        await hold(trx, 1);
        await trx.insertInto('notes').values({ id: 2, body: 'after a refused one' }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await ids()).toEqual([1]);
    // The connection goes on.
    await world.db.transaction().execute(async (trx) => {
      await hold(trx, 3);
      await trx.insertInto('notes').values({ id: 4, body: 'fourth' }).execute();
    });
    expect(await ids()).toEqual([1, 3, 4]);
  });

  it('rolled back before anything followed it, was never sent; committed, it is sent first and kept', async () => {
    await expect(
      world.db.transaction().execute(async (trx) => {
        await now(trx);
        await hold(trx, 5);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await ids()).toEqual([1, 3, 4]);
    await world.db.transaction().execute(async (trx) => {
      await now(trx);
      await hold(trx, 6);
    });
    expect(await ids()).toEqual([1, 3, 4, 6]);
    // Held right after the BEGIN and nothing else: the BEGIN and the insert both go, then the COMMIT.
    await world.db.transaction().execute(async (trx) => {
      await hold(trx, 7);
    });
    expect(await ids()).toEqual([1, 3, 4, 6, 7]);
  });

  it('outside a transaction is sent at once, as any statement', async () => {
    await hold(world.db, 8);
    expect(await ids()).toEqual([1, 3, 4, 6, 7, 8]);
    await expect(hold(world.db, 8)).rejects.toThrow(/duplicate key/);
  });

  it("goes with the transaction's last read and its COMMIT, in one message: the read sees it and both are kept", async () => {
    const read = (id: number) => readThenCommit(`select count(*)::int as n, (extract(epoch from statement_timestamp()) * 1000)::bigint::text as ms from notes where id = ${id}`);
    const answer = await world.db.transaction().execute(async (trx) => {
      await now(trx);
      await hold(trx, 9);
      await sleep(150);
      return (await trx.executeQuery<{ n: number; ms: string }>(CompiledQuery.raw(read(9), []))).rows[0];
    });
    expect(answer?.n).toBe(1);
    expect(Number(answer?.ms) - Number(await bodyOf(9))).toBeLessThan(75);
    expect(await ids()).toEqual([1, 3, 4, 6, 7, 8, 9]);
    // A held write refused there: neither the read's answer nor anything of the transaction.
    await expect(
      world.db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 10, body: 'tenth' }).execute();
        await hold(trx, 9);
        return trx.executeQuery(CompiledQuery.raw(read(10), []));
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await ids()).toEqual([1, 3, 4, 6, 7, 8, 9]);
    // And the connection goes on, its next transaction its own.
    await world.db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 11, body: 'eleventh' }).execute();
    });
    expect(await ids()).toEqual([1, 3, 4, 6, 7, 8, 9, 11]);
  });
});
