import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { freshSession } from '../test-support/fresh-session.js';
import { inTransactionOnPeople } from './context.js';
import { logExchange } from './exchanges.js';
import { createPerson } from './people.js';

/*
 * PostgreSQL: the writes to a workspace's few people run one at a time, each holding the workspace's
 * counter locked (storage/people-list-patch.ts). The next write in line sends its lock's statement as soon
 * as the write ahead holds the lock, and it waits in PostgreSQL, not in this process, so no round trip
 * separates one write's COMMIT from the next one's start. What it reads with the lock is read once the
 * lock is granted: it sees the write ahead, committed.
 */
describe("the next write's lock, sent while the write ahead runs, on PostgreSQL", () => {
  const world = freshSession('postgres', { other: true });

  /** The backends waiting on a lock for a statement that locks a workspace's counter, as another connection sees them. */
  const waitingOnTheCounter = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%workspace_data_versions%for update%'`.execute(world.other.ctx.db)
    ).rows[0]?.n ?? 0;

  it('waits in PostgreSQL while the write ahead holds the lock, then reads what that write committed', async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Ada Ahead', notes: 'as added' });
    // The workspace's counter exists once a write to a person was counted.
    await logExchange(ctx, { personIds: [person.id], channel: 'email' });

    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let wrote = () => {};
    const ahead = new Promise<void>((resolve) => (wrote = resolve));
    const first = inTransactionOnPeople(ctx, { personIds: [person.id], columns: ['people.notes'] }, async (trx) => {
      await trx.db.updateTable('people').set({ notes: 'written by the write ahead' }).where('id', '=', person.id).execute();
      wrote();
      await gate;
    });
    await ahead;

    const readFirst = (db: typeof ctx.db) => db.selectFrom('people').select('notes').where('id', '=', person.id).compile();
    const second = inTransactionOnPeople(ctx, { personIds: [person.id], columns: ['people.notes'], readFirst }, async (trx, read) => {
      const [row] = await read();
      await trx.db.updateTable('people').set({ notes: `${row?.notes ?? ''}, then the next` }).where('id', '=', person.id).execute();
      return row?.notes;
    });
    // Sent at once: its lock's statement waits in PostgreSQL behind the write ahead.
    await vi.waitFor(async () => expect(await waitingOnTheCounter()).toBe(1), { timeout: 5_000, interval: 20 });

    open();
    await first;
    expect(await second).toBe('written by the write ahead');
    const row = await ctx.db.selectFrom('people').select('notes').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.notes).toBe('written by the write ahead, then the next');
    expect(await waitingOnTheCounter()).toBe(0);
  });

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
});
