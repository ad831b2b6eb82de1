import { createRoute } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ServiceContext } from '../services/context.js';
import { createApi, type Api } from './app.js';
import { responseCheckWanted } from './response-check.js';
import { takeResponseMismatches } from './response-mismatches.js';
import { ok } from './routes/shared.js';

/*
 * The response check bites: routes that answer what their schema does not say are answered
 * 500 with what was wrong, and noted for the test run. Each test reads (and so clears) what was
 * noted, so that the setup's own afterEach finds nothing left over.
 */

const HOST = { host: '127.0.0.1:4747' };
const noDatabase = (): ServiceContext => {
  throw new Error('these routes do not reach the database');
};

/** An API with the check on, and a route /api/probe that answers `body` under a schema that names `name` and `count` only. */
function apiAnswering(body: unknown, status: 200 | 201 = 200): Api {
  const app = createApi(noDatabase, undefined, { checkResponses: true });
  const schema = z.object({ name: z.string(), count: z.number().int() });
  app.openapi(createRoute({ method: 'get', path: '/api/probe/{id}', responses: ok(schema, 'A probe') }), (c) => c.json(body as never, status) as never);
  return app;
}

async function answer(app: Api, path = '/api/probe/1') {
  const response = await app.request(path, { headers: HOST });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

afterEach(() => {
  takeResponseMismatches();
});

describe('the response check', () => {
  it('lets through an answer its schema describes, unchanged', async () => {
    const { status, body } = await answer(apiAnswering({ name: 'Ana', count: 2 }));
    expect(status).toBe(200);
    expect(body).toEqual({ name: 'Ana', count: 2 });
    expect(takeResponseMismatches()).toEqual([]);
  });

  it('refuses a field the schema does not name, even though zod would strip it quietly', async () => {
    const { status, body } = await answer(apiAnswering({ name: 'Ana', count: 2, secret: 'notes' }));
    expect(status).toBe(500);
    expect(body.error?.code).toBe('response_mismatch');
    expect(body.error?.message).toContain('fields the schema does not name: secret');
    expect(takeResponseMismatches()).toEqual([expect.stringContaining('GET /api/probe/1 answered 200: fields the schema does not name: secret')]);
  });

  it('names a field nested in a list the schema does not name', async () => {
    const app = createApi(noDatabase, undefined, { checkResponses: true });
    const schema = z.object({ items: z.array(z.object({ id: z.string() })) });
    app.openapi(createRoute({ method: 'get', path: '/api/probe/list', responses: ok(schema, 'A list') }), (c) => c.json({ items: [{ id: 'a' }, { id: 'b', extra: 1 }] } as never, 200));
    const { status, body } = await answer(app, '/api/probe/list');
    expect(status).toBe(500);
    expect(body.error?.message).toContain('items[1].extra');
    expect(takeResponseMismatches()).toHaveLength(1);
  });

  it('refuses a value of the wrong type, and a missing field, with zod\'s words', async () => {
    const { status, body } = await answer(apiAnswering({ name: 'Ana', count: 'two' }));
    expect(status).toBe(500);
    expect(body.error?.message).toMatch(/count/);
    const missing = await answer(apiAnswering({ count: 2 }));
    expect(missing.body.error?.message).toMatch(/name/);
    expect(takeResponseMismatches()).toHaveLength(2);
  });

  it('refuses a status the route does not declare', async () => {
    const { status, body } = await answer(apiAnswering({ name: 'Ana', count: 2 }, 201));
    expect(status).toBe(500);
    expect(body.error?.message).toContain('not 201');
    expect(takeResponseMismatches()).toHaveLength(1);
  });

  it('refuses an answer under /api/ from a route the OpenAPI document does not declare', async () => {
    const app = createApi(noDatabase, undefined, { checkResponses: true });
    app.get('/api/undeclared', (c) => c.json({ ok: true }));
    const { status, body } = await answer(app, '/api/undeclared');
    expect(status).toBe(500);
    expect(body.error?.message).toContain('no route declares GET /api/undeclared');
    expect(takeResponseMismatches()).toHaveLength(1);
  });

  it('holds every error answer to the one error shape', async () => {
    const app = createApi(noDatabase, undefined, { checkResponses: true });
    app.get('/api/teapot', (c) => c.json({ message: 'short and stout' }, 418));
    const { status, body } = await answer(app, '/api/teapot');
    expect(status).toBe(500);
    expect(body.error?.message).toMatch(/answered 418: not what the schema says/);
    // The API's own errors are that shape: no route for a path is a plain 404.
    const missing = await answer(app, '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('not_found');
    expect(takeResponseMismatches()).toHaveLength(1);
  });

  it('checks each line of a stream, and breaks the stream off at the first that does not hold', async () => {
    const app = createApi(noDatabase, undefined, { checkResponses: true });
    const line = z.union([z.strictObject({ progress: z.number() }), z.strictObject({ done: z.boolean() })]);
    app.openapi(createRoute({ method: 'get', path: '/api/probe/stream/{bad}', responses: { 200: { description: 'Lines', content: { 'application/x-ndjson': { itemSchema: line } } } } }), (c) => {
      const bad = c.req.param('bad') === 'yes';
      c.header('Content-Type', 'application/x-ndjson');
      return stream(c, async (out) => {
        await out.write(`${JSON.stringify({ progress: 1 })}\n`);
        await out.write(`${JSON.stringify(bad ? { progress: 2, internal: 'stack' } : { progress: 2 })}\n`);
        await out.write(`${JSON.stringify({ done: true })}\n`);
      }) as never;
    });
    const good = await app.request('/api/probe/stream/no', { headers: HOST });
    expect((await good.text()).trim().split('\n')).toHaveLength(3);
    expect(takeResponseMismatches()).toEqual([]);

    const broken = await app.request('/api/probe/stream/yes', { headers: HOST });
    await expect(broken.text()).rejects.toThrow(/line 2 of the stream: not what the schema says:\n.*Unrecognized key: "internal"/);
    expect(takeResponseMismatches()).toHaveLength(1);
  });

  it('is off unless WAGGLE_CHECK_RESPONSES is exactly 1, so production never runs it', async () => {
    expect(responseCheckWanted({})).toBe(false);
    expect(responseCheckWanted({ WAGGLE_CHECK_RESPONSES: 'true' })).toBe(false);
    expect(responseCheckWanted({ WAGGLE_CHECK_RESPONSES: '1' })).toBe(true);
    const app = createApi(noDatabase, undefined, { checkResponses: false });
    const schema = z.object({ name: z.string() });
    app.openapi(createRoute({ method: 'get', path: '/api/probe/{id}', responses: ok(schema, 'A probe') }), (c) => c.json({ name: 'Ana', extra: true } as never, 200));
    expect((await answer(app)).status).toBe(200);
    expect(takeResponseMismatches()).toEqual([]);
  });

  it('is on in this test run, for every API the tests make', async () => {
    expect(responseCheckWanted()).toBe(true);
    const app = createApi(noDatabase);
    app.get('/api/undeclared', (c) => c.json({ ok: true }));
    expect((await answer(app, '/api/undeclared')).status).toBe(500);
    expect(takeResponseMismatches()).toHaveLength(1);
  });
});
