import { existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../services/context.js';
import { apiOnFreshSqlite } from '../test-support/api-on-sqlite.js';
import { freshSession, TEST_NOW } from '../test-support/fresh-session.js';
import { createApi, OPENAPI_PATH } from './app.js';
import { acceptedContentTypes, EdgePolicy, IMPORT_CONTENT_TYPES } from './edge.js';
import { startServer, type RunningServer } from './serve.js';
import { serveWebApp } from './web-app.js';

const PORT = 4747;
const OWN = `http://127.0.0.1:${PORT}`;
const VCARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mallory Planted\r\nEND:VCARD\r\n';

/** The API as `waggle serve --port 4747` builds it, in-process over a fresh data folder with one person in it. */
function hostileWorld() {
  const world = apiOnFreshSqlite(TEST_NOW, { edgePort: PORT });
  beforeAll(async () => {
    serveWebApp(world.api);
    const created = await world.api.request('/api/people', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ana Silva' }) });
    expect(created.status).toBe(201);
  });
  return {
    get api() {
      return world.api;
    },
    /** Everything in the map, read the way the app itself reads it. */
    snapshot: async () => {
      const response = await world.api.request('/api/export/json', { headers: { host: `127.0.0.1:${PORT}`, 'sec-fetch-site': 'same-origin' } });
      expect(response.status).toBe(200);
      return (await response.text()).replace(/"exportedAt":"[^"]*"/, '');
    },
  };
}

describe('the edge refuses what a hostile page can send, and the data stays as it was', () => {
  const world = hostileWorld();
  let before = '';
  beforeAll(async () => {
    before = await world.snapshot();
    expect(before).toContain('Ana Silva');
  });
  afterAll(async () => {
    expect(await world.snapshot()).toBe(before);
  });

  it.each([
    ['a rebound Host (DNS rebinding) reading the export', 'GET', '/api/export/json', { host: `evil.example:${PORT}` }],
    ['a rebound Host erasing everything', 'POST', '/api/erase', { host: `evil.example:${PORT}`, origin: `http://evil.example:${PORT}`, 'content-type': 'application/json' }],
    ['a rebound Host with a loopback Origin', 'POST', '/api/erase', { host: `evil.example:${PORT}`, origin: OWN, 'content-type': 'application/json' }],
    ['a loopback name on another port', 'GET', '/api/people', { host: '127.0.0.1:9999' }],
    ['a Host that is not a host at all', 'GET', '/api/people', { host: 'x y' }],
    ['a loopback name with a trailing dot', 'GET', '/api/people', { host: `localhost.:${PORT}` }],
  ])('%s: 421', async (_label, method, path, headers) => {
    const response = await world.api.request(path, { method, headers, ...(method === 'POST' ? { body: JSON.stringify({ confirm: 'erase everything' }) } : {}) });
    expect(response.status).toBe(421);
    expect(await response.json()).toEqual({ error: { code: 'wrong_host', message: expect.stringContaining('does not answer for the host') } });
  });

  const crossSite = { host: `127.0.0.1:${PORT}`, origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' };
  const multipart = () => {
    const form = new FormData();
    form.append('file', new Blob([VCARD], { type: 'text/vcard' }), 'planted.vcf');
    return form;
  };

  it.each([
    ['text/plain to the import', '/api/imports', () => VCARD, 'text/plain'],
    ['a form to the import', '/api/imports', () => new URLSearchParams({ 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mallory\r\nEND:VCARD\r\n': '' }), undefined],
    ['multipart to the import', '/api/imports', multipart, undefined],
    ['text/plain JSON to people', '/api/people', () => JSON.stringify({ name: 'Mallory' }), 'text/plain'],
    ['a form to erase', '/api/erase', () => new URLSearchParams({ confirm: 'erase everything' }), undefined],
    ['multipart to erase', '/api/erase', multipart, undefined],
  ])('a cross-site simple request, %s: 403, and 415 for the type from an own-origin page', async (_label, path, body, type) => {
    const refused = await world.api.request(path, { method: 'POST', headers: { ...crossSite, ...(type ? { 'content-type': type } : {}) }, body: body() });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('wrong_origin');
    // Even from the app's own origin, these types are not what the routes take.
    const sameOrigin = await world.api.request(path, { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, origin: OWN, ...(type ? { 'content-type': type } : {}) }, body: body() });
    expect(sameOrigin.status).toBe(415);
    expect(((await sameOrigin.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port of loopback', 'http://127.0.0.1:8080'],
    ['localhost on another port', 'http://localhost:8080'],
    ['https on our own host and port', `https://127.0.0.1:${PORT}`],
    ['an opaque origin (a sandboxed frame, a file)', 'null'],
  ])('a JSON write with the Origin of %s: 403', async (_label, origin) => {
    const response = await world.api.request('/api/erase', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, origin, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: 'erase everything' }) });
    expect(response.status).toBe(403);
    const remove = await world.api.request('/api/people/anything', { method: 'DELETE', headers: { host: `127.0.0.1:${PORT}`, origin } });
    expect(remove.status).toBe(403);
  });

  it('refuses a write whose only mark is Sec-Fetch-Site from another site, and API reads from another site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const write = await world.api.request('/api/people', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, 'sec-fetch-site': site, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Mallory' }) });
      expect(write.status).toBe(403);
      const read = await world.api.request('/api/export/json', { headers: { host: `127.0.0.1:${PORT}`, 'sec-fetch-site': site } });
      expect(read.status).toBe(403);
    }
  });

  it('says, on every answer, that no one may frame it or sniff its types', async () => {
    const answers = [
      await world.api.request('/', { headers: { host: `127.0.0.1:${PORT}`, 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'same-site' } }),
      await world.api.request('/people', { headers: { host: `localhost:${PORT}` } }),
      await world.api.request('/api/people', { headers: { host: `[::1]:${PORT}` } }),
      await world.api.request('/api/nothing-here', { headers: { host: `127.0.0.1:${PORT}` } }),
      await world.api.request('/share/not-a-token-at-all-but-long', { headers: { host: `127.0.0.1:${PORT}` } }),
      await world.api.request('/api/people', { headers: { host: 'evil.example' } }),
    ];
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The web app's own policy is kept, and extended.
    expect(answers[1]!.headers.get('content-security-policy')).toMatch(/script-src 'self'.*frame-ancestors 'none'|default-src 'none'; frame-ancestors 'none'/);
  });
});

