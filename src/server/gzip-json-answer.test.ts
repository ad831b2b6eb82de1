import { Hono, type Context } from 'hono';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gzipAnswers, jsonAnswer } from './gzip.js';

/** A route's answer written once (jsonAnswer) is sent as `c.json` would send it, and zipped without being read back. */
describe('a JSON answer written out once', () => {
  afterEach(() => vi.restoreAllMocks());

  const value = { person: { id: 'p1', name: 'Ana Silva', notes: 'é'.repeat(700) }, ties: [], today: '2026-11-22' };

  /** The same value answered through `c.json` and through jsonAnswer, behind the zipping. */
  function server() {
    const app = new Hono();
    app.use('*', gzipAnswers());
    app.get('/written-once', (c) => jsonAnswer(c, value));
    app.get('/by-c-json', (c) => c.json(value, 200));
    return app;
  }

  it('sends the same bytes and headers as c.json, zipped or not', async () => {
    const app = server();
    for (const headers of [{ 'accept-encoding': 'gzip' }, {}] as Record<string, string>[]) {
      const [once, json] = await Promise.all([app.request('/written-once', { headers }), app.request('/by-c-json', { headers })]);
      expect(once.status).toBe(200);
      expect([...once.headers]).toEqual([...json.headers]);
      const body = Buffer.from(await once.arrayBuffer());
      const text = once.headers.get('content-encoding') === 'gzip' ? gunzipSync(body).toString('utf8') : body.toString('utf8');
      expect(text).toBe(JSON.stringify(value));
    }
  });

  it('is zipped from the bytes it was written to, not read back out of its Response, through c.json as well', async () => {
    const app = server();
    const readBack = vi.spyOn(Response.prototype, 'arrayBuffer');
    for (const path of ['/written-once', '/by-c-json']) {
      const answer = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(answer.headers.get('content-encoding')).toBe('gzip');
    }
    expect(readBack).not.toHaveBeenCalled();
    // What the spy sees of an answer made otherwise (a Response of its own): the zipping reads its body back.
    const app2 = new Hono();
    app2.use('*', gzipAnswers());
    app2.get('/own', () => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } }));
    await app2.request('/own', { headers: { 'accept-encoding': 'gzip' } });
    expect(readBack).toHaveBeenCalled();
  });
});

/** Behind the zipping, c.json answers as Hono's own c.json does: status, headers and body, whichever way it is called. */
describe("c.json behind the zipping", () => {
  const value = { ok: true, items: Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, name: `Ana ${i}` })) };
  const calls: [string, (c: Context) => Response | Promise<Response>][] = [
    ['a value alone', (c) => c.json(value)],
    ['a status', (c) => c.json(value, 201)],
    ['a status and headers', (c) => c.json({ small: 1 }, 202, { 'x-extra': 'a', 'Content-Type': 'application/problem+json' })],
    ['a ResponseInit', (c) => c.json(value, { status: 203, headers: { 'x-init': 'b' } })],
    ['headers set on the context first', (c) => { c.header('x-before', 'c'); c.status(206 as never); return c.json({ small: 2 }); }],
    ['a string value', (c) => c.json('just a string')],
    ['nothing to write', (c) => c.json(undefined as never)],
  ];
  // Headers the zipping itself adds or changes: compared apart.
  const ZIPPING = new Set(['vary', 'content-length', 'content-encoding']);
  const headersOf = (res: Response) => [...res.headers].filter(([name]) => !ZIPPING.has(name));

  it.each(calls)('with %s', async (_, route) => {
    const plain = new Hono();
    plain.get('/', route);
    const zipped = new Hono();
    zipped.use('*', gzipAnswers());
    zipped.get('/', route);
    for (const headers of [{ 'accept-encoding': 'gzip' }, {}] as Record<string, string>[]) {
      const [want, got] = await Promise.all([plain.request('/', { headers }), zipped.request('/', { headers })]);
      expect(got.status).toBe(want.status);
      expect(headersOf(got)).toEqual(headersOf(want));
      const body = Buffer.from(await got.arrayBuffer());
      const text = got.headers.get('content-encoding') === 'gzip' ? gunzipSync(body).toString('utf8') : body.toString('utf8');
      expect(text).toBe(await want.text());
    }
  });
});
