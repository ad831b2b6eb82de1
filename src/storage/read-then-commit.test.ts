import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { notesOnTwoConnections } from '../test-support/postgres-notes.js';
import { readThenCommit, sqlLiteral, sqlTextArray } from './read-then-commit.js';

/*
 * A transaction's last read sent with its COMMIT, in one message (read-then-commit.ts): the read's
 * values are written into its text as literals, and the connection answers Kysely's own COMMIT after
 * it without sending it. Against a real PostgreSQL, on a pool of one connection, so that whatever the
 * connection remembers of one transaction meets the next.
 */
describe('a read sent with its transaction’s COMMIT, on PostgreSQL', () => {
  const world = notesOnTwoConnections();

  it('writes any text as a literal that reads back as itself, never as SQL', async () => {
    const hostile = ["O'Brien", 'back\\slash', "x'); drop table notes; --", '$1 and $2', 'ünïcødé ☕', '', "''"];
    const { rows } = await world.db.executeQuery<{ v: string; list: string[] }>(CompiledQuery.raw(`select ${sqlLiteral(hostile[2] as string)} as v, ${sqlTextArray(hostile)} as list`, []));
    expect(rows[0]?.v).toBe(hostile[2]);
    // The driver's own rule, character for character.
    for (const text of hostile) expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text));
    expect(rows[0]?.list).toEqual(hostile);
    expect((await world.db.executeQuery<{ list: string[] }>(CompiledQuery.raw(`select ${sqlTextArray([])} as list`, []))).rows[0]?.list).toEqual([]);
    // The table is still there.
    expect(await world.bodies()).toEqual([]);
  });

  it('commits with the read: its rows come back, the write is seen by another connection, and Kysely’s COMMIT after it sends nothing', async () => {
    const read = await world.db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, body: 'kept' }).execute();
      return (await trx.executeQuery<{ n: number }>(CompiledQuery.raw(readThenCommit('select count(*)::int as n from notes'), []))).rows;
    });
    expect(read).toEqual([{ n: 1 }]);
    expect(await world.bodies()).toEqual(['kept']);
    // The connection holds no transaction: a statement that needs one open says so.
    await expect(sql`release savepoint nothing_here`.execute(world.db)).rejects.toThrow(/savepoint|transaction/i);
  });

  it('forgets that it committed once Kysely’s COMMIT is answered: the next transaction’s rollback rolls back', async () => {
    await world.db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 2, body: 'also kept' }).execute();
      await trx.executeQuery(CompiledQuery.raw(readThenCommit('select 1 as one'), []));
    });
    await expect(
      world.db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 3, body: 'rolled back' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await world.bodies()).toEqual(['kept', 'also kept']);
    // Nor is that transaction left open on the connection, where its own reads would see its row.
    expect((await world.db.selectFrom('notes').select('body').orderBy('id').execute()).map((row) => row.body)).toEqual(['kept', 'also kept']);
  });

  it('a read that fails leaves nothing committed, and the connection goes on', async () => {
    await expect(
      world.db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 4, body: 'never' }).execute();
        await trx.executeQuery(CompiledQuery.raw(readThenCommit('select 1 / 0 as boom'), []));
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await world.bodies()).toEqual(['kept', 'also kept']);
    await world.db.transaction().execute((trx) => trx.insertInto('notes').values({ id: 5, body: 'after' }).execute());
    expect(await world.bodies()).toEqual(['kept', 'also kept', 'after']);
  });

  it('refuses a read with placeholders: its values must be literals', () => {
    expect(() => readThenCommit('select * from notes where id = $1')).toThrow(/literals/);
  });
});
