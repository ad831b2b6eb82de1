import { describe, expect, it } from 'vitest';
import { createGoal } from '../services/goals.js';
import { addMember, linkNetworkToGoal, linkPeople, linkPersonToGoal, listGoalLinks, listMemberships, listTies } from '../services/links.js';
import { createNetwork } from '../services/networks.js';
import { createPerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * The whole lists of links (what the check and the exports read) are read without the
 * camel-case plugin, with the names aliased in SQL (whole-links.ts): they must give what the
 * filtered reads give, link by link, in the same order, with text that needs escaping intact.
 */
const HOSTILE = 'Zoë "Q" O\'Brien \\ tab\tnew\nline ☕ 😀 {"a":[1]} null';

describe.each(DIALECTS)('the whole lists of memberships, ties and goal links, on %s', (dialect) => {
  // A database per test: 'empty' means empty whatever ran before.
  const world = freshSession(dialect, { per: 'test' });

  it('are empty for a workspace with no links', async () => {
    const ctx = world.session.ctx;
    expect(await listMemberships(ctx)).toEqual([]);
    expect(await listTies(ctx)).toEqual([]);
    expect(await listGoalLinks(ctx)).toEqual([]);
  });

  it('give every link as the filtered reads give them, in their order', async () => {
    const ctx = world.session.ctx;
    const [zed, amy, bo] = [await createPerson(ctx, { name: 'Zed' }), await createPerson(ctx, { name: 'Amy' }), await createPerson(ctx, { name: 'Bo' })];
    const [guild, club] = [await createNetwork(ctx, { name: 'Guild' }), await createNetwork(ctx, { name: 'Club' })];
    const goal = await createGoal(ctx, { statement: 'Research', needs: [{ name: 'mentor' }, { name: 'funding' }] });
    const other = await createGoal(ctx, { statement: 'Teach' });
    await addMember(ctx, club.id, zed.id, { role: 'organiser' });
    await addMember(ctx, guild.id, amy.id);
    await addMember(ctx, guild.id, zed.id, { role: null });
    await linkPeople(ctx, zed.id, amy.id, { strength: 4, note: HOSTILE });
    await linkPeople(ctx, bo.id, zed.id);
    await linkPersonToGoal(ctx, zed.id, other.id, { relevance: 2 });
    await linkPersonToGoal(ctx, amy.id, goal.id, { relevance: 5, note: HOSTILE, serves: ['mentor', 'funding'] });
    await linkNetworkToGoal(ctx, guild.id, goal.id, { serves: ['funding'] });

    const memberships = await listMemberships(ctx);
    expect(memberships).toHaveLength(3);
    expect(memberships).toEqual([...(await listMemberships(ctx, { networkId: club.id })), ...(await listMemberships(ctx, { networkId: guild.id }))].sort((a, b) => (a.networkId < b.networkId ? -1 : a.networkId > b.networkId ? 1 : a.personId < b.personId ? -1 : 1)));
    expect(memberships.find((m) => m.networkId === club.id)).toEqual({ networkId: club.id, personId: zed.id, role: 'organiser' });

    const ties = await listTies(ctx);
    expect(ties).toHaveLength(2);
    for (const tie of ties) expect(await listTies(ctx, { personId: tie.personAId })).toContainEqual(tie);
    expect(ties.find((t) => t.note !== null)).toEqual({ personAId: [zed.id, amy.id].sort()[0], personBId: [zed.id, amy.id].sort()[1], strength: 4, note: HOSTILE });
    expect(ties.map((t) => `${t.personAId}|${t.personBId}`)).toEqual(ties.map((t) => `${t.personAId}|${t.personBId}`).sort());

    const links = await listGoalLinks(ctx);
    expect(links.map((l) => l.kind)).toEqual(['person', 'person', 'network']);
    expect(links).toEqual([...(await listGoalLinks(ctx, { personId: zed.id })), ...(await listGoalLinks(ctx, { personId: amy.id })), ...(await listGoalLinks(ctx, { networkId: guild.id }))].sort((a, b) => (a.kind === b.kind ? (a.goalId < b.goalId ? -1 : 1) : a.kind === 'person' ? -1 : 1)));
    const amys = links.find((l) => l.targetId === amy.id);
    expect(amys).toMatchObject({ goalId: goal.id, kind: 'person', relevance: 5, note: HOSTILE });
    expect(amys?.serves).toHaveLength(2);
  });
});
