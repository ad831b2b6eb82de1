import { beforeAll, describe, expect, it } from 'vitest';
import { decodePersonCursor } from '../contract/person-cursor.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { addMember, linkPersonToGoal } from '../services/links.js';
import { createPerson, listPeople, removePerson, updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { randomIds } from '../services/context.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { dataVersion } from './data-version.js';
import { isPostgres } from './json-dialects.js';
import { selectOrderAndPage, selectPageByIds } from './people-page.js';

/*
 * A page past the first takes its ids from the listing's whole order, kept per version of
 * the data (people-list.ts): every write must show on the next page asked for, in every
 * sort and under a filter, exactly as the whole list says.
 */
describe.each(DIALECTS)('pages by offset after writes, on %s', (dialect) => {
  const world = freshSession(dialect);

  beforeAll(async () => {
    const snapshot = generateLargeSnapshot({ people: 400, networks: 3, goals: 2, exchanges: 300, today: '2026-11-22', seed: 5 });
    await bulkLoad(world.session.ctx, snapshot);
  }, 120_000);

  /** Each page by offset is the slice of the whole list, and says the whole list's total. */
  async function pagesAreSlices(filter: { sort?: 'name' | 'next-contact' | 'last-exchange' | 'strength'; networkId?: string }) {
    const whole = (await listPeople(world.session.ctx, filter)).items.map((p) => p.id);
    for (const offset of [50, 150, whole.length - 10]) {
      const page = await listPeople(world.session.ctx, { ...filter, limit: 50, offset });
      expect(page.items.map((p) => p.id), `${JSON.stringify(filter)} at ${offset}`).toEqual(whole.slice(offset, offset + 50));
      expect(page.total).toBe(whole.length);
    }
    return whole;
  }

  it('shows an added, renamed, rescheduled and removed person on the next deep page asked for', async () => {
    const sorts = ['name', 'next-contact', 'last-exchange', 'strength'] as const;
    for (const sort of sorts) await pagesAreSlices({ sort });
    const before = await pagesAreSlices({ sort: 'name' });
    const aaron = await createPerson(world.session.ctx, { name: 'Aaron Aab', nextContactOn: '2026-11-23' });
    const after = await pagesAreSlices({ sort: 'name' });
    expect(after).toEqual([aaron.id, ...before]);
    for (const sort of sorts) await pagesAreSlices({ sort });
    await updatePerson(world.session.ctx, aaron.id, { name: 'Zed Zzyzx', nextContactOn: '2027-06-01' });
    expect((await pagesAreSlices({ sort: 'name' })).at(-1)).toBe(aaron.id);
    await pagesAreSlices({ sort: 'next-contact' });
    await removePerson(world.session.ctx, aaron.id);
    expect(await pagesAreSlices({ sort: 'name' })).toEqual(before);
  });

  it('reads the whole list (no filter, no page) as the same people, channels and order as a page of everyone', async () => {
    const withChannels = await createPerson(world.session.ctx, { name: 'Chan Nell', channels: [{ kind: 'email', value: 'chan@example.org' }, { kind: 'phone', value: '+44 20 7946 0000', label: 'work' }] });
    const whole = await listPeople(world.session.ctx);
    // A limit makes it a page: the query builder's way, not the whole list's.
    const page = await listPeople(world.session.ctx, { sort: 'name', limit: 10_000 });
    expect(whole.items).toEqual(page.items);
    expect(whole.total).toBe(page.total);
    expect(whole.items.find((p) => p.id === withChannels.id)?.channels).toEqual(withChannels.channels);
    await removePerson(world.session.ctx, withChannels.id);
  });

  it('answers a deep page read by its ids with the same people as the whole list, channels and every field alike', async () => {
    const chan = await createPerson(world.session.ctx, { name: 'Mm Chan', channels: [{ kind: 'email', value: 'mm@example.org' }, { kind: 'phone', value: '+44 20 7946 0001', label: 'work' }] });
    const whole = (await listPeople(world.session.ctx)).items;
    const at = whole.findIndex((p) => p.id === chan.id);
    const offset = Math.max(1, at - 5);
    // Past the first page: its ids from the kept order, its rows and channels in one statement (people-page.ts).
    const page = await listPeople(world.session.ctx, { sort: 'name', limit: 50, offset });
    expect(page.items).toEqual(whole.slice(offset, offset + 50));
    expect(page.items.find((p) => p.id === chan.id)?.channels).toEqual(chan.channels);
    // A keyset sort's deep page still says where the next one starts, and that page follows on.
    const next = await listPeople(world.session.ctx, { sort: 'name', limit: 50, cursor: decodePersonCursor(page.nextCursor as string) ?? undefined });
    expect(next.items).toEqual(whole.slice(offset + 50, offset + 100));
    await removePerson(world.session.ctx, chan.id);
  });

  it('counts a first page with room to spare by its length, and a full one by counting, in a sort a cursor continues and one it does not', async () => {
    for (const stage of ['to-meet', 'met', 'dormant'] as const) {
      const whole = await listPeople(world.session.ctx, { stage });
      const n = whole.total;
      expect(n).toBeGreaterThan(2);
      for (const sort of ['name', 'strength'] as const) {
        for (const limit of [n - 1, n, n + 1, n + 50]) {
          const page = await listPeople(world.session.ctx, { stage, sort, limit });
          expect(page.total, `${stage} ${sort} ${limit}`).toBe(n);
          expect(page.items.length).toBe(Math.min(limit, n));
        }
      }
    }
    // A filter nothing matches: an empty first page, a total of nought.
    const none = await listPeople(world.session.ctx, { search: 'zzqqxxnothing', limit: 50 });
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('pages a network filter the same way', async () => {
    const networks = await world.session.ctx.db.selectFrom('networks').select('id').where('workspaceId', '=', world.session.ctx.workspaceId).execute();
    for (const { id } of networks) {
      const members = await pagesAreSlices({ networkId: id, sort: 'name' });
      expect(members.length).toBeGreaterThan(0);
    }
  });

  it("pages a goal's and a network's people from the first page on, channels included, and shows one who joins on the next page asked for", async () => {
    // On PostgreSQL these pages come from the listing's kept order (people-list.ts, byKeptOrder), the first one too.
    const goals = await world.session.ctx.db.selectFrom('goals').select('id').where('workspaceId', '=', world.session.ctx.workspaceId).execute();
    const networks = await world.session.ctx.db.selectFrom('networks').select('id').where('workspaceId', '=', world.session.ctx.workspaceId).execute();
    const filters = [...goals.map(({ id }) => ({ goalId: id })), ...networks.map(({ id }) => ({ networkId: id }))];
    const firstPagesAreTheWholeListsHead = async () => {
      for (const filter of filters) {
        const whole = await listPeople(world.session.ctx, filter);
        for (const page of [await listPeople(world.session.ctx, { ...filter, limit: 20 }), await listPeople(world.session.ctx, { ...filter, limit: 20, offset: 0 })]) {
          expect(page.items, JSON.stringify(filter)).toEqual(whole.items.slice(0, 20));
          expect(page.total).toBe(whole.total);
        }
      }
    };
    await firstPagesAreTheWholeListsHead();
    const first = await createPerson(world.session.ctx, { name: 'Aa Aardvark', channels: [{ kind: 'email', value: 'aa@example.org' }] });
    const goalId = goals[0]?.id as string;
    const networkId = networks[0]?.id as string;
    await linkPersonToGoal(world.session.ctx, first.id, goalId, { relevance: 3 });
    await addMember(world.session.ctx, networkId, first.id);
    await firstPagesAreTheWholeListsHead();
    for (const filter of [{ goalId }, { networkId }]) {
      const page = await listPeople(world.session.ctx, { ...filter, limit: 20 });
      expect(page.items[0]?.id).toBe(first.id);
      expect(page.items[0]?.channels.map((c) => c.value)).toEqual(['aa@example.org']);
    }
    await removePerson(world.session.ctx, first.id);
    for (const filter of [{ goalId }, { networkId }]) expect((await listPeople(world.session.ctx, { ...filter, limit: 20 })).items.map((p) => p.id)).not.toContain(first.id);
  });

  it('reads a page by ids in their order, leaving out ids that are not this workspace\'s people, hostile ones included', async () => {
    const whole = (await listPeople(world.session.ctx)).items;
    const [a, b, c] = [whole[3]!, whole[200]!, whole[77]!];
    const ids = [c.id, 'nobody', b.id, "x' or '1'='1", a.id, '["p1"]', '', 'é?%_\\'];
    const page = await selectPageByIds(world.session.ctx.db, world.session.ctx.workspaceId, ids);
    expect(page.map(({ person }) => person)).toEqual([c, b, a]);
    expect(page.map(({ row }) => row.id)).toEqual([c.id, b.id, a.id]);
    // Another workspace's page of the same ids is empty.
    expect(await selectPageByIds(world.session.ctx.db, `${world.session.ctx.workspaceId}-other`, ids)).toEqual([]);
    expect(await selectPageByIds(world.session.ctx.db, world.session.ctx.workspaceId, [])).toEqual([]);
  });

  it("reads a network's order and a page of it in one statement on PostgreSQL: past the end, an unknown network and another workspace's network give no one", async () => {
    const ctx = world.session.ctx;
    const networks = await ctx.db.selectFrom('networks').select('id').where('workspaceId', '=', ctx.workspaceId).orderBy('id').execute();
    const networkId = networks[0]?.id as string;
    const whole = (await listPeople(ctx, { networkId })).items;
    // Pages past the end and an empty one, on an order not yet kept (a fresh filter each: a sort read first here).
    for (const sort of ['strength', 'next-contact'] as const) {
      const inOrder = (await listPeople(ctx, { networkId, sort })).items.map((p) => p.id);
      const past = await listPeople(ctx, { networkId, sort, limit: 20, offset: inOrder.length + 5 });
      expect(past).toMatchObject({ items: [], total: inOrder.length });
    }
    const other = await workspaceBeside(ctx, 'network-order-other', { ids: randomIds });
    for (const [label, context, id] of [['unknown', ctx, 'no-such-network'], ['hostile', ctx, "x' or '1'='1"], ["another workspace's", other, networkId]] as const) {
      const page = await listPeople(context, { networkId: id, limit: 20 });
      expect(page, label).toMatchObject({ items: [], total: 0 });
    }
    if (!isPostgres(ctx.db)) return;
    const order = ctx.db.selectFrom('people').innerJoin('memberships', 'memberships.personId', 'people.id').select('people.id').where('people.workspaceId', '=', ctx.workspaceId).where('memberships.networkId', '=', networkId).orderBy('people.sortName').orderBy('people.id');
    const read = await selectOrderAndPage(ctx.db, ctx.workspaceId, order.compile(), { offset: 2, take: 3 }, false);
    expect(read.ids).toEqual(whole.map((p) => p.id));
    expect(read.page.map(({ person }) => person)).toEqual(whole.slice(2, 5));
    const beyond = await selectOrderAndPage(ctx.db, ctx.workspaceId, order.compile(), { offset: whole.length, take: 3 }, false);
    expect(beyond).toEqual({ ids: whole.map((p) => p.id), page: [], version: await dataVersion(ctx.db, ctx.workspaceId) });
    // The page's rows are this workspace's only, whatever the order names.
    expect((await selectOrderAndPage(ctx.db, other.workspaceId, order.compile(), { offset: 0, take: 3 }, false)).page).toEqual([]);
  });
});
