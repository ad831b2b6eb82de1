import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { freshSession } from '../test-support/fresh-session.js';
import { AnswerCache, keepAnswers } from './answer-cache.js';
import { gzipAnswers } from './gzip.js';

/** The kept answers are bounded by the bytes they hold (core/byte-budget.ts), not by how many. */
describe('kept answers within their byte budget', () => {
  const world = freshSession('sqlite');

  /** A kept route whose answer is `size` bytes of JSON, counting how often it is worked out per URL. */
  function server(cache: AnswerCache) {
    const worked = new Map<string, number>();
    const app = new Hono();
    app.use('*', keepAnswers(() => world.session.ctx, cache));
    app.get('/api/people', (c) => {
      worked.set(c.req.url, (worked.get(c.req.url) ?? 0) + 1);
      return c.json({ filler: 'x'.repeat(Number(c.req.query('size'))) });
    });
    const ask = async (path: string) => {
      const answer = await app.request(path);
      expect(answer.status).toBe(200);
      return (await answer.json()) as { filler: string };
    };
    return { ask, timesWorked: (path: string) => worked.get(`http://localhost${path}`) ?? 0 };
  }

  it('lets the least recently used answers go once they weigh more than the budget, and never holds more', async () => {
    const cache = new AnswerCache(64 * 1024);
    const { ask, timesWorked } = server(cache);
    const paths = Array.from({ length: 12 }, (_, i) => `/api/people?size=10000&page=${i}`);
    for (const path of paths) {
      expect((await ask(path)).filler).toHaveLength(10_000);
      expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
    }
    // Twelve answers of 10 KB and their keys do not fit in 64 KB: only the newest few are kept.
    expect(cache.size).toBeGreaterThanOrEqual(4);
    expect(cache.size).toBeLessThan(12);
    // The newest is answered as kept; the oldest was let go and is worked out again.
    await ask(paths.at(-1)!);
    expect(timesWorked(paths.at(-1)!)).toBe(1);
    await ask(paths[0]!);
    expect(timesWorked(paths[0]!)).toBe(2);
  });

  it('keeps many small answers where it keeps few large ones', async () => {
    const cache = new AnswerCache(64 * 1024);
    const { ask } = server(cache);
    for (let i = 0; i < 40; i++) await ask(`/api/people?size=100&page=${i}`);
    expect(cache.size).toBe(40);
    // One answer heavier than the whole budget is sent, not kept, and pushes none of the others out.
    expect((await ask('/api/people?size=100000')).filler).toHaveLength(100_000);
    expect(cache.size).toBe(40);
    expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('keeps a zipped answer in a buffer of its own size, not the view into zlib’s chunk it was sent as', async () => {
    const cache = new AnswerCache(1024 * 1024);
    const app = new Hono();
    // As the API stacks them: kept answers outside, gzip within (app.ts).
    app.use('*', keepAnswers(() => world.session.ctx, cache));
    app.use('*', gzipAnswers());
    app.get('/api/people', (c) => c.json({ items: Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, name: 'A. Person' })) }));
    const ask = async () => {
      const answer = await app.request('/api/people?limit=200', { headers: { 'accept-encoding': 'gzip' } });
      expect(answer.headers.get('content-encoding')).toBe('gzip');
      return new Uint8Array(await answer.arrayBuffer());
    };
    const first = await ask();
    // Some 5 KB of JSON zipped to a few hundred bytes, which zlib writes into a 16 KB chunk.
    expect(first.byteLength).toBeLessThan(1024);
    expect(cache.size).toBe(1);
    // Weighed by what it holds: its bytes, key and headers, well under the chunk.
    expect(cache.bytes).toBeLessThan(2 * 1024);
    const again = await ask();
    expect([...again]).toEqual([...first]);
    expect((JSON.parse(gunzipSync(again).toString('utf8')) as { items: unknown[] }).items).toHaveLength(200);
  });
});
