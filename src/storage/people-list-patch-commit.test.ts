import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonFilter } from '../contract/filters.js';
import { inTransaction, type ServiceContext } from '../services/context.js';
import { logExchange } from '../services/exchanges.js';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { freshSession } from '../test-support/fresh-session.js';
import { dataVersion } from './data-version.js';

/*
 * On PostgreSQL a write to a few people re-keys the kept listings to the version it leaves
 * (people-list-patch.ts) before it commits. When the COMMIT itself is refused (here a deferred
 * constraint, checked only at commit; in life a serialization failure or a server going away),
 * the counter stays where it was and the next write takes the same number: what was kept under
 * it must not be read as that next write's data.
 */
const TODAY = '2026-11-22';
const REFUSED = 'refused at commit';

describe('kept listings when a write to a few people fails at its commit, on PostgreSQL', () => {
  const world = freshSession('postgres', { clock: { now: () => new Date(`${TODAY}T10:00:00Z`) } });
  let ctx: ServiceContext;
  const ids: string[] = [];

  beforeAll(async () => {
    ctx = world.session.ctx;
    for (const [i, name] of ['Ada Byron', 'Ben Carter', 'Cleo Dunn', 'Dev Ellis', 'Eve Frost', 'Finn Gale'].entries()) {
      ids.push((await createPerson(ctx, { name, category: i % 2 ? 'other-function' : 'leader-in-field', nextContactOn: `2026-12-0${i + 1}` })).id);
    }
    // Checked at COMMIT, after every statement of the write has run: the server refuses the transaction whole.
    await sql`create function refuse_marked_notes() returns trigger language plpgsql as $$
      begin if new.notes = ${sql.lit(REFUSED)} then raise exception 'notes marked to be refused at commit'; end if; return null; end $$`.execute(ctx.db);
    await sql`create constraint trigger refuse_marked_notes after update on people deferrable initially deferred for each row execute function refuse_marked_notes()`.execute(ctx.db);
    await sql`create constraint trigger refuse_marked_notes after insert on exchanges deferrable initially deferred for each row execute function refuse_marked_notes()`.execute(ctx.db);
  });

  /** The listing as kept (a page past the first: the kept order and count) and as a fresh read finds it (a transaction never uses what is kept). */
  async function expectKeptEqualsFresh(listing: PersonFilter, step: string) {
    const kept = await listPeople(ctx, { ...listing, limit: 10, offset: 1 });
    const fresh = await inTransaction(ctx, (trx) => listPeople(trx, { ...listing, limit: 10, offset: 1 }));
    expect(kept.items.map((p) => p.name), `${step}: ${JSON.stringify(listing)}`).toEqual(fresh.items.map((p) => p.name));
    expect(kept.total, `${step}: the total of ${JSON.stringify(listing)}`).toBe(fresh.total);
  }

  /**
   * A write refused at its commit, then a write of the same shape (the same statements, so the counter moves as far) committed,
   * read only after both: every listing kept and fresh alike.
   */
  async function refusedThenCommitted(listings: PersonFilter[], refused: () => Promise<unknown>, committed: () => Promise<unknown>) {
    for (const listing of listings) await expectKeptEqualsFresh(listing, 'before');
    const before = await dataVersion(ctx.db, ctx.workspaceId);
    await expect(refused()).rejects.toThrow(/refused at commit/);
    expect(await dataVersion(ctx.db, ctx.workspaceId)).toBe(before);
    await committed();
    expect(await dataVersion(ctx.db, ctx.workspaceId)).not.toBe(before);
    for (const listing of listings) await expectKeptEqualsFresh(listing, 'after a write refused at its commit and one committed');
  }

  it('an edit: the order by name and the count by category', async () => {
    await refusedThenCommitted(
      [{ sort: 'name' }, { category: 'other-function', sort: 'name' }],
      () => updatePerson(ctx, ids[0]!, { name: 'Zoe Refused', category: 'other-function', notes: REFUSED }),
      () => updatePerson(ctx, ids[2]!, { name: 'Aaron Zed', category: 'other-function', notes: 'kept' }),
    );
  });

  it('an exchange: the orders by next contact and by last exchange', async () => {
    await refusedThenCommitted(
      [{ sort: 'next-contact' }, { sort: 'last-exchange' }, { category: 'leader-in-field', sort: 'next-contact' }],
      () => logExchange(ctx, { personIds: [ids[3]!], channel: 'email', occurredOn: TODAY, notes: REFUSED }),
      () => logExchange(ctx, { personIds: [ids[4]!], channel: 'email', occurredOn: TODAY, notes: 'kept' }),
    );
  });

  it('a refused write that moved the counter further than the committed one after it: nothing kept under the refused version is read as newer', async () => {
    const listings: PersonFilter[] = [{ sort: 'name' }, { sort: 'next-contact' }, { category: 'leader-in-field', sort: 'name' }];
    for (const listing of listings) await expectKeptEqualsFresh(listing, 'before');
    const before = await dataVersion(ctx.db, ctx.workspaceId);
    // More statements than the write after it (the name, the next contact and the search text each move the counter).
    await expect(updatePerson(ctx, ids[1]!, { name: 'Yann Refused', category: 'leader-in-field', nextContactOn: '2027-01-09', notes: REFUSED })).rejects.toThrow(/refused at commit/);
    expect(await dataVersion(ctx.db, ctx.workspaceId)).toBe(before);
    // Read between them: kept again under the version that stands.
    for (const listing of listings) await expectKeptEqualsFresh(listing, 'after the refused write');
    await updatePerson(ctx, ids[5]!, { name: 'Abel Moved' });
    const [, after] = [before, await dataVersion(ctx.db, ctx.workspaceId)];
    const counter = (version: string) => Number(version.slice(3).split('.')[0]);
    expect(counter(after)).toBeGreaterThan(counter(before));
    for (const listing of listings) await expectKeptEqualsFresh(listing, 'after a refused write and a shorter one committed');
  });
});
