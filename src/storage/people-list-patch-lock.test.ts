import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
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
});
