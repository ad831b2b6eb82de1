import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

interface Listed {
  id: string;
  name: string;
  strength: number;
  importance: number;
  lastExchangeOn: string | null;
  nextContact: { date: string } | null;
}

/** The people list's filters agree with the check and the due list, on the demo map, on each database. */
describe.each(DIALECTS)('listing people by quadrant, due and order on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;
  const get = async <T>(path: string): Promise<T> => {
    const response = await api.request(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const ids = async (query: string) => (await get<{ items: Listed[] }>(`/api/people?${query}`)).items.map((p) => p.id).sort();

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
    expect((await api.request('/api/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('puts each person in the quadrant the check puts them in', async () => {
    const check = await get<{ quadrants: Record<string, { kind: string; id: string }[]> }>('/api/check');
    let seen = 0;
    for (const quadrant of ['maintain', 'strengthen', 'overInvested', 'letBe']) {
      const expected = (check.quadrants[quadrant] ?? []).filter((i) => i.kind === 'person').map((i) => i.id).sort();
      expect(await ids(`quadrant=${quadrant}`), quadrant).toEqual(expected);
      seen += expected.length;
    }
    expect(seen).toBe((await get<{ total: number }>('/api/people?limit=1')).total);
  });

  it('lists as due exactly the people the due list names, and pages them', async () => {
    const due = await get<{ contacts: { personId: string; status: string }[] }>('/api/due?within=7');
    expect(due.contacts.length).toBeGreaterThan(3);
    expect(await ids('due=due')).toEqual(due.contacts.map((c) => c.personId).sort());
    expect(await ids('due=overdue')).toEqual(due.contacts.filter((c) => c.status === 'overdue').map((c) => c.personId).sort());
    const page = await get<{ items: Listed[]; total: number }>('/api/people?due=due&sort=next-contact&limit=2&offset=1');
    expect(page.total).toBe(due.contacts.length);
    expect(page.items).toHaveLength(2);
  });

  it('sorts by next contact soonest first, by scores highest first, by last exchange latest first', async () => {
    const all = async (sort: string) => (await get<{ items: Listed[] }>(`/api/people?sort=${sort}`)).items;
    const byNext = (await all('next-contact')).map((p) => p.nextContact?.date ?? '9999-12-31');
    expect(byNext).toEqual([...byNext].sort());
    const byStrength = (await all('strength')).map((p) => p.strength);
    expect(byStrength).toEqual([...byStrength].sort((a, b) => b - a));
    const byImportance = (await all('importance')).map((p) => p.importance);
    expect(byImportance).toEqual([...byImportance].sort((a, b) => b - a));
    const byLast = (await all('last-exchange')).map((p) => p.lastExchangeOn);
    const met = byLast.filter((d): d is string => d !== null);
    expect(byLast.slice(0, met.length)).toEqual([...met].sort().reverse());
    expect(byLast.slice(met.length).every((d) => d === null)).toBe(true);
  });

  it('serves the check’s map alone, the same as the whole check’s, with the goals named', async () => {
    const check = await get<{ map: unknown; goals: { items: { goalId: string; statement: string }[] } }>('/api/check');
    const view = await get<{ map: unknown; goals: { id: string; statement: string }[] }>('/api/map');
    expect(view.map).toEqual(check.map);
    expect(view.goals.map((g) => g.id).sort()).toEqual(check.goals.items.map((g) => g.goalId).sort());
    expect((await api.request('/api/map?goalId=goal_nope')).status).toBe(404);
  });

  it('refuses an unknown quadrant or order, naming the field', async () => {
    const response = await api.request('/api/people?sort=shoe-size');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('sort');
  });
});
