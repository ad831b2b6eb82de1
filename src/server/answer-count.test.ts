import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { personDetail } from '../services/details.js';
import { logExchange } from '../services/exchanges.js';
import { createPerson, listPeople } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { AnswerCache, keepAnswers } from './answer-cache.js';
import { answerCounter, answerShape, fileAnswerCounter, MAX_SHAPES, OTHER_SHAPES, type AnswerCounter, type AnswerOutcome } from './answer-count.js';
import { answerDependsOn } from './answer-dependencies.js';

it('names an address by its path, its ids as :id, and its parameters, with the values only of those that name a kind of page', () => {
  const shape = (address: string) => {
    const url = new URL(address, 'http://x');
    return answerShape(url.pathname, url.searchParams);
  };
  expect(shape('/api/people/per_123')).toBe('/api/people/:id');
  expect(shape('/api/networks/net_9')).toBe('/api/networks/:id');
  expect(shape('/api/people?offset=50&limit=50&sort=next-contact')).toBe('/api/people?limit&offset&sort=next-contact');
  expect(shape('/api/people?limit=50&sort=name&offset=100')).toBe('/api/people?limit&offset&sort=name');
  expect(shape('/api/people?limit=50&due=due&networkId=net_1')).toBe('/api/people?due=due&limit&networkId');
  expect(shape('/api/plan')).toBe('/api/plan');
});

describe.each(DIALECTS)('each kept answer counted by how it was answered, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });

  it('tells an answer worked out from one kept, kept across a told write, outdated by a write that told nothing, shared, and read by its own version', async () => {
    const ctx = world.session.ctx;
    const shown = [await createPerson(ctx, { name: 'Ada Shown' }), await createPerson(ctx, { name: 'Bea Shown' })];
    const elsewhere = await createPerson(ctx, { name: 'Zed Elsewhere' });
    const counted: [string, AnswerOutcome][] = [];
    const counter: AnswerCounter = { count: (pathname, search, outcome) => void counted.push([answerShape(pathname, search), outcome]) };
    const app = new Hono();
    app.use('*', keepAnswers(() => world.session.ctx, new AnswerCache(), counter));
    app.get('/api/people', async (c) => {
      const page = await listPeople(world.session.ctx, { limit: 2 });
      // Depends on the two shown alone: a write to anyone else, told, leaves it kept.
      answerDependsOn(c, { people: new Set(page.items.map((p) => p.id)), reads: [] });
      return c.json({ names: page.items.map((p) => p.name) });
    });
    app.get('/api/people/:id', async (c) => c.json(await personDetail(world.session.ctx, c.req.param('id'))));
    const ask = async (path: string) => {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      return counted.at(-1)?.[1];
    };

    expect(await ask('/api/people?limit=2')).toBe('workedOutNoneKept');
    expect(await ask('/api/people?limit=2')).toBe('kept');
    // Told (a write to a few people that says what it wrote), and not to anyone shown.
    await logExchange(ctx, { personIds: [elsewhere.id], channel: 'email', occurredOn: '2026-11-20' });
    expect(await ask('/api/people?limit=2')).toBe('keptAcrossWrites');
    // A write from another connection tells nothing: what was kept is outdated.
    await createPerson(world.other.ctx, { name: 'Cy Unannounced' });
    expect(await ask('/api/people?limit=2')).toBe('workedOutOutdated');
    // Two asking at once for what nobody has kept: one works it out, the other is sent the same.
    counted.length = 0;
    await Promise.all([app.request('/api/people?limit=2&offset=0'), app.request('/api/people?limit=2&offset=0')]);
    expect(counted.map(([, outcome]) => outcome).sort()).toEqual(['shared', 'workedOutNoneKept']);
    // A person's page with nothing kept is read by a statement that names its version.
    expect(await ask(`/api/people/${shown[0]!.id}`)).toBe('workedOutSeeing');
    expect(await ask(`/api/people/${shown[0]!.id}`)).toBe('kept');
    expect(counted.at(-1)?.[0]).toBe('/api/people/:id');
  });
});

it('writes its counts to its file by shape and outcome, the same shape however its parameters are ordered', () => {
  const folder = mkdtempSync(join(tmpdir(), 'waggle-answer-count-'));
  const file = join(folder, 'counts.json');
  const counter = fileAnswerCounter(file);
  try {
    for (const [address, outcome] of [
      ['/api/people?limit=50&sort=name', 'kept'],
      ['/api/people?sort=name&limit=50', 'kept'],
      ['/api/people?limit=50&sort=name', 'workedOutOutdated'],
      ['/api/people/per_1', 'workedOutSeeing'],
    ] as const) {
      const url = new URL(address, 'http://x');
      counter.count(url.pathname, url.searchParams, outcome);
    }
    counter.write();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      total: 4,
      byShape: { '/api/people?limit&sort=name': { kept: 2, workedOutOutdated: 1 }, '/api/people/:id': { workedOutSeeing: 1 } },
    });
  } finally {
    counter.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

it('counts at most MAX_SHAPES shapes one by one, the rest together, however many made-up parameters a client sends', () => {
  const folder = mkdtempSync(join(tmpdir(), 'waggle-answer-count-'));
  const file = join(folder, 'counts.json');
  const counter = fileAnswerCounter(file);
  try {
    const flood = MAX_SHAPES * 4;
    for (let i = 0; i < flood; i++) counter.count('/api/people', new URLSearchParams(`made-up-${i}=1`), 'workedOutNoneKept');
    // A shape counted before the flood is still counted as itself.
    counter.count('/api/people', new URLSearchParams('made-up-0=2'), 'kept');
    counter.write();
    const { total, byShape } = JSON.parse(readFileSync(file, 'utf8')) as { total: number; byShape: Record<string, Record<string, number>> };
    expect(total).toBe(flood + 1);
    expect(Object.keys(byShape)).toHaveLength(MAX_SHAPES + 1);
    expect(byShape[OTHER_SHAPES]).toEqual({ workedOutNoneKept: flood - MAX_SHAPES });
    expect(byShape['/api/people?made-up-0']).toEqual({ workedOutNoneKept: 1, kept: 1 });
  } finally {
    counter.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

it('is off unless WAGGLE_ANSWER_COUNT names a file', () => {
  expect(answerCounter({})).toBeNull();
});
