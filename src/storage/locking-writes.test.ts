import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { logExchange } from '../services/exchanges.js';
import { createPerson, listPeople } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { lockDataVersion, oneLockingWriteAtATime } from './data-version.js';

/*
 * On PostgreSQL a write to a few people locks the workspace's counter for its transaction
 * (lockDataVersion), so such writes run one at a time; queued in the process before they take a
 * pooled connection (oneLockingWriteAtATime), the ones waiting hold none, and reads go on.
 */
describe('writes that lock the data version, on PostgreSQL', () => {
  const world = freshSession('postgres');

  it('runs one at a time per workspace on PostgreSQL, a failure not stopping the next, and leaves the pool to the reads meanwhile', async () => {
    const ctx = world.session.ctx;
    await createPerson(ctx, { name: 'Ada Locked' });
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    // More writes than the pool has connections (storage/postgres.ts: 10), the first held at a gate with the lock taken.
    const writes = Array.from({ length: 14 }, (_, i) =>
      oneLockingWriteAtATime(ctx.db, ctx.workspaceId, () =>
        ctx.db.transaction().execute(async (trx) => {
          inside += 1;
          most = Math.max(most, inside);
          await lockDataVersion(trx, ctx.workspaceId);
          if (i === 0) await gate;
          order.push(i);
          inside -= 1;
          if (i === 3) throw new Error('refused on purpose');
          return i;
        }),
      ),
    );
    // While the first holds the lock and thirteen wait, a read is answered.
    expect((await listPeople(ctx, { limit: 5 })).total).toBe(1);
    open();
    const settled = await Promise.allSettled(writes);
    expect(settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason.message)).toEqual(['refused on purpose']);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(13);
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 14 }, (_, i) => i));
  });

  it('begins the next write while one runs, and lets it lock only once that one has ended', async () => {
    const ctx = world.session.ctx;
    await createPerson(ctx, { name: 'Ada Overlapped' });
    let finishCommit = () => {};
    const commitHeld = new Promise<void>((resolve) => (finishCommit = resolve));
    const steps: string[] = [];
    const first = oneLockingWriteAtATime(ctx.db, ctx.workspaceId, (turn, letNextBegin) =>
      ctx.db.transaction().execute(async (trx) => {
        await turn;
        const version = await lockDataVersion(trx, ctx.workspaceId);
        steps.push('first locked');
        letNextBegin();
        // A slow write: the next one begins meanwhile, and must not lock before this one ends.
        await commitHeld;
        steps.push('first ends');
        return version;
      }),
    );
    let begun = () => {};
    const secondBegun = new Promise<void>((resolve) => (begun = resolve));
    const second = oneLockingWriteAtATime(ctx.db, ctx.workspaceId, (turn, letNextBegin) =>
      ctx.db.transaction().execute(async (trx) => {
        steps.push('second begun');
        begun();
        await turn;
        steps.push('second has its turn');
        await lockDataVersion(trx, ctx.workspaceId);
        letNextBegin();
      }),
    );
    await secondBegun;
    expect(steps).toEqual(['first locked', 'second begun']);
    finishCommit();
    await Promise.all([first, second]);
    expect(steps).toEqual(['first locked', 'second begun', 'first ends', 'second has its turn']);
  });
});

describe("a write's own connections, on PostgreSQL", () => {
  const world = freshSession('postgres');

  it("logs an exchange while readers hold every connection of the requests' pool: its connection is from the writes' own", async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Ada Unqueued' });
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let holding = 0;
    // The requests' pool has cores + 1 connections here (postgres-pool-size.ts): more readers than that hold them all.
    const readers = Array.from({ length: 8 }, () =>
      ctx.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        holding += 1;
        await gate;
      }),
    );
    while (holding === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const logged = logExchange(ctx, { personIds: [person.id], channel: 'email', occurredOn: '2026-11-20' }).then(() => 'logged');
    const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3_000));
    try {
      expect(await Promise.race([logged, waited])).toBe('logged');
      expect(holding).toBeLessThan(8);
    } finally {
      open();
      await Promise.all(readers);
    }
    expect(await logged).toBe('logged');
    expect((await ctx.db.selectFrom('exchangePeople').select('personId').where('personId', '=', person.id).execute()).length).toBe(1);
  });
});

describe.each(DIALECTS)('writes queued per workspace, on %s', (dialect) => {
  const world = freshSession(dialect);

  it("holds a workspace's write behind its own (PostgreSQL only), never behind another workspace's", async () => {
    const ctx = world.session.ctx;
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const held = oneLockingWriteAtATime(ctx.db, ctx.workspaceId, () => gate);
    let sameRan = false;
    const same = oneLockingWriteAtATime(ctx.db, ctx.workspaceId, async () => (sameRan = true));
    // Another workspace's write runs while the first is held.
    expect(await oneLockingWriteAtATime(ctx.db, `${ctx.workspaceId}-other`, async () => 'ran')).toBe('ran');
    // SQLite's writes take turns on its one connection, not here: run as they come.
    expect(sameRan).toBe(dialect === 'sqlite');
    open();
    await Promise.all([held, same]);
    expect(sameRan).toBe(true);
  });
});
