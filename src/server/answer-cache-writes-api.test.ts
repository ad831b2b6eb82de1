import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonFilter } from '../contract/filters.js';
import { decodePersonCursor } from '../contract/person-cursor.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { inTransaction, type ServiceContext } from '../services/context.js';
import { logExchange } from '../services/exchanges.js';
import { listPeople, updatePerson } from '../services/people.js';
import { peoplePageReads } from '../services/answer-reads.js';
import { today } from '../services/context.js';
import { setPersonDates } from '../services/person-dates.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { randomExchange, randomPersonEdit, seeded, type Seeded } from '../test-support/random-writes.js';
import { answerDependsOn } from './answer-dependencies.js';
import { keepAnswers } from './answer-cache.js';
import { createApi, type Api } from './app.js';

/*
 * Kept answers across writes that do not touch them (answer-cache.ts, services/people-writes.ts):
 * after every write of a seeded run (people edited, exchanges logged, dates set, through the API and
 * beside it; a tie and a person added, which are not told; a write refused halfway, a write in a
 * transaction that fails, a write from another connection, writes racing reads), every answer the
 * server would send from what it keeps must equal the answer a server on another connection, with
 * nothing kept, works out afresh. Few names and few dates, so that people tie on the sort keys. Pages
 * sorted or filtered by next contact, last exchange and stage, what is due and the plan stay kept
 * across a write that moves nobody into or across them (core/listing-placement.ts): every kind is here.
 */
const TODAY = '2026-11-22';
const json = { 'content-type': 'application/json' };

