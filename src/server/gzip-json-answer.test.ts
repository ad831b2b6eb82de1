import { Hono } from 'hono';
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

  it('is zipped from the bytes it was written to, not read back out of its Response', async () => {
    const app = server();
    const readBack = vi.spyOn(Response.prototype, 'arrayBuffer');
    const once = await app.request('/written-once', { headers: { 'accept-encoding': 'gzip' } });
    expect(once.headers.get('content-encoding')).toBe('gzip');
    expect(readBack).not.toHaveBeenCalled();
    // What the spy would see of an answer given to c.json: the zipping reads its body back.
    await app.request('/by-c-json', { headers: { 'accept-encoding': 'gzip' } });
    expect(readBack).toHaveBeenCalled();
  });
});
