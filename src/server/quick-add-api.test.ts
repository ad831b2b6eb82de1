import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

/** Adding people with their links in one request: all of them, linked, or nobody. */
describe.each(DIALECTS)('quick add through the API on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;
  let goal: string;
  let society: string;
  let hub: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
    goal = (await call('POST', '/api/goals', { statement: 'Get into research' })).body.id;
    society = (await call('POST', '/api/networks', { name: 'Physio Society', kind: 'professional-body' })).body.id;
    hub = (await call('POST', '/api/networks', { name: 'Research Hub', kind: 'research-network' })).body.id;
  });

  it('adds several people, each linked to the goal with its relevance and to both networks with their roles', async () => {
    const result = await call('POST', '/api/people/quick-add', {
      people: [{ name: 'Ana Silva', organisation: 'Hospital Norte', channels: [{ kind: 'email', value: 'ana@example.org' }], knowAndLike: true }, { name: 'Rui Costa' }],
      goals: [{ goalId: goal, relevance: 5 }],
      networks: [{ networkId: society, role: 'committee' }, { networkId: hub }],
    });
    expect(result.status).toBe(201);
    expect(result.body.added.map((p: { name: string }) => p.name)).toEqual(['Ana Silva', 'Rui Costa']);
    const ana = (await call('GET', `/api/people/${result.body.added[0].id}`)).body;
    expect(ana.goals.map((g: { goal: { id: string }; relevance: number }) => [g.goal.id, g.relevance])).toEqual([[goal, 5]]);
    const roles = Object.fromEntries(ana.networks.map((n: { network: { id: string }; role: string | null }) => [n.network.id, n.role]));
    expect(roles).toEqual({ [society]: 'committee', [hub]: null });
    expect(ana.person).toMatchObject({ knowAndLike: true, organisation: 'Hospital Norte' });
    const rui = (await call('GET', `/api/people/${result.body.added[1].id}`)).body;
    expect(rui.goals.map((g: { relevance: number }) => g.relevance)).toEqual([5]);
    expect(rui.networks).toHaveLength(2);
  });

  it('adds nobody when one link is wrong or one person is invalid, and says where', async () => {
    const before = (await call('GET', '/api/people')).body.total;
    const unknown = await call('POST', '/api/people/quick-add', { people: [{ name: 'Mia Lee' }, { name: 'Tom Ng' }], goals: [{ goalId: goal }], networks: [{ networkId: 'net_nope' }] });
    expect(unknown.status).toBe(404);
    const invalid = await call('POST', '/api/people/quick-add', { people: [{ name: 'Mia Lee' }, { name: '' }], goals: [] });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.error)).toMatch(/people\.1\.name|people\[1\]/);
    expect((await call('POST', '/api/people/quick-add', { people: [] })).status).toBe(400);
    expect((await call('POST', '/api/people/quick-add', { people: Array.from({ length: 201 }, (_, i) => ({ name: `P${i}` })) })).status).toBe(400);
    expect((await call('GET', '/api/people')).body.total).toBe(before);
  });
});