describe.each(DIALECTS)('kept answers across writes to a few people, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });
  let api: Api;
  let ids: string[];
  let addresses: string[];

  const answer = async (server: Api, path: string) => {
    const response = await server.request(path);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  beforeAll(async () => {
    const snapshot = generateLargeSnapshot({ people: 160, networks: 3, goals: 2, exchanges: 200, today: TODAY, seed: 29 });
    await bulkLoad(world.session.ctx, snapshot);
    ids = snapshot.people.map((p) => p.id);
    api = createApi(() => world.session.ctx);
    const pages = [
      'limit=10',
      'limit=10&offset=20',
      'limit=10&sort=next-contact',
      'limit=10&sort=next-contact&offset=30',
      'limit=10&sort=last-exchange',
      'limit=10&sort=last-exchange&offset=30',
      'limit=10&sort=strength&offset=10',
      'limit=10&sort=importance',
      'limit=10&sort=added&offset=40',
      'limit=10&category=leader-in-field',
      'limit=10&category=none',
      'limit=10&stage=met',
      'limit=10&due=due',
      'limit=10&due=overdue&sort=next-contact',
      'limit=10&due=due&sort=last-exchange&offset=10',
      'limit=10&stage=reached-out&sort=next-contact',
      'limit=10&stage=to-meet&sort=last-exchange&offset=5',
      'limit=10&stage=met',
      'limit=10&search=ana',
      'limit=10&search=silva&offset=5',
      'limit=10&quadrant=strengthen',
      'limit=10&unjudged=true',
      `limit=10&networkId=${snapshot.networks[0]!.id}`,
      `limit=10&goalId=${snapshot.goals[0]!.id}`,
      // The whole list: depends on everything.
      'sort=name',
    ].map((query) => `/api/people?${query}`);
    // Pages by cursor, from deep places in the keyset orders, and from the first page of the due filter.
    for (const sort of ['name', 'next-contact', 'last-exchange']) {
      const first = (await answer(api, `/api/people?limit=10&offset=50&sort=${sort}`)).body as { nextCursor: string };
      pages.push(`/api/people?limit=10&sort=${sort}&cursor=${encodeURIComponent(first.nextCursor)}`);
    }
    for (const sort of ['next-contact', 'last-exchange']) {
      const first = (await answer(api, `/api/people?limit=5&due=due&sort=${sort}`)).body as { nextCursor: string };
      pages.push(`/api/people?limit=5&due=due&sort=${sort}&cursor=${encodeURIComponent(first.nextCursor)}`);
    }
    // A plan with targets among the people written most and beyond them: an exchange with one completes it.
    for (const id of [ids[1], ids[12], ids[60]]) {
      const added = await api.request('/api/plan/targets', { method: 'POST', headers: json, body: JSON.stringify({ personId: id, reason: 'to hear how the move went' }) });
      expect(added.status).toBe(201);
    }
    // The pages of the people written most (the first thirty), and routes that say nothing of what they depend on.
    addresses = [...pages, ...ids.slice(0, 16).map((id) => `/api/people/${id}`), '/api/due?limit=20', '/api/due?within=7&limit=5', '/api/due?within=30&limit=3', '/api/plan', `/api/networks/${snapshot.networks[0]!.id}`];
  }, 120_000);

  /** Every address as the server sends it from what it keeps, against a server on the other connection that keeps nothing yet. */
  async function keptEqualsFresh(step: string) {
    const fresh = createApi(() => world.other.ctx);
    for (const path of addresses) {
      const kept = await answer(api, path);
      expect(kept, `${step}: ${path}`).toEqual(await answer(fresh, path));
    }
  }

  /** Asks every address, so that each is kept before the next write. */
  const keepAll = async () => {
    for (const path of addresses) await api.request(path);
  };

  async function randomWrite(random: Seeded, ctx: ServiceContext): Promise<unknown> {
    const person = random.pick(ids.slice(0, 30));
    const kind = random.next();
    if (kind < 0.3) {
      const body = randomExchange(random, person, ids);
      return random.next() < 0.5 ? api.request('/api/exchanges', { method: 'POST', headers: json, body: JSON.stringify(body) }) : logExchange(ctx, body);
    }
    if (kind < 0.8) {
      const edit = randomPersonEdit(random);
      return random.next() < 0.5 ? api.request(`/api/people/${person}`, { method: 'PATCH', headers: json, body: JSON.stringify(edit) }) : updatePerson(ctx, person, edit);
    }
    if (kind < 0.9) return setPersonDates(ctx, person, random.next() < 0.5 ? [] : [{ kind: 'birthday', month: 11, day: 25, year: null, label: null }]);
    // Not told (a tie is another person's business too): every kept answer is worked out again.
    return api.request(`/api/people/${person}/ties/${random.pick(ids.slice(0, 30).filter((id) => id !== person))}`, { method: 'PUT', headers: json, body: JSON.stringify({ strength: 3 }) });
  }

  it('sends what a fresh server would after every write of a seeded run', async () => {
    const random = seeded(dialect === 'sqlite' ? 5 : 6);
    await keptEqualsFresh('before any write');
    for (let step = 1; step <= 14; step++) {
      await keepAll();
      const written = (await randomWrite(random, world.session.ctx)) as Response | undefined;
      if (written instanceof Response) expect(written.status, `write ${step}`).toBeLessThan(300);
      await keptEqualsFresh(`after write ${step}`);
    }
  }, 300_000);

  it('sends what a fresh server would after a refused write, a failed transaction and a write from another connection', async () => {
    await keepAll();
    // The exchange's people are written, then a follow-up for someone not in it is refused: all rolls back.
    const refused = await api.request('/api/exchanges', { method: 'POST', headers: json, body: JSON.stringify({ personIds: [ids[3]], channel: 'coffee', occurredOn: TODAY, followUps: [{ description: 'Send the paper', personId: ids[4] }] }) });
    expect(refused.status).toBe(400);
    await keptEqualsFresh('after a refused write');

    await keepAll();
    const failing = inTransaction(world.session.ctx, async (trx) => {
      await updatePerson(trx, ids[5]!, { name: 'Aaron Abbott', stage: 'met' });
      throw new Error('the transaction fails after the write');
    });
    await expect(failing).rejects.toThrow(/fails after the write/);
    await keptEqualsFresh('after a failed transaction');

    await keepAll();
    await logExchange(world.other.ctx, { personIds: [ids[6]!], channel: 'email', occurredOn: TODAY });
    await updatePerson(world.other.ctx, ids[7]!, { name: 'Aaron Aardvark' });
    await keptEqualsFresh('after another connection wrote');
  }, 120_000);

  it('sends what a fresh server would after writes race reads', async () => {
    const random = seeded(dialect === 'sqlite' ? 7 : 8);
    await keepAll();
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? randomWrite(random, world.session.ctx) : api.request(random.pick(addresses)))));
    await keptEqualsFresh('after writes raced reads');
  }, 120_000);

  it('keeps an answer across a write to people it does not show, and works it out again after any other write', async () => {
    // A route that counts how often it works its answer out, and says it shows ids[0] and reads the category.
    let worked = 0;
    const counting = new Hono();
    counting.use('*', keepAnswers(() => world.session.ctx));
    counting.get('/api/people', (c) => {
      answerDependsOn(c, { people: new Set([ids[0]!]), reads: ['people.category'] });
      return c.json({ worked: ++worked });
    });
    const ask = async () => ((await (await counting.request('/api/people')).json()) as { worked: number }).worked;
    expect(await ask()).toBe(1);
    await updatePerson(world.session.ctx, ids[1]!, { notes: 'Someone else' });
    await logExchange(world.session.ctx, { personIds: [ids[2]!], channel: 'email', occurredOn: TODAY });
    expect(await ask()).toBe(1);
    // Who it shows.
    await updatePerson(world.session.ctx, ids[0]!, { notes: 'Shown' });
    expect(await ask()).toBe(2);
    // What it reads, written for someone else.
    await updatePerson(world.session.ctx, ids[1]!, { category: 'social-media' });
    expect(await ask()).toBe(3);
    // Another connection's write, to someone it does not show: this server cannot tell what it wrote.
    await updatePerson(world.other.ctx, ids[1]!, { notes: 'From the command line' });
    expect(await ask()).toBe(4);
    // A write that is not told (a tie).
    await api.request(`/api/people/${ids[1]}/ties/${ids[2]}`, { method: 'PUT', headers: json, body: JSON.stringify({ strength: 2 }) });
    expect(await ask()).toBe(5);
    expect(await ask()).toBe(5);
  }, 120_000);

  it('keeps a page by last exchange after a cursor when someone beyond it is put first, until it is the one read past the page', async () => {
    const ctx = world.session.ctx;
    // Deep enough that nobody on it or beyond it had an exchange today (the earlier tests wrote to the first thirty).
    const first = await listPeople(ctx, { limit: 5, sort: 'last-exchange', offset: 100 });
    expect(first.items.every((person) => (person.lastExchangeOn ?? '') < TODAY)).toBe(true);
    const filter = { limit: 5, sort: 'last-exchange' as const, cursor: decodePersonCursor(first.nextCursor as string)! };
    const { ask, fresh } = countingListing(ctx, filter);
    const kept = await ask();
    const beyond = await listPeople(ctx, { ...filter, cursor: decodePersonCursor(kept.nextCursor as string)! });
    const [readPast, further] = beyond.items.map((p) => p.id);
    // Someone further beyond the page, put first by an exchange today: the page and its next cursor are as they were.
    await logExchange(ctx, { personIds: [further!], channel: 'email', occurredOn: TODAY });
    const after = await ask();
    expect(after.worked).toBe(kept.worked);
    expect(shown(after)).toEqual(await fresh());
    // The one the page read past to know there is more: worked out again, and still what a fresh read says.
    await logExchange(ctx, { personIds: [readPast!], channel: 'email', occurredOn: TODAY });
    const again = await ask();
    expect(again.worked).toBe(kept.worked + 1);
    expect(shown(again)).toEqual(await fresh());
  }, 120_000);

  it('keeps a search\'s page across an edit of someone\'s notes it finds neither before nor after, and works it out again when the edit brings someone into it', async () => {
    const ctx = world.session.ctx;
    const filter = { limit: 10, search: 'zebrafish' };
    const { ask, fresh } = countingListing(ctx, filter);
    const [someone, another] = ids.slice(100);
    const kept = await ask();
    expect(kept.total).toBe(0);
    // Notes that the search does not find: the page stays as it was kept.
    await updatePerson(ctx, someone!, { notes: 'Met at the aquarium' });
    expect((await ask()).worked).toBe(kept.worked);
    // Notes it finds, through the API: worked out again, with them in it.
    const edited = await api.request(`/api/people/${another}`, { method: 'PATCH', headers: json, body: JSON.stringify({ notes: 'Works on Zebrafish genetics' }) });
    expect(edited.status).toBe(200);
    const again = await ask();
    expect(again.worked).toBe(kept.worked + 1);
    expect(again.ids).toEqual([another]);
    expect(shown(again)).toEqual(await fresh());
    // Out of it again.
    await updatePerson(ctx, another!, { notes: null });
    const out = await ask();
    expect(out.worked).toBe(again.worked + 1);
    expect(shown(out)).toEqual(await fresh());
  }, 120_000);

  it('keeps a first page by next contact across an exchange that moves nobody onto it, and works it out again when one does', async () => {
    const ctx = world.session.ctx;
    const { ask } = countingListing(ctx, { limit: 10, sort: 'next-contact' });
    const first = await ask();
    // Someone with nothing planned, at the far end of the order, and no cadence: an exchange leaves them there.
    const farEnd = ids.filter((id) => !first.ids.includes(id)).at(-1)!;
    await updatePerson(ctx, farEnd, { nextContactOn: null, cadence: null });
    const afterEdit = await ask();
    await logExchange(ctx, { personIds: [farEnd], channel: 'email', occurredOn: TODAY });
    expect((await ask()).worked).toBe(afterEdit.worked);
    // Someone on the page.
    await logExchange(ctx, { personIds: [afterEdit.ids[0]!], channel: 'email', occurredOn: TODAY });
    const again = await ask();
    expect(again.worked).toBe(afterEdit.worked + 1);
    // Someone moved onto the page from the far end.
    await updatePerson(ctx, farEnd, { nextContactOn: '2020-01-01' });
    const moved = await ask();
    expect(moved.worked).toBe(again.worked + 1);
    expect(moved.ids[0]).toBe(farEnd);
  }, 120_000);
});

/** What a listing's answer shows, without how often it was worked out. */
const shown = ({ ids, total, nextCursor }: { ids: string[]; total: number; nextCursor: string | null }) => ({ ids, total, nextCursor });

/**
 * The real listing and its placing behind a route that counts how often it works its answer out
 * (`ask`), and the same listing read fresh (`fresh`).
 */
function countingListing(ctx: ServiceContext, filter: PersonFilter) {
  let worked = 0;
  const counting = new Hono();
  counting.use('*', keepAnswers(() => ctx));
  counting.get('/api/people', async (c) => {
    const page = await listPeople(ctx, filter);
    answerDependsOn(c, peoplePageReads(filter, page, today(ctx)) ?? { people: new Set(), reads: ['*'] });
    return c.json({ worked: ++worked, ids: page.items.map((p) => p.id), total: page.total, nextCursor: page.nextCursor ?? null });
  });
  const ask = async () => (await (await counting.request('/api/people')).json()) as { worked: number; ids: string[]; total: number; nextCursor: string | null };
  const fresh = async () => {
    const page = await listPeople(ctx, filter);
    return { ids: page.items.map((p) => p.id), total: page.total, nextCursor: page.nextCursor ?? null };
  };
  return { ask, fresh };
}
