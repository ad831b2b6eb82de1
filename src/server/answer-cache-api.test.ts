import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../core/model.js';
import { logExchange } from '../services/exchanges.js';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { Hono } from 'hono';
import { createApi, type Api } from './app.js';
import { AnswerCache, keepAnswers } from './answer-cache.js';
import { freshSession } from '../test-support/fresh-session.js';

const json = { 'content-type': 'application/json' };

/** Answers kept per version of the data: the same answer while nothing is written, a fresh one after any write, from anywhere. */
describe.each(DIALECTS)('kept answers and small ones unzipped, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });
  let api: Api;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await api.request(path, { headers });
    expect(response.status, path).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = response.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    return { response, body: JSON.parse(text) as { items: Person[]; total: number } };
  };

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
    expect((await api.request('/api/demo', { method: 'POST', headers: json, body: '{}' })).status).toBe(200);
  });

  it('answers again with what it answered while nothing is written', async () => {
    const first = await page('/api/people?limit=5');
    const again = await page('/api/people?limit=5');
    expect(again.body).toEqual(first.body);
    // Another query is another answer.
    expect((await page('/api/people?limit=5&offset=5')).body.items[0]!.id).not.toBe(first.body.items[0]!.id);
  });

  it('works an answer out once per version of the data, and only for the routes it keeps', async () => {
    // A route that counts how often it is asked, behind the same keeping as the API's.
    let worked = 0;
    const counting = new Hono();
    counting.use('*', keepAnswers(() => world.session.ctx));
    counting.get('/api/people', (c) => c.json({ worked: ++worked }));
    counting.get('/api/shares', (c) => c.json({ worked: ++worked }));
    const ask = async (path: string) => ((await (await counting.request(path)).json()) as { worked: number }).worked;
    expect(await ask('/api/people')).toBe(1);
    expect(await ask('/api/people')).toBe(1);
    expect(await ask('/api/people?limit=3')).toBe(2);
    await updatePerson(world.other.ctx, (await page('/api/people?limit=1')).body.items[0]!.id, { notes: 'A write elsewhere' });
    expect(await ask('/api/people')).toBe(3);
    expect(await ask('/api/people')).toBe(3);
    // Not a kept route: asked every time.
    expect(await ask('/api/shares')).toBe(4);
    expect(await ask('/api/shares')).toBe(5);
  });

  it('works an answer out once for everyone asking it at once, and not at all for them when it is not kept', async () => {
    // The first to ask works the answer out, held at a gate until the other four are waiting for it.
    let open = () => {};
    let gate = new Promise<void>((resolve) => (open = resolve));
    class Watched extends AnswerCache {
      waiting = 0;
      override underWay(key: string, version: string) {
        const answer = super.underWay(key, version);
        if (answer && ++this.waiting === 4) open();
        return answer;
      }
    }
    const cache = new Watched();
    let worked = 0;
    const together = new Hono();
    together.use('*', keepAnswers(() => world.session.ctx, cache));
    together.get('/api/people', async (c) => {
      worked += 1;
      await gate;
      return c.json({ worked });
    });
    together.get('/api/goals', async (c) => {
      worked += 1;
      await gate;
      return c.json({ error: { code: 'not_found', message: 'No such goal' } }, 404);
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => together.request('/api/people?asked=together')));
    expect(worked).toBe(1);
    for (const answer of answers) expect(await answer.json()).toEqual({ worked: 1 });

    // A failure is nobody's to share: the four who waited work their own out.
    worked = 0;
    cache.waiting = 0;
    gate = new Promise<void>((resolve) => (open = resolve));
    const failures = await Promise.all(Array.from({ length: 5 }, () => together.request('/api/goals')));
    expect(failures.map((f) => f.status)).toEqual([404, 404, 404, 404, 404]);
    expect(worked).toBe(5);
  });

  it('answers afresh after a write through this server', async () => {
    const before = await page('/api/people?limit=5');
    const someone = before.body.items[0]!;
    const patched = await api.request(`/api/people/${someone.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ notes: 'Changed through the API' }) });
    expect(patched.status).toBe(200);
    expect((await page('/api/people?limit=5')).body.items[0]!.notes).toBe('Changed through the API');
    const detail = await api.request(`/api/people/${someone.id}`);
    expect(((await detail.json()) as { person: Person }).person.notes).toBe('Changed through the API');
  });

  it('answers afresh after a write by another connection (the CLI, another server)', async () => {
    const before = await page('/api/people?limit=5');
    const someone = before.body.items[1]!;
    const detailBefore = (await (await api.request(`/api/people/${someone.id}`)).json()) as { exchanges: unknown[] };
    await updatePerson(world.other.ctx, someone.id, { notes: 'Changed from the command line' });
    expect((await page('/api/people?limit=5')).body.items[1]!.notes).toBe('Changed from the command line');
    await logExchange(world.other.ctx, { personIds: [someone.id], channel: 'coffee', occurredOn: '2026-11-21' });
    const detailAfter = (await (await api.request(`/api/people/${someone.id}`)).json()) as { exchanges: unknown[]; person: Person };
    expect(detailAfter.exchanges.length).toBe(detailBefore.exchanges.length + 1);
    expect(detailAfter.person.lastExchangeOn).toBe('2026-11-21');
  });

  it('keeps a zipped answer and a plain one apart, and zips only what is worth it', async () => {
    const zipped = await page('/api/people?limit=20', { 'accept-encoding': 'gzip' });
    const plain = await page('/api/people?limit=20');
    expect(zipped.response.headers.get('content-encoding')).toBe('gzip');
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(zipped.body).toEqual(plain.body);
    // Kept, each as it was sent.
    expect((await page('/api/people?limit=20', { 'accept-encoding': 'gzip' })).response.headers.get('content-encoding')).toBe('gzip');
    expect((await page('/api/people?limit=20')).response.headers.get('content-encoding')).toBeNull();
    for (const response of [zipped.response, plain.response]) expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    // A small answer goes as it is, with its length: zipping it would make it larger.
    const health = await api.request('/api/health', { headers: { 'accept-encoding': 'gzip' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(Number(health.headers.get('content-length'))).toBe((await health.text()).length);
    // A client that refuses gzip gets none.
    expect((await page('/api/people?limit=20', { 'accept-encoding': 'gzip;q=0' })).response.headers.get('content-encoding')).toBeNull();
  });

  it('counts a listing once per version of the data: the total of a page follows every write, from anywhere', async () => {
    const total = async () => (await listPeople(world.session.ctx, { limit: 2, offset: 4, stage: 'to-meet' })).total;
    const before = await total();
    expect(await total()).toBe(before);
    await createPerson(world.other.ctx, { name: 'Added Elsewhere', stage: 'to-meet' });
    expect(await total()).toBe(before + 1);
    await createPerson(world.session.ctx, { name: 'Added Here', stage: 'to-meet' });
    expect(await total()).toBe(before + 2);
    // Another filter is another count.
    expect((await listPeople(world.session.ctx, { limit: 2, stage: 'met' })).total).not.toBe(before + 2);
  });

  it('keeps no failed answer', async () => {
    expect((await api.request('/api/people/per_nobody')).status).toBe(404);
    const added = await api.request('/api/people', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Late Arrival' }) });
    const person = (await added.json()) as Person;
    expect((await api.request(`/api/people/${person.id}`)).status).toBe(200);
    expect((await api.request('/api/people?category=wizards')).status).toBe(400);
  });
});
