import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { notesOnTwoConnections, type NotesDb } from '../test-support/postgres-notes.js';
import { preparedOnPostgres } from './prepared-statements.js';
import { readThenCommit } from './read-then-commit.js';
import type { Database } from './schema.js';
import { sendWithNext } from './sent-with-next.js';

/*
 * A write whose answer its transaction does not need, sent with the statement after it in one message
 * (sent-with-next.ts; postgres.ts, PreparingClient and QueryAfter). Against a real PostgreSQL, on a pool of one
 * connection, so that whatever the connection holds back of one transaction meets the next.
 */
describe('a write sent with the statement after it, on PostgreSQL', () => {
  const world = notesOnTwoConnections();
  const asStore = (db: Kysely<NotesDb>) => db as unknown as Kysely<Database>;
  const insert = (id: number, body: string) => CompiledQuery.raw('insert into notes (id, body) values ($1, $2)', [id, body]);
  /** A note whose body is the time its statement ran, as the server tells it. */
  const stamped = (id: number) => CompiledQuery.raw(`insert into notes (id, body) values ($1, to_char(clock_timestamp(), 'YYYY-MM-DD"T"HH24:MI:SS.US'))`, [id]);
  const clear = () => sql`delete from notes`.execute(world.other);

  it('runs with the statement after it, not when it was handed over: a pause between them is before both', async () => {
    await clear();
    const gapMs = await world.db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, body: 'first' }).execute();
      await sendWithNext(asStore(trx), stamped(2));
      await sleep(150);
      const { rows } = await trx.executeQuery<{ ms: number }>(CompiledQuery.raw(`select extract(epoch from clock_timestamp() - (select body::timestamp from notes where id = $1)) * 1000 as ms`, [2]));
      return Number(rows[0]?.ms);
    });
    // Sent when handed over, the note would have been written 150 ms before the read.
    expect(gapMs).toBeGreaterThanOrEqual(0);
    expect(gapMs).toBeLessThan(75);
    expect((await world.bodies()).length).toBe(2);
  });

  it('keeps the order they were asked in: the statement after it sees it, and so does the next after that', async () => {
    await clear();
    const seen = await world.db.transaction().execute(async (trx) => {
      await sendWithNext(asStore(trx), insert(1, 'held first'));
      await sendWithNext(asStore(trx), CompiledQuery.raw(`update notes set body = body || ', then changed' where id = $1`, [1]));
      const first = (await trx.selectFrom('notes').select('body').where('id', '=', 1).execute()).map((row) => row.body);
      await trx.insertInto('notes').values({ id: 2, body: 'second' }).execute();
      return first;
    });
    expect(seen).toEqual(['held first, then changed']);
    expect(await world.bodies()).toEqual(['held first, then changed', 'second']);
  });

  it('takes its values as values: any text is stored as itself, never as SQL', async () => {
    await clear();
    const hostile = ["O'Brien", 'back\\slash', "x'); drop table notes; --", '$1 and $2', 'ünïcødé ☕', '', "''", '\n-- waggle: sent with the statement after it'];
    await world.db.transaction().execute(async (trx) => {
      for (const [i, body] of hostile.entries()) await sendWithNext(asStore(trx), insert(i + 1, body));
      await trx.executeQuery(CompiledQuery.raw(readThenCommit('select count(*) as n from notes'), []));
    });
    expect(await world.bodies()).toEqual(hostile);
  });

  it('goes with the read that commits: committed, seen by another connection, the read seeing it', async () => {
    await clear();
    const read = await world.db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, body: 'before it' }).execute();
      await sendWithNext(asStore(trx), insert(2, 'held'));
      return (await trx.executeQuery<{ n: number }>(CompiledQuery.raw(readThenCommit('select count(*)::int as n from notes'), []))).rows;
    });
    expect(read).toEqual([{ n: 2 }]);
    expect(await world.bodies()).toEqual(['before it', 'held']);
  });

  it('goes with a plain COMMIT, even as the transaction’s only statement', async () => {
    await clear();
    await world.db.transaction().execute(async (trx) => {
      await sendWithNext(asStore(trx), insert(1, 'alone in its transaction'));
    });
    expect(await world.bodies()).toEqual(['alone in its transaction']);
  });

  it('its failure is the next statement’s: nothing of the transaction is kept, and the connection goes on', async () => {
    await clear();
    await world.db.transaction().execute((trx) => trx.insertInto('notes').values({ id: 1, body: 'taken' }).execute());
    await expect(
      world.db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 2, body: 'never kept' }).execute();
        await sendWithNext(asStore(trx), insert(1, 'a duplicate'));
        await trx.insertInto('notes').values({ id: 3, body: 'never run' }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      world.db.transaction().execute(async (trx) => {
        await sendWithNext(asStore(trx), insert(1, 'a duplicate, before the COMMIT'));
        await trx.executeQuery(CompiledQuery.raw(readThenCommit('select 1 as one'), []));
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await world.bodies()).toEqual(['taken']);
    await world.db.transaction().execute((trx) => trx.insertInto('notes').values({ id: 4, body: 'after' }).execute());
    expect(await world.bodies()).toEqual(['taken', 'after']);
  });

  it('a transaction that rolls back drops it unsent, and the next one on the connection does not send it', async () => {
    await clear();
    for (const first of [false, true]) {
      await expect(
        world.db.transaction().execute(async (trx) => {
          if (first) await trx.insertInto('notes').values({ id: 9, body: 'rolled back too' }).execute();
          await sendWithNext(asStore(trx), insert(1, 'dropped'));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
    }
    await world.db.transaction().execute((trx) => trx.insertInto('notes').values({ id: 2, body: 'next' }).execute());
    expect(await world.bodies()).toEqual(['next']);
  });

  it('gives its rows back to the function asked, once run, before the statement after it is answered', async () => {
    await clear();
    let given: unknown[] | undefined;
    let whenReadAnswered: unknown[] | undefined;
    await world.db.transaction().execute(async (trx) => {
      await sendWithNext(asStore(trx), CompiledQuery.raw('insert into notes (id, body) values ($1, $2) returning id, body', [1, 'returned']), (rows) => (given = rows));
      expect(given).toBeUndefined();
      await trx.selectFrom('notes').select('id').execute();
      whenReadAnswered = given;
    });
    expect(whenReadAnswered).toEqual([{ id: 1, body: 'returned' }]);
  });

  it('a write kept prepared is parsed once under its name, alone the first time, then sent with the next', async () => {
    await clear();
    const text = preparedOnPostgres(asStore(world.db), 'insert into notes (id, body) values ($1, $2 || $3)');
    for (const id of [1, 2, 3]) {
      await world.db.transaction().execute(async (trx) => {
        await sendWithNext(asStore(trx), CompiledQuery.raw(text, [id, 'prepared ', String(id)]));
        await trx.executeQuery(CompiledQuery.raw(readThenCommit('select 1 as one'), []));
      });
    }
    expect(await world.bodies()).toEqual(['prepared 1', 'prepared 2', 'prepared 3']);
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(world.db);
    expect(rows.map((row) => row.statement)).toEqual([text]);
  });

  it('outside a transaction runs at once, its rows given back at once', async () => {
    await clear();
    let given: unknown[] | undefined;
    await sendWithNext(asStore(world.db), CompiledQuery.raw('insert into notes (id, body) values ($1, $2) returning body', [1, 'at once']), (rows) => (given = rows));
    expect(given).toEqual([{ body: 'at once' }]);
    expect(await world.bodies()).toEqual(['at once']);
  });
});
