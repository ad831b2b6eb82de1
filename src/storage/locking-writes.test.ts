import { describe, expect, it } from 'vitest';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { sql } from 'kysely';
import { dataVersion, lockDataVersion, MAX_RUNNING_WRITES, queuedWrite, versionBeneath } from './data-version.js';

/*
 * On PostgreSQL a write to a few people locks its connection's shard of the workspace's version for its
 * transaction (lockDataVersion). Queued in the process before they take a pooled connection (queuedWrite):
 * writes to the same person take turns, writes to different people run side by side, a few at most, and
 * the ones waiting hold no connection, so reads go on.
 */
describe('writes that lock the data version, on PostgreSQL', () => {
  const world = freshSession('postgres');

  it('runs writes to one person one at a time, in order, a failure not stopping the next, and leaves the pool to the reads meanwhile', async () => {
    const ctx = world.session.ctx;
    const ada = await createPerson(ctx, { name: 'Ada Locked' });
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    // More writes than the pool has connections (storage/postgres.ts: 10), the first held at a gate with the lock taken.
    const writes = Array.from({ length: 14 }, (_, i) =>
      queuedWrite(ctx.db, ctx.workspaceId, [ada.id], () =>
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

  it('runs writes to different people side by side, at most MAX_RUNNING_WRITES at once, none waiting at the database for another', async () => {
    const ctx = world.session.ctx;
    const people = [];
    for (let i = 0; i < MAX_RUNNING_WRITES + 3; i++) people.push(await createPerson(ctx, { name: `Side ${i}` }));
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let inside = 0;
    let most = 0;
    const committed: number[] = [];
    // The first writes its person and holds its transaction open at the gate; every other write to someone else commits meanwhile.
    const writes = people.map((person, i) =>
      queuedWrite(ctx.db, ctx.workspaceId, [person.id], async () => {
        inside += 1;
        most = Math.max(most, inside);
        await ctx.db.transaction().execute(async (trx) => {
          expect(await lockDataVersion(trx, ctx.workspaceId)).not.toBeNull();
          await updatePerson({ ...ctx, db: trx }, person.id, { notes: `written ${i}` });
          if (i === 0) await gate;
        });
        inside -= 1;
        committed.push(i);
      }),
    );
    try {
      // With one counter row a workspace, every other write waited at the database for the held one's commit: never done.
      const stuck = new Promise((_, reject) => setTimeout(() => reject(new Error('the writes to other people waited for the held one')), 15_000).unref());
      await Promise.race([Promise.all(writes.slice(1)), stuck]);
    } finally {
      open();
    }
    expect([...committed].sort((a, b) => a - b)).toEqual(Array.from({ length: people.length - 1 }, (_, i) => i + 1));
    await writes[0];
    expect(most).toBe(MAX_RUNNING_WRITES);
    const notes = (await listPeople(ctx, { search: 'Side', limit: 50 })).items.map((p) => p.notes).sort();
    expect(notes).toEqual(people.map((_, i) => `written ${i}`).sort());
  });

  it("names the data a shard's first write lies on as readers saw it: the row it makes for its shard is part of the write", async () => {
    const ctx = world.session.ctx;
    await createPerson(ctx, { name: 'Before the new shard' });
    const seen = await dataVersion(ctx.db, ctx.workspaceId);
    await ctx.db.transaction().execute(async (trx) => {
      // A shard no connection of the pool has written yet: its row is made inside this transaction.
      await sql`select set_config('waggle.version_shard', '97', true)`.execute(trx);
      const before = await lockDataVersion(trx, ctx.workspaceId);
      // Were the new row counted, an answer kept under `seen` and untouched by the write would be dropped for nothing.
      expect(before).toBe(seen);
      const after = await dataVersion(trx, ctx.workspaceId);
      expect(after).not.toBe(seen);
      expect(versionBeneath(before as string, after, trx)).toBe(seen);
    });
  });
});

describe.each(DIALECTS)('writes queued per workspace, on %s', (dialect) => {
  const world = freshSession(dialect);

  it("holds a write behind its own workspace's write to the same person (PostgreSQL only), never behind another workspace's", async () => {
    const ctx = world.session.ctx;
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const held = queuedWrite(ctx.db, ctx.workspaceId, ['per_1'], () => gate);
    let sameRan = false;
    const same = queuedWrite(ctx.db, ctx.workspaceId, ['per_2', 'per_1'], async () => (sameRan = true));
    // Another workspace's write to a person of the same id runs while the first is held.
    expect(await queuedWrite(ctx.db, `${ctx.workspaceId}-other`, ['per_1'], async () => 'ran')).toBe('ran');
    // SQLite's writes take turns on its one connection, not here: run as they come.
    expect(sameRan).toBe(dialect === 'sqlite');
    open();
    await Promise.all([held, same]);
    expect(sameRan).toBe(true);
  });
});
