import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../core/model.js';
import { randomIds } from '../services/context.js';
import { atDataVersionSeen, currentDataVersion } from '../services/data-version.js';
import { addMember } from '../services/links.js';
import { createNetwork } from '../services/networks.js';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { AnswerCache, keepAnswers } from './answer-cache.js';

/*
 * A list of people asked with nothing kept for it names the version of the data it read (on
 * PostgreSQL a page of a kept order reads it in the page's own statement, one round trip where
 * reading it first was two), and the answer is kept under that version. What must hold: the
 * version named is the one the page belongs to, so an order kept under an older version is never
 * used for rows read at a newer one, and nothing crosses to another workspace.
 */
describe.each(DIALECTS)('a people listing kept under the version its read saw, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });
  let networkId: string;
  const names = (page: { items: Person[] }) => page.items.map((person) => person.name);

  beforeAll(async () => {
    const ctx = world.session.ctx;
    networkId = (await createNetwork(ctx, { name: 'Seen Guild' })).id;
    for (const name of ['Ada Seen', 'Bea Seen', 'Cy Seen', 'Dee Seen']) {
      const person = await createPerson(ctx, { name });
      if (name !== 'Dee Seen') await addMember(ctx, networkId, person.id);
    }
  });

  it("names the version a kept order's page belongs to, and reads the page anew after a write from another connection", async () => {
    const ctx = world.session.ctx;
    const deep = { limit: 2, offset: 1, search: undefined } as const;
    // Worked out (and its order kept), then taken from the kept order: both named as the data now.
    for (let i = 0; i < 2; i++) {
      const seen = await atDataVersionSeen(ctx, () => listPeople(ctx, deep));
      expect(seen.version).toBe(await currentDataVersion(ctx));
      expect(names(seen.value)).toEqual(['Bea Seen', 'Cy Seen']);
      expect(seen.value.total).toBe(4);
    }
    const inNetwork = await atDataVersionSeen(ctx, () => listPeople(ctx, { networkId, limit: 2 }));
    expect(inNetwork.version).toBe(await currentDataVersion(ctx));
    expect(inNetwork.value).toMatchObject({ total: 3 });
    expect(names(inNetwork.value)).toEqual(['Ada Seen', 'Bea Seen']);

    // Another connection adds someone who sorts first, and moves Bea out of the network: the kept
    // orders are older than the rows read beside them now, and are not used.
    const first = await createPerson(world.other.ctx, { name: 'Aaron Seen' });
    await addMember(world.other.ctx, networkId, first.id);
    const after = await atDataVersionSeen(ctx, () => listPeople(ctx, deep));
    expect(after.version).toBe(await currentDataVersion(ctx));
    expect(after.version).not.toBe(inNetwork.version);
    expect(names(after.value)).toEqual(['Ada Seen', 'Bea Seen']);
    expect(after.value.total).toBe(5);
    const networkAfter = await atDataVersionSeen(ctx, () => listPeople(ctx, { networkId, limit: 2, offset: 1 }));
    expect(networkAfter.version).toBe(after.version);
    expect(names(networkAfter.value)).toEqual(['Ada Seen', 'Bea Seen']);
    expect(networkAfter.value.total).toBe(4);

    // A write through this server to someone a kept order holds (told, owed): the next page is caught up.
    await updatePerson(ctx, first.id, { name: 'Zed Seen' });
    const told = await atDataVersionSeen(ctx, () => listPeople(ctx, { ...deep, offset: 3 }));
    expect(told.version).toBe(await currentDataVersion(ctx));
    expect(names(told.value)).toEqual(['Dee Seen', 'Zed Seen']);
  });

  it('names a version for any other listing too, read before its rows', async () => {
    const ctx = world.session.ctx;
    for (const filter of [{ limit: 2 }, { limit: 2, offset: 2, search: 'seen' }, { limit: 2, cursor: undefined, sort: 'next-contact' as const }, {}]) {
      const seen = await atDataVersionSeen(ctx, () => listPeople(ctx, filter));
      expect(seen.version, JSON.stringify(filter)).toBe(await currentDataVersion(ctx));
    }
  });

  it("gives no one for another workspace's network, an unknown or hostile id, or a page past the end, and names the version all the same", async () => {
    const ctx = world.session.ctx;
    const other = await workspaceBeside(ctx, 'listing-seen-other', { ids: randomIds });
    for (const [label, context, id] of [['unknown', ctx, 'no-such-network'], ['hostile', ctx, "x' or '1'='1"], ["another workspace's", other, networkId]] as const) {
      const seen = await atDataVersionSeen(context, () => listPeople(context, { networkId: id, limit: 2, offset: 1 }));
      expect(seen.value, label).toMatchObject({ items: [], total: 0 });
      expect(seen.version, label).toBe(await currentDataVersion(context));
    }
    const past = await atDataVersionSeen(ctx, () => listPeople(ctx, { limit: 2, offset: 100 }));
    expect(past.value.items).toEqual([]);
    expect(past.value.total).toBeGreaterThan(0);
    expect(past.version).toBe(await currentDataVersion(ctx));
  });

  it('keeps a page of a kept order until anything is written, from here or from another connection', async () => {
    const ctx = world.session.ctx;
    let worked = 0;
    const app = new Hono();
    app.use('*', keepAnswers(() => world.session.ctx, new AnswerCache()));
    app.get('/api/people', async (c) => {
      worked += 1;
      const page = await listPeople(world.session.ctx, { networkId, limit: 2, offset: 1 });
      return c.json({ names: names(page), worked });
    });
    const ask = async () => (await (await app.request(`/api/people?networkId=${networkId}&limit=2&offset=1`)).json()) as { names: string[]; worked: number };
    const first = await ask();
    expect(first.worked).toBe(1);
    expect((await ask()).worked).toBe(1);
    const newcomer = await createPerson(world.other.ctx, { name: 'Abe Seen' });
    await addMember(world.other.ctx, networkId, newcomer.id);
    const afterOther = await ask();
    expect(afterOther.worked).toBe(2);
    expect(afterOther.names[0]).toBe(names(await listPeople(ctx, { networkId, limit: 2, offset: 1 }))[0]);
    expect((await ask()).worked).toBe(2);
  });
});