describe('what the edge lets through', () => {
  const world = hostileWorld();

  it('takes the app\'s own writes, by Origin or by Sec-Fetch-Site, under each of its names', async () => {
    for (const [host, extra] of [
      [`127.0.0.1:${PORT}`, { origin: OWN }],
      [`localhost:${PORT}`, { origin: `http://localhost:${PORT}` }],
      [`[::1]:${PORT}`, { origin: `http://[::1]:${PORT}` }],
      [`127.0.0.1:${PORT}`, { 'sec-fetch-site': 'same-origin' }],
    ] as const) {
      const response = await world.api.request('/api/goals', { method: 'POST', headers: { host, 'content-type': 'application/json; charset=utf-8', ...extra }, body: JSON.stringify({ statement: `A goal via ${host}` }) });
      expect(response.status).toBe(201);
    }
  });

  it('takes a non-browser client (no Origin, no Sec-Fetch-Site), and a body-less action without a type', async () => {
    const created = await world.api.request('/api/people', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bo Lind' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await world.api.request(`/api/people/${id}`, { method: 'DELETE', headers: { host: `127.0.0.1:${PORT}`, origin: OWN } })).status).toBe(200);
  });

  it('imports each declared upload type from the app, and says which types it takes otherwise', async () => {
    for (const type of ['text/vcard', 'application/octet-stream', 'text/x-vcard']) {
      const response = await world.api.request('/api/imports?dryRun=true&format=vcard', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, origin: OWN, 'content-type': type }, body: VCARD });
      expect(response.status).toBe(200);
    }
    const none = await world.api.request('/api/imports?dryRun=true', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, origin: OWN }, body: new Blob([VCARD]) });
    expect(none.status).toBe(415);
    expect(((await none.json()) as { error: { message: string } }).error.message).toBe(`Say what the body is: Content-Type ${IMPORT_CONTENT_TYPES.join(' or ')}`);
  });

  it('declares in the OpenAPI document exactly the content types the edge takes, route by route', async () => {
    const doc = (await (await world.api.request(OPENAPI_PATH, { headers: { host: `127.0.0.1:${PORT}` } })).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    let bodies = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const operation of Object.values(operations)) {
        if (!operation.requestBody) continue;
        bodies += 1;
        expect(Object.keys(operation.requestBody.content).sort(), path).toEqual([...acceptedContentTypes(path)].sort());
      }
    }
    expect(bodies).toBeGreaterThan(20);
  });

  it('names this server only: loopback on its port, and the public host when there is one', () => {
    const policy = new EdgePolicy({ port: 4747, publicUrl: 'https://waggle.example.org' });
    expect(policy.hostAllowed('waggle.example.org')).toBe(true);
    expect(policy.hostAllowed('WAGGLE.example.org')).toBe(true);
    expect(policy.hostAllowed('waggle.example.org:4747')).toBe(false);
    expect(policy.hostAllowed('127.0.0.1:4747')).toBe(true);
    expect(policy.hostAllowed('127.0.0.1')).toBe(false);
    expect(policy.hostAllowed('127.0.0.2:4747')).toBe(false);
    expect(policy.originAllowed('https://waggle.example.org')).toBe(true);
    expect(policy.originAllowed('http://waggle.example.org')).toBe(false);
    expect(policy.originAllowed('https://waggle.example.org.evil.example')).toBe(false);
    expect(new EdgePolicy({ port: 80 }).hostAllowed('localhost')).toBe(true);
  });
});

