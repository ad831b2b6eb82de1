import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonFilter } from '../contract/filters.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { logExchange } from '../services/exchanges.js';
import { addMember } from '../services/links.js';
import { bulkJudge, createPerson, listPeople, updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { listingVersion } from './data-version.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * A listing's kept count and order (people-list.ts) are kept until what the listing reads is
 * written (data-version.ts, listingVersion): on SQLite an exchange logged or a note changed
 * leaves the listing by category as it was, and every page still shows every write to what it
 * reads. PostgreSQL has one counter per workspace: every write moves every listing on. A write to a
 * few people patches the listings it changes instead (people-list-patch.ts; its own test).
 */
describe.each(DIALECTS)('listings kept until what they read is written, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });
  let ids: string[];
  let networkId: string;

  beforeAll(async () => {
    const snapshot = generateLargeSnapshot({ people: 300, networks: 3, goals: 2, exchanges: 200, today: '2026-11-22', seed: 11 });
    await bulkLoad(world.session.ctx, snapshot);
    ids = snapshot.people.map((p) => p.id);
    networkId = snapshot.networks[0]!.id;
  }, 120_000);

  const version = (reads: string[]) => listingVersion(world.session.ctx.db, world.session.ctx.workspaceId, reads);

  /** Each page by offset is the slice of the whole list, and says the whole list's total. */
  async function pagesAreSlices(filter: PersonFilter) {
    const whole = (await listPeople(world.session.ctx, filter)).items.map((p) => p.id);
    for (const offset of [40, Math.max(1, whole.length - 10)]) {
      const page = await listPeople(world.session.ctx, { ...filter, limit: 40, offset });
      expect(page.items.map((p) => p.id), `${JSON.stringify(filter)} at ${offset}`).toEqual(whole.slice(offset, offset + 40));
      expect(page.total, JSON.stringify(filter)).toBe(whole.length);
    }
    return whole;
  }

  it('moves a listing on when what it reads is written, and on SQLite only then', async () => {
    const byCategory = await version(['people.category']);
    const byLastExchange = await version(['people.last_exchange_on']);
    await logExchange(world.session.ctx, { personIds: [ids[0]!], channel: 'email', occurredOn: '2026-11-22' });
    await updatePerson(world.session.ctx, ids[1]!, { notes: 'Met at the bench' });
    const afterExchange = await version(['people.category']);
    if (dialect === 'sqlite') expect(afterExchange).toBe(byCategory);
    else expect(afterExchange).not.toBe(byCategory);
    // On SQLite a write to one person patches the kept listings it changes instead (people-list-patch.ts): they stay under their version.
    if (dialect === 'sqlite') expect(await version(['people.last_exchange_on'])).toBe(byLastExchange);
    else expect(await version(['people.last_exchange_on'])).not.toBe(byLastExchange);

    // A write to many people is not patched: what it writes moves on.
    await bulkJudge(world.session.ctx, { ids: ids.slice(2, 40) }, { category: 'leader-in-field' });
    const afterCategory = await version(['people.category']);
    expect(afterCategory).not.toBe(afterExchange);

    // A person added moves every listing on; so does a membership the network listing reads.
    const byMembership = await version(['memberships']);
    await createPerson(world.session.ctx, { name: 'Ada Added', category: 'author-blogger' });
    expect(await version(['people.category'])).not.toBe(afterCategory);
    expect(await version(['memberships'])).not.toBe(byMembership);
    const beforeJoining = await version(['memberships']);
    const byCategoryBeforeJoining = await version(['people.category']);
    await addMember(world.session.ctx, networkId, ids[3]!);
    expect(await version(['memberships'])).not.toBe(beforeJoining);
    if (dialect === 'sqlite') expect(await version(['people.category'])).toBe(byCategoryBeforeJoining);

    // Whatever another connection writes, every listing moves on: this process cannot see what it wrote.
    const beforeElsewhere = await version(['people.category']);
    await updatePerson(world.other.ctx, ids[4]!, { notes: 'Changed from the command line' });
    expect(await version(['people.category'])).not.toBe(beforeElsewhere);
  });

  it('shows every write to what a listing reads on its next deep page, and its total', async () => {
    for (const sort of ['name', 'last-exchange', 'next-contact'] as const) await pagesAreSlices({ sort, category: 'leader-in-field' });
    const due = await pagesAreSlices({ sort: 'next-contact', due: 'due' });
    await pagesAreSlices({ networkId });

    // An exchange moves its person in the orders by date, and out of what is due.
    const someone = due[due.length - 1]!;
    await logExchange(world.session.ctx, { personIds: [someone], channel: 'coffee', occurredOn: '2026-11-22' });
    const byLastExchange = await pagesAreSlices({ sort: 'last-exchange' });
    const metToday = (await listPeople(world.session.ctx, { sort: 'last-exchange' })).items.filter((p) => p.lastExchangeOn === '2026-11-22').map((p) => p.id);
    expect(byLastExchange.slice(0, metToday.length)).toContain(someone);
    await pagesAreSlices({ sort: 'next-contact', due: 'due' });

    // A category changed, a membership added, a name changed: each on the next page asked for.
    const leaders = await pagesAreSlices({ category: 'leader-in-field' });
    const newcomer = ids.find((id) => !leaders.includes(id))!;
    await updatePerson(world.session.ctx, newcomer, { category: 'leader-in-field' });
    expect(await pagesAreSlices({ category: 'leader-in-field' })).toContain(newcomer);
    const members = await pagesAreSlices({ networkId });
    const joining = ids.find((id) => !members.includes(id))!;
    await addMember(world.session.ctx, networkId, joining);
    expect(await pagesAreSlices({ networkId })).toContain(joining);
    await updatePerson(world.session.ctx, leaders[0]!, { name: 'Zora Zuleta' });
    expect((await pagesAreSlices({ category: 'leader-in-field' })).at(-1)).toBe(leaders[0]);
  });
});
