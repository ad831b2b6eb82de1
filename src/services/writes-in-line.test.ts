import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MAX_PATCHED_PEOPLE } from '../storage/people-list-catch-up.js';
import { freshSession } from '../test-support/fresh-session.js';
import { inTransactionOnPeople } from './context.js';
import { logExchange } from './exchanges.js';
import { createPerson } from './people.js';

/*
 * PostgreSQL: the writes to a workspace's few people run one at a time, each holding the workspace's
 * counter locked (storage/people-list-patch.ts), in a line kept in this process (storage/data-version.ts,
 * oneLockingWriteAtATime). Sent together, they all land, each reading what the one ahead of it wrote; and
 * a write that takes no lock first (more people than a patch) never has the next one hold the lock it needs.
 */
describe('writes in line on one workspace, on PostgreSQL', () => {
  const world = freshSession('postgres');

  it('logs exchanges sent together in order: each reads the one ahead of it', async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Ben Busy' });
    const logged = await Promise.all(Array.from({ length: 12 }, () => logExchange(ctx, { personIds: [person.id], channel: 'email' })));
    const links = await ctx.db.selectFrom('exchangePeople').select('loggedSeq').where('personId', '=', person.id).execute();
    expect(links.map((link) => Number(link.loggedSeq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(logged.map((entry) => entry.exchange.id)).size).toBe(12);
    const journal = await ctx.db.selectFrom('people').select('journalExchanges').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(Number(journal.journalExchanges)).toBe(12);
  });

  it('ends a write of more people than a patch, and the one sent while it ran, both', async () => {
    const ctx = world.session.ctx;
    const many: string[] = [];
    for (let i = 0; i <= MAX_PATCHED_PEOPLE; i++) many.push((await createPerson(ctx, { name: `Cy Many ${i}` })).id);
    await logExchange(ctx, { personIds: [many[0]!], channel: 'email' });

    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = () => {};
    const inside = new Promise<void>((resolve) => (started = resolve));
    const big = inTransactionOnPeople(ctx, { personIds: many, columns: ['people.notes'] }, async (trx) => {
      started();
      await gate;
      // Its moves of the counter come now: a next write holding the counter's lock meanwhile would wait for this one, and this one for it.
      await trx.db.updateTable('people').set({ notes: 'all of them' }).where('id', 'in', many).execute();
    });
    await inside;
    const small = logExchange(ctx, { personIds: [many[1]!], channel: 'email' });
    await sleep(200);
    open();
    // Unreferenced: once both have ended, the wait holds nothing open.
    const ended = await Promise.race([Promise.all([big, small]).then(() => 'both ended'), sleep(10_000, undefined, { ref: false }).then(() => 'still waiting after 10 s')]);
    expect(ended).toBe('both ended');
    const notes = await ctx.db.selectFrom('people').select('notes').where('id', 'in', many).execute();
    expect(notes.every((row) => row.notes === 'all of them')).toBe(true);
  }, 20_000);
});
