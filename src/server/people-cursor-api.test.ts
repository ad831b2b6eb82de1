import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { encodePersonCursor } from '../contract/person-cursor.js';
import { DIALECTS } from '../test-support/databases.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

interface PeoplePage {
  items: { id: string; name: string }[];
  total: number;
  nextCursor?: string | null;
}

const SORTS = ['name', 'next-contact', 'last-exchange'] as const;
// Few names, few dates: most people share their sort key with others, which is where keyset paging goes wrong if it does.
const NAMES = ['Ana Silva', 'Dr Ana Silva', 'Ben Okafor', 'ben okafor', 'Chloé Martin', 'Zoë Adams'];
const DATES = ['2026-11-20', '2026-11-25', '2026-12-01', null];
// Exchanges are in the past: the journal refuses the future.
const EXCHANGE_DATES = ['2026-10-01', '2026-11-01', '2026-11-20', null];
const PEOPLE = 37;

/** Keyset paging of GET /api/people: every page walked by cursor gives the same list as one request, on each database. */
describe.each(DIALECTS)('people paged by cursor on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.request(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const page = async (query: string): Promise<PeoplePage> => {
    const r = await call('GET', `/api/people?${query}`);
    expect(r.status, query).toBe(200);
    return r.body as unknown as PeoplePage;
  };
  const walk = async (query: string, limit: number, from?: string) => {
    const seen: string[] = [];
    let cursor: string | null | undefined = from;
    let pages = 0;
    do {
      const p = await page(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
      expect(cursor, 'every limited page on these sorts says where the next starts, or null').not.toBeUndefined();
      pages += 1;
      expect(pages).toBeLessThan(PEOPLE + 2);
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
    for (let i = 0; i < PEOPLE; i++) {
      const created = await call('POST', '/api/people', { name: NAMES[i % NAMES.length], nextContactOn: DATES[i % DATES.length] });
      expect(created.status).toBe(201);
      const date = EXCHANGE_DATES[(i * 7) % EXCHANGE_DATES.length];
      if (date && i % 3 !== 0) expect((await call('POST', '/api/exchanges', { personIds: [created.body.id], channel: 'email', occurredOn: date })).status).toBe(201);
    }
  });

  it('walks every page by cursor and meets each person once, in the list’s order, with equal sort keys', async () => {
    for (const sort of SORTS) {
      const whole = (await page(`sort=${sort}`)).items.map((i) => i.id);
      expect(new Set(whole).size).toBe(PEOPLE);
      for (const limit of [1, 4, 10, 50]) expect(await walk(`sort=${sort}`, limit), `${sort} by ${limit}`).toEqual(whole);
    }
    // The default sort is by name.
    expect(await walk('x=1', 6)).toEqual((await page('sort=name')).items.map((i) => i.id));
  });

  it('pages a filtered list by cursor too, and says the total of the whole match', async () => {
    const whole = await page('sort=next-contact&due=due');
    expect(whole.items.length).toBeGreaterThan(3);
    expect(await walk('sort=next-contact&due=due', 3)).toEqual(whole.items.map((i) => i.id));
    const first = await page('sort=next-contact&due=due&limit=3');
    expect(first.total).toBe(whole.items.length);
  });

  it('neither repeats nor skips anyone when someone is added behind the cursor between pages', async () => {
    const first = await page('sort=name&limit=5');
    const added = await call('POST', '/api/people', { name: 'Aaron Aardvark' });
    expect(added.status).toBe(201);
    // Removed again at the end: every other test counts the suite's people.
    onTestFinished(async () => void (await call('DELETE', `/api/people/${added.body.id as string}`)));
    const rest = await walk('sort=name', 7, first.nextCursor as string);
    const ids = [...first.items.map((i) => i.id), ...rest];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual((await page('sort=name')).items.map((i) => i.id).filter((id) => ids.includes(id)));
    expect(ids).toHaveLength(PEOPLE);
  });

  it('refuses a cursor that was cut, changed, made up, enormous, from another sort, or sent with offset, with a 400 that says what to do', async () => {
    const good = (await page('sort=name&limit=2')).nextCursor as string;
    const bad = [
      good.slice(0, -3),
      `${good.slice(0, 5)}!${good.slice(6)}`,
      'not-a-cursor',
      Buffer.from('{"s":"name","k":null,"n":"A"}').toString('base64url'),
      Buffer.from('{"s":"name","k":null,"n":"A","i":"x","extra":1}').toString('base64url'),
      Buffer.from('{"s":"next-contact","k":null,"n":"A","i":"x"}').toString('base64url'),
      Buffer.from('[1,2,3]').toString('base64url'),
      'A'.repeat(5000),
    ];
    for (const cursor of bad) {
      const r = await call('GET', `/api/people?limit=2&cursor=${encodeURIComponent(cursor)}`);
      expect(r.status, cursor.slice(0, 40)).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'validation', field: 'query.cursor' });
      expect(String((r.body.error as { message: string }).message)).toMatch(/start again from the first page/);
    }
    const otherSort = await call('GET', `/api/people?sort=next-contact&limit=2&cursor=${good}`);
    expect(otherSort.status).toBe(400);
    expect((otherSort.body.error as { message: string }).message).toMatch(/sort=name/);
    expect((await call('GET', `/api/people?sort=strength&limit=2&cursor=${good}`)).status).toBe(400);
    const withOffset = await call('GET', `/api/people?limit=2&offset=2&cursor=${good}`);
    expect(withOffset.status).toBe(400);
    expect((withOffset.body.error as { message: string }).message).toMatch(/offset/);
    // A well-formed cursor past everyone is an empty last page, not an error.
    const past = encodePersonCursor({ sort: 'name', key: null, sortName: '\uffff', id: 'zzz' });
    expect(await page(`limit=2&cursor=${past}`)).toMatchObject({ items: [], nextCursor: null, total: PEOPLE });
  });

  it('keeps offset paging as it was, with a cursor to go on from there', async () => {
    const whole = (await page('sort=last-exchange')).items.map((i) => i.id);
    const second = await page('sort=last-exchange&limit=5&offset=5');
    expect(second.items.map((i) => i.id)).toEqual(whole.slice(5, 10));
    const next = await page(`sort=last-exchange&limit=5&cursor=${encodeURIComponent(second.nextCursor as string)}`);
    expect(next.items.map((i) => i.id)).toEqual(whole.slice(10, 15));
    // Sorts without keyset paging answer as before, with no cursor.
    expect((await page('sort=strength&limit=5')).nextCursor).toBeUndefined();
  });

  it('answers every page by offset as the slice of the whole list, in every sort and under a filter, with the total of the whole match', async () => {
    for (const query of ['sort=name', 'sort=strength', 'sort=importance', 'sort=added', 'sort=next-contact', 'sort=last-exchange', 'sort=name&stage=to-meet', 'sort=next-contact&due=due']) {
      const whole = (await page(query)).items.map((i) => i.id);
      for (const offset of [0, 3, 7, whole.length - 2, whole.length + 5]) {
        const part = await page(`${query}&limit=4&offset=${offset}`);
        expect(part.items.map((i) => i.id), `${query} offset ${offset}`).toEqual(whole.slice(offset, offset + 4));
        expect(part.total, `${query} total`).toBe(whole.length);
      }
    }
  });
});
