import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { logExchange } from '../services/exchanges.js';
import { peopleBeforeExchangeRead } from './journal.js';
import { randomIds } from '../services/context.js';
import { createPerson, updatePerson } from '../services/people.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { freshSession } from '../test-support/fresh-session.js';
import { patchListingsAround, type PatchedWrite } from './people-list-patch.js';

/*
 * On PostgreSQL a write to a few people locks the workspace's counter and reads their placing keys
 * in one statement (people-list-patch.ts, lockWithPlacingKeys). That statement's snapshot is taken
 * before the lock is granted: when another connection's write held the lock and commits while this
 * one waits, the keys it read are from before that write, and must be read again after the lock.
 */
describe('the placing keys a write reads with its lock, on PostgreSQL', () => {
  const world = freshSession('postgres', { other: true });

  /** Runs a patched write to `id` (changing nothing of its keys) and gives back what it was told of `id`'s keys. */
  async function keysSeenByWrite(id: string, whileWaiting?: Promise<unknown>): Promise<PatchedWrite['keys'] extends ReadonlyMap<string, infer K> ? K : never> {
    const { db, workspaceId } = world.session.ctx;
    let told: PatchedWrite | undefined;
    await db.transaction().execute((trx) =>
      patchListingsAround(db, trx, workspaceId, { personIds: [id], columns: ['people.notes'] }, () => trx.updateTable('people').set({ notes: 'patched' }).where('id', '=', id).execute(), (write) => (told = write)),
    );
    await whileWaiting;
    expect(told, 'the write was told').toBeDefined();
    return told!.keys.get(id)!;
  }

  it("reads the keys after the lock when another connection's write committed while it waited", async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Ada Waiting', nextContactOn: '2026-12-01' });
    expect((await keysSeenByWrite(person.id)).before?.nextContactDue).toBe('2026-12-01');

    // The other connection moves the person's next contact and holds its transaction open (and with it the counter's lock).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const other = world.other.ctx.db.transaction().execute(async (trx) => {
      await sql`update people set next_contact_due = '2027-03-03', stage = 'met' where id = ${person.id}`.execute(trx);
      locked();
      await held;
    });
    await hasLock;
    const write = keysSeenByWrite(person.id);
    // Let the write take its snapshot and wait on the lock, then commit the other's.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await other;
    const keys = await write;
    expect(keys.before).toMatchObject({ stage: 'met', nextContactDue: '2027-03-03', lastExchangeOn: '0001-01-01' });
    expect(keys.after).toEqual(keys.before);
  });

  it("reads another workspace's person as nobody: no keys, nothing of theirs", async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Ben Here' });
    const elsewhere = await workspaceBeside(ctx, 'ws-elsewhere', { ids: randomIds });
    const stranger = await createPerson(elsewhere, { name: 'Cleo Elsewhere', nextContactOn: '2026-12-05' });
    await updatePerson(elsewhere, stranger.id, { notes: 'counted' });
    const keys = await keysSeenByWrite(stranger.id);
    expect(keys).toEqual({ before: null, after: null });
    expect((await keysSeenByWrite(person.id)).before?.stage).toBeDefined();
  });

  /** A patched write of `id`'s notes that reads first what the exchange rules read of them: the rows it read, and how many statements the connection sent. */
  async function writeReadingFirst(id: string, readFirst: boolean, whileWaiting?: Promise<unknown>) {
    const { db, workspaceId } = world.session.ctx;
    const sent = vi.spyOn(pg.Client.prototype, 'query');
    let rows: unknown[] = [];
    try {
      await db.transaction().execute((trx) =>
        patchListingsAround(db, trx, workspaceId, { personIds: [id], columns: ['people.notes'], ...(readFirst ? { readFirst: (t) => peopleBeforeExchangeRead(t, workspaceId, [id]) } : {}) }, async (read) => {
          rows = await read();
          await trx.updateTable('people').set({ notes: 'read first' }).where('id', '=', id).execute();
        }),
      );
      await whileWaiting;
      return { rows, statements: sent.mock.calls.length };
    } finally {
      sent.mockRestore();
    }
  }

  it("carries the write's first read in the lock's statement: the rows a read of their own gives, and no statement more", async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Dora Carried', cadence: '1m' });
    await logExchange(ctx, { personIds: [person.id], channel: 'coffee', occurredOn: '2026-11-20' });
    const alone = await ctx.db.executeQuery(peopleBeforeExchangeRead(ctx.db, ctx.workspaceId, [person.id]));
    // Each once first: a statement kept prepared is sent apart from its transaction's BEGIN the first time a connection parses it (postgres.ts).
    await writeReadingFirst(person.id, false);
    await writeReadingFirst(person.id, true);
    const without = await writeReadingFirst(person.id, false);
    const carried = await writeReadingFirst(person.id, true);
    expect(without.rows).toEqual([]);
    expect(carried.rows).toEqual(alone.rows);
    expect(carried.rows).toEqual([expect.objectContaining({ id: person.id, stage: 'met', nextContactOn: null, cadence: '1m', lastExchangeOn: '2026-11-20', lastLoggedSeq: 1 })]);
    expect(carried.statements).toBe(without.statements);
  });

  it("reads it again after the lock when another connection's write committed while it waited", async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Eli Waiting' });
    await updatePerson(ctx, person.id, { notes: 'counted' });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const other = world.other.ctx.db.transaction().execute(async (trx) => {
      await sql`update people set stage = 'met' where id = ${person.id}`.execute(trx);
      locked();
      await held;
    });
    await hasLock;
    const write = writeReadingFirst(person.id, true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await other;
    expect((await write).rows).toEqual([expect.objectContaining({ id: person.id, stage: 'met' })]);
  });

  it("carries nothing of another workspace's person", async () => {
    const elsewhere = await workspaceBeside(world.session.ctx, 'ws-carried-elsewhere', { ids: randomIds });
    const stranger = await createPerson(elsewhere, { name: 'Finn Elsewhere' });
    await updatePerson(elsewhere, stranger.id, { notes: 'counted' });
    expect((await writeReadingFirst(stranger.id, true)).rows).toEqual([]);
  });
});
