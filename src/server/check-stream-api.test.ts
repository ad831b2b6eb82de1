import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReportOutput } from '../contract/check-output.js';
import { freshSession } from '../test-support/fresh-session.js';
import { createApi, type Api } from './app.js';

/** GET /api/check streamed from the check's process as it writes it (services/process-job.ts), zipped as it streams for a client that takes gzip. */
describe('the whole check, streamed', () => {
  const world = freshSession('sqlite');
  let api: Api;

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
    expect((await api.request('/api/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('sends the same report zipped and plain, with no length known before it is written', async () => {
    const zipped = await api.request('/api/check', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-length')).toBeNull();
    const fromZipped = checkReportOutput.parse(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')));

    const plain = await api.request('/api/check');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    const fromPlain = checkReportOutput.parse(await plain.json());
    expect(fromPlain).toEqual(fromZipped);
    expect(fromPlain.map.nodes.length).toBeGreaterThan(10);
  });

  it('answers an unknown goal with 404 before any byte is streamed', async () => {
    const missing = await api.request('/api/check?goalId=goal_nope');
    expect(missing.status).toBe(404);
  });
});
