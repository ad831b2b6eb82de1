import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson, getPerson, listPeople, updatePerson } from '../services/people.js';
import { listPersonDates, upcomingDates } from '../services/person-dates.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { DIALECTS } from '../test-support/databases.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

/** Adding or changing a person with their dates that matter: both written in one transaction, or neither. */
describe.each(DIALECTS)('a person and their dates, written together, on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const total = async () => (await call('GET', '/api/people')).body.total as number;

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
  });

  it('POST /api/people takes the dates and stores them with the person', async () => {
    const dates = [
      { kind: 'birthday', label: null, month: 2, day: 29, year: null },
      { kind: 'other', label: 'Started at the trust', month: 9, day: 1, year: 2019 },
    ];
    const added = await call('POST', '/api/people', { name: 'Ana Silva', dates });
    expect(added.status).toBe(201);
    expect((await call('GET', `/api/people/${added.body.id}/dates`)).body).toEqual({ dates });
    expect((await call('GET', '/api/dates?within=month')).body.dates).toEqual([]);
    // Quick add takes the same person input, dates included, in its own single transaction.
    const quick = await call('POST', '/api/people/quick-add', { people: [{ name: 'Bo Li', dates: [{ kind: 'anniversary', label: null, month: 11, day: 30, year: 2016 }] }] });
    expect(quick.status).toBe(201);
    expect((await call('GET', '/api/dates?within=month')).body.dates.map((d: { personName: string; years: number }) => [d.personName, d.years])).toEqual([['Bo Li', 10]]);
  });

  it.each([
    ['a day its month never has', [{ kind: 'birthday', label: null, month: 2, day: 30, year: 1985 }], 'dates.0.day', /no day 30/],
    ['two birthdays', [{ kind: 'birthday', label: null, month: 1, day: 1, year: null }, { kind: 'birthday', label: null, month: 1, day: 2, year: null }], 'dates', /at most one birthday/],
    ['a named date without its name', [{ kind: 'other', label: null, month: 1, day: 1, year: null }], 'dates.0.label', /needs a name/],
    ['more than 50', Array.from({ length: 51 }, (_, i) => ({ kind: 'other', label: `Day ${i}`, month: 1, day: 1, year: null })), 'dates', /50/],
  ])('refuses %s, naming the field, and adds nobody', async (_label, dates, field, message) => {
    const before = await total();
    const refused = await call('POST', '/api/people', { name: 'Refused Person', dates });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation', field, message: expect.stringMatching(message) });
    expect(await total()).toBe(before);
  });

  it('a date the database refuses after the person is written rolls the person back too', async () => {
    const ctx = world.session.ctx;
    const before = await total();
    // Past the contract (as a caller inside the services could be): the database's own checks refuse month 13.
    await expect(createPerson(ctx, { name: 'Half Written', dates: [{ kind: 'birthday', label: null, month: 13, day: 40, year: null }] })).rejects.toThrow();
    expect(await total()).toBe(before);
    expect((await listPeople(ctx, { search: 'Half Written' })).items).toEqual([]);
    const kept = await createPerson(ctx, { name: 'Whole', dates: [{ kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 }] });
    expect(await listPersonDates(ctx, kept.id)).toEqual([{ kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 }]);
  });

  it('PATCH /api/people/{id} changes the fields and replaces the dates together', async () => {
    const id = (await call('POST', '/api/people', { name: 'Dee Okafor', role: 'Nurse', dates: [{ kind: 'birthday', label: null, month: 3, day: 4, year: null }] })).body.id as string;
    const dates = [{ kind: 'anniversary', label: null, month: 5, day: 6, year: 2001 }];
    const changed = await call('PATCH', `/api/people/${id}`, { role: 'Charge nurse', dates });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('Charge nurse');
    expect((await call('GET', `/api/people/${id}/dates`)).body).toEqual({ dates });
    // Without dates in the patch they stay; an empty list clears them.
    expect((await call('PATCH', `/api/people/${id}`, { role: 'Ward sister' })).status).toBe(200);
    expect((await call('GET', `/api/people/${id}/dates`)).body).toEqual({ dates });
    expect((await call('PATCH', `/api/people/${id}`, { dates: [] })).status).toBe(200);
    expect((await call('GET', `/api/people/${id}/dates`)).body).toEqual({ dates: [] });
  });

  it('a refused date in an edit changes nothing: not the fields, not the dates', async () => {
    const dates = [{ kind: 'birthday', label: null, month: 7, day: 8, year: null }];
    const id = (await call('POST', '/api/people', { name: 'Eli Novak', role: 'Physio', dates })).body.id as string;
    const refused = await call('PATCH', `/api/people/${id}`, { role: 'Lead physio', dates: [{ kind: 'birthday', label: null, month: 2, day: 30, year: null }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation', field: 'dates.0.day' });
    // Past the contract (as a caller inside the services could be): the database refuses month 13 after the fields are written, and they roll back with it.
    await expect(updatePerson(world.session.ctx, id, { role: 'Lead physio', dates: [{ kind: 'birthday', label: null, month: 13, day: 40, year: null }] })).rejects.toThrow();
    expect((await getPerson(world.session.ctx, id)).role).toBe('Physio');
    expect(await listPersonDates(world.session.ctx, id)).toEqual(dates);
  });

  it('dates added with a person stay in their workspace', async () => {
    const cy = (await call('POST', '/api/people', { name: 'Cy Park', dates: [{ kind: 'birthday', label: null, month: 12, day: 1, year: null }] })).body.id as string;
    const other = await workspaceBeside(world.session.ctx, 'ws_other');
    expect((await upcomingDates(other, 366)).dates).toEqual([]);
    await expect(listPersonDates(other, cy)).rejects.toThrow(/No person/);
    expect((await upcomingDates(world.session.ctx, 31)).dates.map((d) => d.personName)).toContain('Cy Park');
  });
});
