import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { notesOnTwoConnections, type NotesDb } from '../test-support/postgres-notes.js';
import { preparedOnPostgres } from './prepared-statements.js';
import { readThenCommit } from './read-then-commit.js';
import type { Database } from './schema.js';
import { SENT_AHEAD, writeAhead } from './sent-ahead.js';

/*
 * A write sent ahead (sent-ahead.ts): held by the transaction's connection and sent with the statement after it, in
 * one message (postgres.ts, QueryAfterHeld). Against a real PostgreSQL, on a pool of one connection, so that whatever
 * the connection holds of one transaction meets the next.
 */
describe('a write sent ahead, with the statement after it, on PostgreSQL', () => {
  const world = notesOnTwoConnections();
  const ahead = (trx: Kysely<NotesDb>, id: number, body: string) => writeAhead(trx as unknown as Kysely<Database>, trx.insertInto('notes').values({ id, body }) as never);
  /** A note whose body is the time its insert ran (ms), as the server's clock had it. */
  const stampedAhead = (trx: Kysely<NotesDb>, id: number) => writeAhead(trx as unknown as Kysely<Database>, trx.insertInto('notes').values({ id, body: sql<string>`(extract(epoch from clock_timestamp()) * 1000)::text` }) as never);
  /** A statement with a value (so it goes by the extended protocol): the value back, and the server's clock and transaction start. */
  const echo = (trx: Kysely<NotesDb>, value: number) =>
    trx.executeQuery<{ value: number; at: string; began: string }>(
      CompiledQuery.raw('select $1::int as value, (extract(epoch from clock_timestamp()) * 1000)::text as at, (extract(epoch from now()) * 1000)::text as began', [value]),
    );
  /** A time in ms, as the statements above write it. */
  const ms = (text: string) => Number(text);

  beforeEach(async () => {
    await sql`delete from notes`.execute(world.other);
  });

  it('is sent with the statement after it, not when asked: a pause between them comes before the write runs', async () => {
    const { echoed, stamp } = await world.db.transaction().execute(async (trx) => {
      await echo(trx, 1);
      await stampedAhead(trx, 1);
      // Held: the other connection cannot see it, nor could it had it run, but the clock can tell when it ran.
      await sleep(150);
      const echoed = (await echo(trx, 2)).rows[0];
      const stamp = (await trx.selectFrom('notes').select('body').where('id', '=', 1).executeTakeFirstOrThrow()).body;
      return { echoed, stamp };
    });
    // The statement it went with answers as itself.
    expect(echoed?.value).toBe(2);
    // It ran after the pause, beside the statement it went with, inside the transaction begun before the pause.
    expect(ms(stamp) - ms(echoed!.began)).toBeGreaterThanOrEqual(140);
    expect(Math.abs(ms(echoed!.at) - ms(stamp))).toBeLessThan(50);
    expect((await world.bodies()).length).toBe(1);
  });

  it('goes with the COMMIT when nothing follows it, and with a read sent with its COMMIT', async () => {
    await world.db.transaction().execute(async (trx) => {
      await echo(trx, 1);
      await ahead(trx, 1, 'carried by the commit');
    });
    const read = await world.db.transaction().execute(async (trx) => {
      await echo(trx, 1);
      await ahead(trx, 2, 'carried by the read');
      return (await trx.executeQuery<{ n: number }>(CompiledQuery.raw(readThenCommit('select count(*)::int as n from notes'), []))).rows[0]?.n;
    });
    // The read ran after the write, in its transaction, and the COMMIT after both.
    expect(read).toBe(2);
    expect(await world.bodies()).toEqual(['carried by the commit', 'carried by the read']);
  });

  it('a transaction of writes sent ahead alone is begun and committed with them, in order', async () => {
    await world.db.transaction().execute(async (trx) => {
      await ahead(trx, 1, 'one');
      await ahead(trx, 2, 'two');
      await ahead(trx, 3, 'three');
    });
    expect(await world.bodies()).toEqual(['one', 'two', 'three']);
  });

  it('a failed write sent ahead fails the statement it went with, with its own error, and nothing of the transaction is kept', async () => {
    await world.db.transaction().execute(async (trx) => ahead(trx, 1, 'kept'));
    let after = false;
    await expect(
      world.db.transaction().execute(async (trx) => {
        await ahead(trx, 2, 'rolled back');
        // A duplicate key: refused when it runs, with the statement after it.
        await ahead(trx, 1, 'taken');
        await echo(trx, 3);
        after = true;
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(after).toBe(false);
    expect(await world.bodies()).toEqual(['kept']);
    // The connection goes on: the next transaction begins afresh.
    await world.db.transaction().execute(async (trx) => {
      await ahead(trx, 2, 'next');
      await echo(trx, 4);
    });
    expect(await world.bodies()).toEqual(['kept', 'next']);
  });

  it('a failure at the COMMIT that carries it rolls the transaction back', async () => {
    await world.db.transaction().execute(async (trx) => ahead(trx, 1, 'kept'));
    await expect(
      world.db.transaction().execute(async (trx) => {
        await echo(trx, 1);
        await ahead(trx, 2, 'with a bad one');
        await ahead(trx, 1, 'taken');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await world.bodies()).toEqual(['kept']);
  });

  it('held and then rolled back, it is never sent: nothing written, and the connection is clean', async () => {
    await expect(
      world.db.transaction().execute(async (trx) => {
        await echo(trx, 1);
        await ahead(trx, 1, 'never sent');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      world.db.transaction().execute(async (trx) => {
        await ahead(trx, 2, 'nor this');
        throw new Error('before anything reached the server');
      }),
    ).rejects.toThrow('before anything reached the server');
    expect(await world.bodies()).toEqual([]);
    // Outside a transaction: a statement that needs one open says none is.
    await expect(sql`release savepoint nothing_here`.execute(world.db)).rejects.toThrow(/savepoint|transaction/i);
  });

  it('outside a transaction it runs at once: there is no statement after it to wait for', async () => {
    await writeAhead(world.db as unknown as Kysely<Database>, world.db.insertInto('notes').values({ id: 1, body: 'at once' }) as never);
    expect(await world.bodies()).toEqual(['at once']);
  });

  it('before a text without values (one that may be several statements), it is sent first, on its own, in order', async () => {
    await world.db.transaction().execute(async (trx) => {
      await echo(trx, 1);
      await ahead(trx, 1, 'first');
      await sql.raw(`update notes set body = body || ' then raw' where id = 1; insert into notes (id, body) values (2, 'second')`).execute(trx);
    });
    expect(await world.bodies()).toEqual(['first then raw', 'second']);
  });

  it('a statement kept prepared goes by its name once parsed, held or carrying', async () => {
    const insert = preparedOnPostgres(world.db as unknown as Kysely<Database>, 'insert into notes (id, body) values ($1, $2)');
    const read = preparedOnPostgres(world.db as unknown as Kysely<Database>, 'select body from notes where id = $1');
    const heldInsert = (trx: Kysely<NotesDb>, id: number, body: string) => trx.executeQuery(CompiledQuery.raw(`${insert}${SENT_AHEAD}`, [id, body]));
    for (const id of [1, 2, 3, 4]) {
      const body = await world.db.transaction().execute(async (trx) => {
        await echo(trx, id);
        await heldInsert(trx, id, `note ${id}`);
        return (await trx.executeQuery<{ body: string }>(CompiledQuery.raw(read, [id]))).rows[0]?.body;
      });
      expect(body).toBe(`note ${id}`);
    }
    expect(await world.bodies()).toEqual(['note 1', 'note 2', 'note 3', 'note 4']);
  });
});
