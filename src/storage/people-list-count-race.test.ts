import { describe, expect, it } from 'vitest';
import { inTransaction } from '../services/context.js';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { freshSession, TEST_NOW } from '../test-support/fresh-session.js';
import { dataVersion } from './data-version.js';
import { counts, filterReads, listingKey, type KeptListing } from './people-list.js';

/*
 * On PostgreSQL a listing's count is read with the version its statement saw and kept under that one
 * (people-list.ts, KeptPerVersion.getSeeing), and a write to a few people asks, with its lock, about the
 * counts being worked out as well as those kept (people-list-patch.ts). So a count worked out while a
 * write commits is kept, owing that write, where it was forgotten and counted again on the next read:
 * under a steady stream of writes, a due listing's count on almost every read.
 */
describe('a count worked out while a write commits, on PostgreSQL', () => {
  const world = freshSession('postgres');

  it('is kept under the version it saw, owing the write, and caught up to what a fresh count finds', async () => {
    const ctx = world.session.ctx;
    const { db, workspaceId } = ctx;
    const today = TEST_NOW.slice(0, 10);
    const leaving = await createPerson(ctx, { name: 'Ada Leaving', nextContactOn: '2026-12-01' });
    await createPerson(ctx, { name: 'Ben Staying', nextContactOn: '2026-12-10' });
    await createPerson(ctx, { name: 'Dee Staying', nextContactOn: '2026-12-12' });
    await createPerson(ctx, { name: 'Cy Later', nextContactOn: '2027-03-01' });
    const filter = { dueBy: '2026-12-24' };
    const about: KeptListing = { workspaceId, today, filter, sort: null, reads: filterReads(filter) };
    const key = listingKey(workspaceId, today, filter);
    const countNow = async () => (await inTransaction(ctx, (trx) => listPeople(trx, { ...filter, limit: 1 }))).total;

    // The count as its statement sees the data before the write, held until the write has committed.
    const version = await dataVersion(db, workspaceId);
    const before = await countNow();
    let finish = () => {};
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const counting = counts.getSeeing(db, key, version, async () => (await gate, { value: before, version }), about);
    expect(counts.seeingNow(db).map((under) => under.key)).toEqual([key]);

    // Ada leaves the filter while the count is worked out.
    await updatePerson(ctx, leaving.id, { nextContactOn: '2027-02-01' });
    finish();
    expect(await counting).toBe(before);

    const kept = counts.kept(db).filter((count) => count.key === key);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.version).toBe(await dataVersion(db, workspaceId));
    expect([...(kept[0]?.owed ?? [])]).toEqual([[leaving.id, true]]);

    // Read (a page with fewer rows than match, so the count is asked), it is caught up with the write: what a fresh count finds, one fewer.
    const listed = await listPeople(ctx, { ...filter, limit: 1 });
    expect(listed.total).toBe(await countNow());
    expect(listed.total).toBe(before - 1);
    expect(counts.kept(db).filter((count) => count.key === key && count.owed === undefined)).toHaveLength(1);
  });

  it('races of reads and writes leave every count what a fresh count finds', async () => {
    const ctx = world.session.ctx;
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => createPerson(ctx, { name: `Racer ${i}`, nextContactOn: `2026-12-${String(10 + i).padStart(2, '0')}` })));
    const filters = [{ dueBy: '2026-12-24' }, { dueBy: '2026-12-15' }, { due: 'due' as const }, { stage: 'to-meet' as const }];
    for (let round = 0; round < 6; round++) {
      await Promise.all([
        ...filters.map((filter) => listPeople(ctx, { ...filter, limit: 1 })),
        ...people.slice(round * 2, round * 2 + 2).map((person, i) => updatePerson(ctx, person.id, { nextContactOn: i === 0 ? '2027-01-05' : '2026-11-30', ...(round % 2 ? { stage: 'met' as const } : {}) })),
        ...filters.map((filter) => listPeople(ctx, { ...filter, limit: 1 })),
      ]);
      for (const filter of filters) {
        const fresh = (await inTransaction(ctx, (trx) => listPeople(trx, { ...filter, limit: 1 }))).total;
        expect((await listPeople(ctx, { ...filter, limit: 1 })).total, `round ${round}: ${JSON.stringify(filter)}`).toBe(fresh);
      }
    }
  });
});
