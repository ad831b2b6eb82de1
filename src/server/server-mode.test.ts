import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../services/context.js';
import { freshSession } from '../test-support/fresh-session.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';
import { startServer } from './serve.js';

/** `waggle user …` and `waggle serve` in server mode, from the command line to a listening server. */
describe('server mode from the command line', () => {
  // Each test its own data folder: the local status must not find the owner another test made, nor a test lean on one.
  // The server a test starts serves the session opened on it; the command line writes to the same folder.
  const world = freshSession('sqlite', { clock: systemClock, ids: 'random', per: 'test' });
  afterAll(() => {
    delete process.env.WAGGLE_PASSWORD;
  });
  /** Ana's owner account, as the second test makes it. */
  const anaOwns = async () => {
    process.env.WAGGLE_PASSWORD = 'correct horse battery staple';
    expect((await waggleInProcess(world.dataDir, ['user', 'add', 'ana@example.org', '--name', 'Ana Silva'])).code).toBe(0);
  };

  it('refuses to listen beyond loopback without a public URL, or with one that is not a URL', async () => {
    const bare = await waggleInProcess(world.dataDir, ['serve', '--listen', '0.0.0.0', '--port', '0']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--listen: Listening on 0\.0\.0\.0 needs --public-url/);
    const broken = await waggleInProcess(world.dataDir, ['serve', '--public-url', 'not a url', '--port', '0']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/--public-url: "not a url" is not a URL/);
  });

  it('makes the owner, refuses a weak password, lists accounts and makes a token', async () => {
    process.env.WAGGLE_PASSWORD = 'ana';
    const weak = await waggleInProcess(world.dataDir, ['user', 'add', 'ana@example.org', '--name', 'Ana']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password: must be at least 12 characters/);
    process.env.WAGGLE_PASSWORD = 'correct horse battery staple';
    const added = await waggleInProcess(world.dataDir, ['user', 'add', 'ana@example.org', '--name', 'Ana Silva']);
    expect(added.stdout).toMatch(/Made the owner's account for ana@example.org/);
    const again = await waggleInProcess(world.dataDir, ['user', 'add', 'ANA@example.org', '--name', 'Ana Silva']);
    expect(again.code).toBe(4);
    const list = JSON.parse((await waggleInProcess(world.dataDir, ['--json', 'user', 'list'])).stdout) as { email: string; role: string }[];
    expect(list).toEqual([expect.objectContaining({ email: 'ana@example.org', role: 'owner' })]);
  });

  it('serves accounts only: 401 without a token, the owner\'s map with one, share links at the public URL', async () => {
    await anaOwns();
    const made = JSON.parse((await waggleInProcess(world.dataDir, ['--json', 'user', 'token', 'ana@example.org', '--label', 'script'])).stdout) as { token: string };
    expect((await waggleInProcess(world.dataDir, ['person', 'add', 'Rosa Lima'])).code).toBe(0);
    const server = await startServer(world.session, { port: 0, publicUrl: 'http://waggle.test' });
    try {
      expect(server.needsOwner).toBe(false);
      expect((await fetch(`${server.url}/api/people`)).status).toBe(401);
      // The web app asks who is signed in before it opens: its page does not say it is local.
      const page = await fetch(`${server.url}/people`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain('waggle-mode');
      // Nor does the map's page ask for its data before anyone has signed in.
      expect(await (await fetch(`${server.url}/map`)).text()).not.toContain('rel="preload"');
      const people = (await (await fetch(`${server.url}/api/people`, { headers: { authorization: `Bearer ${made.token}` } })).json()) as { items: { name: string }[] };
      expect(people.items.map((p) => p.name)).toEqual(['Rosa Lima']);
      expect(await (await fetch(`${server.url}/api/storage`, { headers: { authorization: `Bearer ${made.token}` } })).json()).toEqual({ kind: 'unknown', location: 'not reported' });
      const share = await fetch(`${server.url}/api/shares`, { method: 'POST', headers: { authorization: `Bearer ${made.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'calendar' }) });
      const link = (await share.json()) as { url: string; path: string };
      expect(link.url).toBe(`http://waggle.test${link.path}`);
      const feed = await fetch(`${server.url}${link.path}`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');

      // The command line as a client of the server, with the token.
      const listed = await waggleInProcess(world.dataDir, ['--server', server.url, '--token', made.token, 'person', 'list']);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('Rosa Lima');
      const asJson = JSON.parse((await waggleInProcess(world.dataDir, ['--json', '--server', server.url, '--token', made.token, 'person', 'list', '--search', 'rosa'])).stdout) as { total: number };
      expect(asJson.total).toBe(1);
      const wrong = await waggleInProcess(world.dataDir, ['--server', server.url, '--token', 'wgl_not-a-real-token-at-all-000000', 'person', 'list']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/--token: This access token is not valid/);
      const noToken = await waggleInProcess(world.dataDir, ['--server', server.url, 'person', 'list']);
      expect(noToken.stderr).toMatch(/--token: a server needs an access token/);
      const localOnly = await waggleInProcess(world.dataDir, ['--server', server.url, '--token', made.token, 'share', 'list']);
      expect(localOnly.code).toBe(2);
      expect(localOnly.stderr).toMatch(/`waggle share list` works on local data only, not against a server/);
    } finally {
      await server.close();
    }
  });

  it('removes an account with `waggle user remove`, the owner\'s only with --last-owner', async () => {
    await anaOwns();
    expect((await waggleInProcess(world.dataDir, ['person', 'add', 'Rosa Lima'])).code).toBe(0);
    process.env.WAGGLE_PASSWORD = 'a member passphrase here';
    expect((await waggleInProcess(world.dataDir, ['user', 'add', 'bo@example.org', '--name', 'Bo Lind'])).code).toBe(0);
    const removed = await waggleInProcess(world.dataDir, ['user', 'remove', 'BO@example.org']);
    expect(removed.stdout).toBe('Deleted the account of bo@example.org and erased its map, sessions and tokens.\n');
    const owner = await waggleInProcess(world.dataDir, ['user', 'remove', 'ana@example.org']);
    expect(owner.code).toBe(4);
    expect(owner.stderr).toMatch(/ana@example.org is the owner's account: deleting it leaves the server without an owner.*--last-owner/);
    expect((await waggleInProcess(world.dataDir, ['person', 'list'])).stdout).toContain('Rosa Lima');
    const unknown = await waggleInProcess(world.dataDir, ['user', 'remove', 'nobody@example.org']);
    expect(unknown.code).toBe(2);
    const list = JSON.parse((await waggleInProcess(world.dataDir, ['--json', 'user', 'list'])).stdout) as { email: string }[];
    expect(list.map((a) => a.email)).toEqual(['ana@example.org']);
  });

  it('lets a browser make the owner\'s account once, with the setup code the server printed', async () => {
    const server = await startServer(world.session, { port: 0, publicUrl: 'https://waggle.example.org' });
    const post = (body: object) => fetch(`${server.url}/api/auth/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      expect(server.needsOwner).toBe(true);
      expect(server.setupCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(await (await fetch(`${server.url}/api/auth/status`)).json()).toEqual({ mode: 'server', account: null, needsOwner: true });
      const owner = { email: 'ana@example.org', name: 'Ana Silva', password: 'correct horse battery staple' };
      expect((await post({ ...owner, code: 'guessed-code-1234' })).status).toBe(403);
      const made = await post({ ...owner, code: server.setupCode! });
      expect(made.status).toBe(201);
      expect(made.headers.get('set-cookie')).toMatch(/^__Host-waggle=.*; HttpOnly; Secure; SameSite=Lax$/);
      expect((await post({ ...owner, email: 'eve@example.org', code: server.setupCode! })).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('answers the status route locally: no accounts', async () => {
    const server = await startServer(world.session, { port: 0 });
    try {
      expect(await (await fetch(`${server.url}/api/auth/status`)).json()).toEqual({ mode: 'local', account: null, needsOwner: false });
      expect((await fetch(`${server.url}/api/people`)).status).toBe(200);
      // The web app's page says so, so that it opens without asking the status route first.
      expect(await (await fetch(`${server.url}/people`)).text()).toContain('<meta name="waggle-mode" content="local" />');
      // The map's page asks for its data as it arrives (the app's request takes that answer); no other page does.
      expect(await (await fetch(`${server.url}/map`)).text()).toContain('<link rel="preload" href="/api/map/compact" as="fetch" crossorigin="anonymous" />');
      expect(await (await fetch(`${server.url}/people`)).text()).not.toContain('rel="preload"');
    } finally {
      await server.close();
    }
  });
});
