import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { notesOnTwoConnections } from '../test-support/postgres-notes.js';
import { preparedOnPostgres } from './prepared-statements.js';
import { readThenCommit } from './read-then-commit.js';

/*
 * A transaction's last read sent with its COMMIT, in one message (read-then-commit.ts): the read by the
 * extended protocol, its values beside it, then the COMMIT, then one Sync; the connection answers Kysely's
 * own COMMIT after it without sending it. Against a real PostgreSQL, on a pool of one connection, so that
 * whatever the connection remembers of one transaction meets the next.
 */
describe('a read sent with its transaction’s COMMIT, on PostgreSQL', () => {
  const world = notesOnTwoConnections();

  it('takes its values as values: any text reads back as itself, never as SQL', async () => {
    const hostile = ["O'Brien", 'back\\slash', "x'); drop table notes; --", '$1 and $2', 'ünïcødé ☕', '', "''"];
    const rows = await world.db.transaction().execute(
      async (trx) => (await trx.executeQuery<{ v: string; list: string[] }>(CompiledQuery.raw(readThenCommit('select $1::text as v, $2::text[] as list'), [hostile[2], hostile]))).rows,
    );
    expect(rows).toEqual([{ v: hostile[2], list: hostile }]);
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

  it('keeps a named read prepared: parsed once on the connection, its values given each time', async () => {
    const text = preparedOnPostgres(world.db as unknown as Parameters<typeof preparedOnPostgres>[0], readThenCommit('select body from notes where id = $1'));
    const read = (id: number, body: string) =>
      world.db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id, body }).execute();
        return (await trx.executeQuery<{ body: string }>(CompiledQuery.raw(text, [id]))).rows;
      });
    expect(await read(10, 'ten')).toEqual([{ body: 'ten' }]);
    expect(await read(11, 'eleven')).toEqual([{ body: 'eleven' }]);
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(world.db);
    // The read alone, without the COMMIT: one statement kept, however many writes send it.
    expect(rows.map((row) => row.statement)).toEqual(['select body from notes where id = $1']);
    expect(await world.bodies()).toEqual(['kept', 'also kept', 'after', 'ten', 'eleven']);
  });

  it('a COMMIT that fails leaves nothing committed, says why, and the connection goes on', async () => {
    await sql`create table if not exists checked (id int primary key, owner int references notes (id) deferrable initially deferred)`.execute(world.db);
    await expect(
      world.db.transaction().execute(async (trx) => {
        await sql`insert into checked values (1, 999)`.execute(trx);
        await trx.executeQuery(CompiledQuery.raw(readThenCommit('select $1::int as one'), [1]));
      }),
    ).rejects.toThrow(/foreign key/);
    expect((await sql<{ n: number }>`select count(*)::int as n from checked`.execute(world.db)).rows).toEqual([{ n: 0 }]);
    await world.db.transaction().execute((trx) => trx.insertInto('notes').values({ id: 12, body: 'after the refusal' }).execute());
    expect((await world.bodies()).at(-1)).toBe('after the refusal');
    await sql`drop table checked`.execute(world.db);
  });
});
