import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, passwordProblem, SESSION_IDLE_MS, THROTTLE_WINDOW_MS } from '../services/accounts.js';
import { DIALECTS, type Dialect } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';
import { OPENAPI_PATH } from './app.js';

const OWNER = { email: 'ana@example.org', name: 'Ana Silva', password: 'correct horse battery staple' };
const OTHER = { email: 'bo@example.org', name: 'Bo Lind', password: 'another long passphrase' };

/** Server mode in-process (src/test-support/server-world.ts), with two accounts in it. */
function worldWithAccounts(kind: Dialect) {
  const w = serverWorld(kind);
  beforeAll(async () => {
    await createAccount(w.deps, OWNER);
    await createAccount(w.deps, OTHER);
  });
  return w;
}

describe.each(DIALECTS)('accounts, sessions and tokens (%s)', (kind) => {
  const w = worldWithAccounts(kind);

  it('refuses short passwords and passwords that are the name or email; stores argon2id', async () => {
    expect(passwordProblem('short', 'A', 'a@x.org')).toMatch(/at least 12/);
    expect(passwordProblem('Ana Silva Ana', 'ana silva ana', 'a@x.org')).toMatch(/name or email/);
    expect(passwordProblem('someone@example.org', 'Someone', 'someone@example.org')).toMatch(/name or email/);
    await expect(createAccount(w.deps, { email: 'cy@example.org', name: 'Cy', password: 'cy@example.org' })).rejects.toMatchObject({ field: 'password' });
    const row = await w.deps.db.selectFrom('accounts').select(['passwordHash', 'role', 'workspaceId']).where('email', '=', OWNER.email).executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row).toMatchObject({ role: 'owner', workspaceId: 'local' });
  });

  it('answers anonymous API requests with 401, and opens the health check', async () => {
    expect((await w.call('/api/people')).status).toBe(401);
    expect((await w.call('/api/health')).status).toBe(200);
  });

  it('signs in with a __Host- cookie, HttpOnly, Secure, SameSite=Lax; the same answer for an unknown account and a wrong password', async () => {
    const response = await w.call('/api/auth/sign-in', { method: 'POST', body: { email: OWNER.email, password: OWNER.password } });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-waggle=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const wrong = await w.call('/api/auth/sign-in', { method: 'POST', body: { email: OWNER.email, password: 'not the password at all' }, address: '198.51.100.1' });
    const unknown = await w.call('/api/auth/sign-in', { method: 'POST', body: { email: 'nobody@example.org', password: 'not the password at all' }, address: '198.51.100.1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('throttles sign-ins per account (429 with Retry-After, even with the right password), then lets them in after the window', async () => {
    for (let i = 0; i < 5; i++) expect((await w.call('/api/auth/sign-in', { method: 'POST', body: { email: OTHER.email, password: 'wrong wrong wrong' }, address: `192.0.2.${i}` })).status).toBe(401);
    const refused = await w.call('/api/auth/sign-in', { method: 'POST', body: { email: OTHER.email, password: OTHER.password }, address: '192.0.2.99' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    w.clock.at += THROTTLE_WINDOW_MS + 1000;
    await w.signIn(OTHER, '192.0.2.99');
  });

  it('throttles sign-ins per address, across accounts', async () => {
    for (let i = 0; i < 20; i++) await w.call('/api/auth/sign-in', { method: 'POST', body: { email: `guess${i}@example.org`, password: 'wrong wrong wrong' }, address: '198.51.100.66' });
    const refused = await w.call('/api/auth/sign-in', { method: 'POST', body: { email: OWNER.email, password: OWNER.password }, address: '198.51.100.66' });
    expect(refused.status).toBe(429);
    await w.signIn(OWNER, '198.51.100.67');
  });

  it('ends a session on sign-out, after a week idle, after thirty days in any case, and everywhere at once', async () => {
    const first = await w.signIn(OWNER);
    expect((await w.call('/api/auth/me', { cookie: first })).status).toBe(200);
    expect((await w.call('/api/auth/sign-out', { method: 'POST', cookie: first })).status).toBe(200);
    expect((await w.call('/api/auth/me', { cookie: first })).status).toBe(401);

    const idle = await w.signIn(OWNER);
    w.clock.at += SESSION_IDLE_MS + 1000;
    expect((await w.call('/api/auth/me', { cookie: idle })).status).toBe(401);

    const busy = await w.signIn(OWNER);
    for (let day = 0; day < 30; day += 6) {
      expect((await w.call('/api/auth/me', { cookie: busy })).status).toBe(200);
      w.clock.at += 6 * 24 * 3600 * 1000;
    }
    expect((await w.call('/api/auth/me', { cookie: busy })).status).toBe(401);

    const a = await w.signIn(OWNER);
    const b = await w.signIn(OWNER);
    const ended = (await (await w.call('/api/auth/sign-out-everywhere', { method: 'POST', cookie: a })).json()) as { sessionsEnded: number };
    expect(ended.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await w.call('/api/auth/me', { cookie: a })).status).toBe(401);
    expect((await w.call('/api/auth/me', { cookie: b })).status).toBe(401);
  });

  it('makes personal access tokens shown once and stored hashed, and revokes them at once', async () => {
    const cookie = await w.signIn(OWNER);
    const made = (await (await w.call('/api/auth/tokens', { method: 'POST', cookie, body: { label: 'laptop' } })).json()) as { token: string; accessToken: { id: string } };
    expect(made.token).toMatch(/^wgl_/);
    expect(JSON.stringify(await w.deps.db.selectFrom('accessTokens').selectAll().execute())).not.toContain(made.token);
    expect(await (await w.call('/api/auth/me', { token: made.token })).json()).toMatchObject({ account: { email: OWNER.email }, via: 'token' });
    // A token cannot mint tokens or invitations: a leaked one must not make itself new ones.
    expect((await w.call('/api/auth/tokens', { method: 'POST', token: made.token, body: {} })).status).toBe(403);
    expect((await w.call('/api/auth/invitations', { method: 'POST', token: made.token, body: {} })).status).toBe(403);
    expect(JSON.stringify(await (await w.call('/api/auth/tokens', { cookie })).json())).not.toContain(made.token);
    expect((await w.call(`/api/auth/tokens/${made.accessToken.id}`, { method: 'DELETE', cookie })).status).toBe(200);
    expect((await w.call('/api/people', { token: made.token })).status).toBe(401);
  });

  it('makes an account from an invitation, once, and not after it expires; only the owner invites', async () => {
    const owner = await w.signIn(OWNER);
    const other = await w.signIn(OTHER);
    expect((await w.call('/api/auth/invitations', { method: 'POST', cookie: other, body: {} })).status).toBe(400);
    const { path } = (await (await w.call('/api/auth/invitations', { method: 'POST', cookie: owner, body: {} })).json()) as { path: string };
    const token = path.split('/').pop()!;
    const weak = await w.call(`/api/auth/invitations/${token}/accept`, { method: 'POST', body: { email: 'cy@example.org', name: 'Cy Young', password: 'short' } });
    expect(weak.status).toBe(400);
    const made = await w.call(`/api/auth/invitations/${token}/accept`, { method: 'POST', body: { email: 'cy@example.org', name: 'Cy Young', password: 'a fine long passphrase' } });
    expect(made.status).toBe(201);
    expect(made.headers.get('set-cookie')).toMatch(/^__Host-waggle=/);
    expect((await w.call(`/api/auth/invitations/${token}/accept`, { method: 'POST', body: { email: 'dee@example.org', name: 'Dee', password: 'a fine long passphrase' } })).status).toBe(404);
    const late = (await (await w.call('/api/auth/invitations', { method: 'POST', cookie: owner, body: {} })).json()) as { path: string };
    w.clock.at += 8 * 24 * 3600 * 1000;
    expect((await w.call(`/api/auth/invitations/${late.path.split('/').pop()!}/accept`, { method: 'POST', body: { email: 'dee@example.org', name: 'Dee', password: 'a fine long passphrase' } })).status).toBe(404);
  });
});

describe.each(DIALECTS)('the authorization matrix: every route × every kind of caller (%s)', (kind) => {
  const w = worldWithAccounts(kind);

  it('returns no foreign row and makes no foreign write', async () => {
    const owner = await w.signIn(OWNER);
    const other = await w.signIn(OTHER);
    // The owner's map: the demo, a share link and an access token.
    expect((await w.call('/api/demo', { method: 'POST', cookie: owner, body: {} })).status).toBe(200);
    const share = (await (await w.call('/api/shares', { method: 'POST', cookie: owner, body: { kind: 'plan' } })).json()) as { token: string; share: { id: string } };
    const ownerToken = (await (await w.call('/api/auth/tokens', { method: 'POST', cookie: owner, body: {} })).json()) as { token: string; accessToken: { id: string } };
    // And a team of the owner's, sharing a person (the team routes are in the matrix like every other).
    const ownerTeam = (await (await w.call('/api/teams', { method: 'POST', cookie: owner, body: { name: 'The owner team' } })).json()) as { id: string };
    const revokedToken = (await (await w.call('/api/auth/tokens', { method: 'POST', cookie: other, body: {} })).json()) as { token: string; accessToken: { id: string } };
    await w.call(`/api/auth/tokens/${revokedToken.accessToken.id}`, { method: 'DELETE', cookie: other });
    const revokedSession = await w.signIn(OTHER);
    await w.call('/api/auth/sign-out', { method: 'POST', cookie: revokedSession });
    const expiredSession = await w.signIn(OTHER);
    // Expired: a month passes; the owner's and the other's sessions are opened again after.
    w.clock.at += 31 * 24 * 3600 * 1000;
    const ownerNow = await w.signIn(OWNER);
    const otherNow = await w.signIn(OTHER);
    void owner;
    void other;

    const snapshot = async () => (await (await w.call('/api/export/json', { cookie: ownerNow })).text()).replace(/"exportedAt":"[^"]*"/, '');
    const before = await snapshot();
    const backup = JSON.parse(before) as { workspace: Record<string, { id: string }[]> };
    const ws = backup.workspace;
    const ownerIds = new Set<string>([share.share.id, ownerToken.accessToken.id]);
    for (const rows of Object.values(ws)) if (Array.isArray(rows)) for (const row of rows) if (row && typeof row.id === 'string') ownerIds.add(row.id);
    ownerIds.add(ownerTeam.id);
    expect((await w.call(`/api/teams/${ownerTeam.id}/consent/people/${ws.people![0]!.id}`, { method: 'PUT', cookie: ownerNow, body: { shared: true } })).status).toBe(200);
    expect(ownerIds.size).toBeGreaterThan(200);

    const first = (name: string) => ws[name]?.[0]?.id ?? `${name}_none`;
    const idFor = (path: string, name: string): string => {
      if (name === 'format') return 'json';
      if (name === 'token') return share.token;
      if (name === 'goalId') return first('goals');
      if (name === 'personId') return first('people');
      if (name === 'otherId') return ws.people?.[1]?.id ?? 'per_none';
      const kind = path.split('/')[2];
      const byKind: Record<string, string> = {
        people: first('people'),
        networks: first('networks'),
        goals: first('goals'),
        exchanges: first('exchanges'),
        'follow-ups': first('followUps'),
        introductions: first('introductions'),
        templates: first('outreachTemplates'),
        shares: share.share.id,
        plan: first('planTargets'),
        auth: ownerToken.accessToken.id,
        teams: ownerTeam.id,
      };
      return byKind[kind ?? ''] ?? 'x';
    };
    const bodyFor = (path: string) => (path === '/api/erase' ? { confirm: 'erase everything' } : path === '/api/demo' ? { replace: true } : path === '/api/people' ? { name: 'Planted' } : {});

    const doc = (await (await w.call(OPENAPI_PATH)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes: { method: string; template: string; path: string }[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) routes.push({ method: method.toUpperCase(), template, path: template.replace(/\{(\w+)\}/g, (_m, name: string) => idFor(template, name)) });
    }
    // Signing out ends the caller's own session: last.
    const signsOut = (r: { template: string }) => r.template.startsWith('/api/auth/sign-out');
    routes.sort((a, b) => Number(signsOut(a)) - Number(signsOut(b)));
    const open = new Set(['/api/health', '/api/openapi.json', '/api/vocabulary', '/api/auth/sign-in', '/api/auth/status', '/api/auth/setup', '/api/auth/invitations/{token}/accept']);
    const callers: { name: string; auth: { cookie?: string; token?: string } }[] = [
      { name: 'another account (session)', auth: { cookie: otherNow } },
      { name: 'anonymous', auth: {} },
      { name: 'an expired session', auth: { cookie: expiredSession } },
      { name: 'a signed-out session', auth: { cookie: revokedSession } },
      { name: 'a revoked token', auth: { token: revokedToken.token } },
      { name: 'a share token as a bearer token', auth: { token: share.token } },
      { name: 'a share token as a session cookie', auth: { cookie: share.token } },
    ];
    let requests = 0;
    let foreignRows = 0;
    const leaks: string[] = [];
    for (const caller of callers) {
      for (const route of routes) {
        const response = await w.call(route.path, { method: route.method, ...caller.auth, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: bodyFor(route.template) }) });
        requests += 1;
        if (caller.name !== 'another account (session)' && !open.has(route.template)) expect(response.status, `${caller.name}: ${route.method} ${route.path}`).toBe(401);
        // The other account is signed in: refused for what is not its own (404, 400), never for want of a session.
        if (caller.name === 'another account (session)' && !signsOut(route)) expect(response.status, `${caller.name}: ${route.method} ${route.path}`).not.toBe(401);
        const text = (await response.text()).split(route.path).join('');
        for (const id of ownerIds) {
          if (text.includes(id) && !route.path.includes(id)) {
            foreignRows += 1;
            leaks.push(`${caller.name}: ${route.method} ${route.template} shows ${id}`);
          }
        }
      }
    }
    // The owner, last: every route answers (nothing refused for want of rights).
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const response = await w.call(route.path, { token: ownerToken.token });
      requests += 1;
      expect([401, 403], `owner: GET ${route.path}`).not.toContain(response.status);
    }
    console.log(`authorization matrix (${kind}): ${routes.length} routes × ${callers.length} callers + ${routes.filter((r) => r.method === 'GET').length} owner reads = ${requests} requests; ${foreignRows} foreign rows returned`);
    expect(leaks).toEqual([]);
    // No foreign write: the owner's map is as it was, and the other account's erase and demo touched only its own.
    expect(await snapshot()).toBe(before);
    expect(routes.length).toBeGreaterThan(60);
  });
});
