import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../services/context.js';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { createApi, OPENAPI_PATH, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

/** The API in-process (Hono's app.request), on a real database of each kind. */
describe.each(DIALECTS)('the HTTP API on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;

  const call = async (method: string, path: string, body?: unknown, raw?: string) => {
    const response = await api.request(path, {
      method,
      headers: body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {},
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const snapshot = async () => JSON.stringify([await call('GET', '/api/people'), await call('GET', '/api/networks'), await call('GET', '/api/goals'), await call('GET', '/api/exchanges')]);

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
  });

  it('creates, reads, links and logs', async () => {
    const person = await call('POST', '/api/people', { name: 'Amara Obi', strength: 2, importance: 4, cadence: 'quarterly', category: 'other-function' });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ id: 'per_0001', cadence: '3m', nextContact: { date: '2027-02-22', basis: 'cadence-after-added' } });
    const network = await call('POST', '/api/networks', { name: 'Research Network North', kind: 'research-network', role: 'want-to-join', importance: 5 });
    const goal = await call('POST', '/api/goals', { statement: 'Start a doctorate', horizon: '2027-09-01' });
    expect((await call('PUT', `/api/people/per_0001/goals/${goal.body.id}`, { relevance: 5 })).status).toBe(200);
    expect((await call('PUT', `/api/networks/${network.body.id}/members/per_0001`, { role: 'organiser' })).status).toBe(200);
    expect((await call('PUT', `/api/networks/${network.body.id}/goals/${goal.body.id}`, {})).body.relevance).toBe(3);
    const logged = await call('POST', '/api/exchanges', {
      occurredOn: '2026-11-20',
      channel: 'video',
      personIds: ['per_0001'],
      networkId: network.body.id,
      gave: [{ kind: 'feedback', note: 'on her protocol' }],
      received: [{ kind: 'introduction' }],
      followUps: [{ description: 'Send the paper', kind: 'resource', dueOn: '2026-11-27' }],
    });
    expect(logged.status).toBe(201);
    expect(logged.body.followUps[0]).toMatchObject({ dueOn: '2026-11-27', status: 'open' });
    const detail = await call('GET', '/api/people/per_0001');
    expect(detail.body.person.nextContact).toEqual({ date: '2027-02-20', basis: 'cadence-after-exchange' });
    expect(detail.body.networks[0].role).toBe('organiser');
    const due = await call('GET', '/api/due?within=7');
    expect(due.body.followUps).toHaveLength(1);
    expect((await call('POST', `/api/follow-ups/${logged.body.followUps[0].id}/done`)).body.status).toBe('done');
    expect((await call('GET', '/api/people?search=amara&limit=5')).body.total).toBe(1);
    expect((await call('GET', `/api/goals/${goal.body.id}`)).body.networks[0].name).toBe('Research Network North');
  });

  describe('refuses bad requests with a 4xx naming the field, and stores nothing', () => {
    let before: string;
    beforeAll(async () => {
      before = await snapshot();
    });
    afterAll(async () => {
      expect(await snapshot()).toBe(before);
    });

    it.each([
      ['a strength of 9', 'POST', '/api/people', { name: 'X', strength: 9 }, 'strength', /from 0 to 5/],
      ['an unknown category', 'POST', '/api/people', { name: 'X', category: 'wizards' }, 'category', /one of/],
      ['a date of 2026-02-30', 'POST', '/api/people', { name: 'X', nextContactOn: '2026-02-30' }, 'nextContactOn', /not a day of the calendar/],
      ['a missing name', 'POST', '/api/people', { strength: 1 }, 'name', /is required/],
      ['an unknown field', 'POST', '/api/people', { name: 'X', colour: 'red' }, 'colour', /not a field/],
      ['a bad paging value', 'GET', '/api/people?limit=0', undefined, 'query.limit', /./],
    ])('%s', async (_label, method, path, body, field, message) => {
      const response = await call(method, path, body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation', field });
      expect(response.body.error.message).toMatch(message);
    });

    it('malformed JSON', async () => {
      const response = await call('POST', '/api/people', undefined, '{"name": "Broken",');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: 'malformed_json', message: 'The request body is not valid JSON' } });
    });

    it('an unknown id', async () => {
      for (const [method, path, body] of [
        ['GET', '/api/people/per_nobody'],
        ['PATCH', '/api/networks/net_nobody', { strength: 1 }],
        ['DELETE', '/api/goals/goal_nobody'],
        ['POST', '/api/exchanges', { channel: 'email', personIds: ['per_0001', 'per_nobody'] }],
      ] as const) {
        const response = await call(method, path, body);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
    });

    it('an unknown route', async () => {
      expect((await call('GET', '/api/nothing-here')).status).toBe(404);
    });
  });

  it('runs the network check, whole or focused on a goal', async () => {
    // Amara and her goal in a workspace of this test's own (random ids: the suite's sequence is the first test's).
    const own = await workspaceBeside(world.session.ctx, 'ws_check', { ids: randomIds });
    const ownApi = createApi(() => own);
    const post = async (path: string, body: unknown) => (await ownApi.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<{ id: string }>;
    const amara = await post('/api/people', { name: 'Amara Obi', strength: 2, importance: 4, cadence: 'quarterly', category: 'other-function' });
    await post('/api/goals', { statement: 'Start a doctorate', horizon: '2027-09-01' });
    const suiteApi = api;
    api = ownApi;
    try {
      const report = await call('GET', '/api/check');
      expect(report.status).toBe(200);
      expect(Object.keys(report.body)).toEqual(expect.arrayContaining(['map', 'quadrants', 'goals', 'diversity', 'startHere', 'reciprocity', 'neglect', 'weakTies', 'transition']));
      expect(report.body.quadrants.strengthen[0]).toMatchObject({ kind: 'person', id: amara.id, name: 'Amara Obi' });
      const goals = await call('GET', '/api/goals');
      const focused = await call('GET', `/api/check?goalId=${goals.body.items[0].id}`);
      expect(focused.body.goals.items).toHaveLength(1);
      expect((await call('GET', '/api/check?goalId=goal_nope')).status).toBe(404);
    } finally {
      api = suiteApi;
    }
  });

  it('describes itself as OpenAPI', async () => {
    const doc = await call('GET', OPENAPI_PATH);
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of ['/api/check', '/api/people', '/api/people/{id}', '/api/networks/{id}/members/{personId}', '/api/goals', '/api/exchanges', '/api/follow-ups', '/api/introductions', '/api/due', '/api/profile']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.components.schemas.Person.properties.strength).toBeDefined();
  });
});
