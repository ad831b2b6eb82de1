import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { notesOnTwoConnections, type NotesDb } from '../test-support/postgres-notes.js';
import { preparedOnPostgres } from './prepared-statements.js';

/*
 * A transaction's BEGIN sent with its first statement, in one message (postgres.ts, QueryAfterBegin): held back
 * when Kysely asks it, then sent before the statement that follows. Against a real PostgreSQL, on a pool of one
 * connection, so that whatever the connection remembers of one transaction meets the next.
 */
describe('a transaction’s BEGIN sent with its first statement, on PostgreSQL', () => {
  const world = notesOnTwoConnections();
  /** How long before its statement the transaction began, as the server saw it (`now()` is the transaction's start). */
  const begunBefore = (trx: Kysely<NotesDb>, value: number) =>
    trx.executeQuery<{ ms: number; value: number; iso: string; readOnly: string }>(
      CompiledQuery.raw(
        `select extract(epoch from statement_timestamp() - now()) * 1000 as ms, $1::int as value, current_setting('transaction_isolation') as iso, current_setting('transaction_read_only') as "readOnly"`,
        [value],
      ),
    );

  it('begins where the first statement is sent, not where Kysely asked: a pause before it is not inside the transaction', async () => {
    const row = await world.db.transaction().execute(async (trx) => {
      await sleep(150);
      return (await begunBefore(trx, 7)).rows[0];
    });
    expect(row?.value).toBe(7);
    // Sent apart, the BEGIN would have started the transaction 150 ms before its statement.
    expect(Number(row?.ms)).toBeLessThan(75);
  });

  it('keeps the transaction’s settings: its isolation and its access mode', async () => {
    const row = await world.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => (await begunBefore(trx, 1)).rows[0]);
    expect(row?.iso).toBe('repeatable read');
    expect(row?.readOnly).toBe('on');
    await expect(
      world.db
        .transaction()
        .setAccessMode('read only')
        .execute(async (trx) => trx.insertInto('notes').values({ id: 99, body: 'refused' }).execute()),
    ).rejects.toThrow(/read-only/);
    expect(await world.bodies()).toEqual([]);
  });

  it('is one transaction with the statements after it: a failure after them rolls all back, a commit keeps all', async () => {
    await expect(
      world.db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 1, body: 'first' }).execute();
        await trx.insertInto('notes').values({ id: 2, body: 'second' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await world.bodies()).toEqual([]);
    await world.db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, body: 'first' }).execute();
      await trx.insertInto('notes').values({ id: 2, body: 'second' }).execute();
    });
    expect(await world.bodies()).toEqual(['first', 'second']);
  });

  it('a first statement that fails leaves no transaction behind: the next one on the connection begins afresh', async () => {
    await expect(world.db.transaction().execute(async (trx) => trx.insertInto('notes').values({ id: 1, body: 'taken' }).execute())).rejects.toThrow(/duplicate key/);
    const row = await world.db.transaction().execute(async (trx) => {
      await sleep(100);
      return (await begunBefore(trx, 2)).rows[0];
    });
    expect(row?.value).toBe(2);
    expect(Number(row?.ms)).toBeLessThan(50);
    expect(await world.bodies()).toEqual(['first', 'second']);
  });

  it('a statement kept prepared goes with the BEGIN once parsed, and answers as itself', async () => {
    const text = preparedOnPostgres(world.db as unknown as Parameters<typeof preparedOnPostgres>[0], 'select body from notes where id = $1');
    const read = (trx: Kysely<NotesDb>, id: number) => trx.executeQuery<{ body: string }>(CompiledQuery.raw(text, [id]));
    // The first run parses it (sent apart from the BEGIN); the later ones ride with theirs.
    for (const id of [1, 2, 1, 2]) expect((await world.db.transaction().execute(async (trx) => (await read(trx, id)).rows))).toEqual([{ body: id === 1 ? 'first' : 'second' }]);
    await expect(world.db.transaction().execute(async (trx) => {
      await read(trx, 1);
      throw new Error('after a prepared read');
    })).rejects.toThrow('after a prepared read');
  });

  it('a first statement with no values, several in one text, still begins first and is one transaction with them', async () => {
    await expect(
      world.db.transaction().execute(async (trx) => {
        await sql.raw(`insert into notes (id, body) values (3, 'third'); insert into notes (id, body) values (4, 'fourth')`).execute(trx);
        throw new Error('not these');
      }),
    ).rejects.toThrow('not these');
    expect(await world.bodies()).toEqual(['first', 'second']);
  });

  it('a transaction that sends nothing ends cleanly, and the connection goes on', async () => {
    expect(await world.db.transaction().execute(async () => 'nothing asked')).toBe('nothing asked');
    await expect(
      world.db.transaction().execute(async () => {
        throw new Error('before any statement');
      }),
    ).rejects.toThrow('before any statement');
    // Outside a transaction: a statement that needs one open says none is.
    await expect(sql`release savepoint nothing_here`.execute(world.db)).rejects.toThrow(/savepoint|transaction/i);
    expect((await sql<{ n: number }>`select count(*)::int as n from notes`.execute(world.db)).rows[0]?.n).toBe(2);
  });
});