describe('the web app\'s source maps', () => {
  // The built app (npm run build); in-process, webAppDir() would find web/, the sources.
  const built = join(import.meta.dirname, '..', '..', 'dist', 'web');
  const map = existsSync(join(built, 'assets')) ? readdirSync(join(built, 'assets')).find((f) => f.endsWith('.js.map')) : undefined;

  it('are not served unless asked for', async () => {
    expect(map, 'the built app has source maps: npm run build first (npm test does it)').toBeDefined();
    const context = () => {
      throw new Error('no data needed');
    };
    const plain = createApi(context, undefined, { edge: { port: PORT } });
    serveWebApp(plain, { root: built });
    const asked = createApi(context, undefined, { edge: { port: PORT } });
    serveWebApp(asked, { sourceMaps: true, root: built });
    const headers = { host: `127.0.0.1:${PORT}` };
    expect((await plain.request(`/assets/${map}`, { headers })).status).toBe(404);
    expect((await plain.request(`/assets/${map!.replace(/\.map$/, '')}`, { headers })).status).toBe(200);
    expect((await asked.request(`/assets/${map}`, { headers })).status).toBe(200);
  });

  it('are kept by the browser for good (their names change with their content), the page that names them is not', async () => {
    const app = createApi(() => {
      throw new Error('no data needed');
    }, undefined, { edge: { port: PORT } });
    serveWebApp(app, { root: built });
    const headers = { host: `127.0.0.1:${PORT}` };
    const script = await app.request(`/assets/${map!.replace(/\.map$/, '')}`, { headers });
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/no-such-file.js', { headers })).headers.get('cache-control')).toBeNull();
    const page = await app.request('/people', { headers });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBeNull();
  });
});

describe('a running server', () => {
  const world = freshSession('sqlite', { clock: systemClock, ids: 'random' });
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(world.session, { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A raw request, Host header and all (fetch will not send a Host of our choosing). */
  const raw = (path: string, headers: Record<string, string>, method = 'GET', body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, server!.url);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, headers, setHost: false }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('refuses a rebound Host on its real port, and answers its own', async () => {
    const port = new URL(server!.url).port;
    expect((await raw('/api/export/json', { host: `evil.example:${port}` })).status).toBe(421);
    const erase = await raw('/api/erase', { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'content-type': 'application/json' }, 'POST', '{"confirm":"erase everything"}');
    expect(erase.status).toBe(421);
    expect((await raw('/api/health', { host: `localhost:${port}` })).status).toBe(200);
    expect((await fetch(`${server!.url}/api/health`)).status).toBe(200);
  });

  it('keeps its data folder to its owner (0700) and the database files too (0600)', () => {
    expect(statSync(world.dataDir).mode & 0o777).toBe(0o700);
    for (const file of ['waggle.db', 'waggle.db-wal', 'waggle.db-shm']) expect(statSync(join(world.dataDir, file)).mode & 0o777, file).toBe(0o600);
  });
});
