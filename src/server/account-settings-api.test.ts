import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type AccountsDeps } from '../services/accounts.js';
import { randomIds, systemClock } from '../services/context.js';
import type { Session } from '../services/session.js';
import { DIALECTS, type Dialect } from '../test-support/databases.js';
import { createApi, type Api } from './app.js';
import { scopedContext } from './auth.js';
import { freshSession } from '../test-support/fresh-session.js';

const PUBLIC = 'https://waggle.example.org';
const OWNER = { email: 'ana@example.org', name: 'Ana Silva', password: 'correct horse battery staple' };
const MEMBER_AT_FIRST = { email: 'bo@example.org', name: 'Bo Lind', password: 'another long passphrase' };

/** One app instance in server mode on an open database, and a way to call it as a browser behind the proxy would. */
function instance(session: Session, deps: AccountsDeps): { api: Api; call: (path: string, init?: { method?: string; body?: unknown; cookie?: string; token?: string }) => Promise<Response> } {
  const api = createApi(scopedContext(session.ctx), undefined, { edge: { port: 4747, publicUrl: PUBLIC }, auth: { deps, secure: true, trustProxy: true } });
  const call = async (path: string, init: { method?: string; body?: unknown; cookie?: string; token?: string } = {}) => {
    const headers: Record<string, string> = { host: 'waggle.example.org', 'x-forwarded-for': '203.0.113.9' };
    const method = init.method ?? 'GET';
    if (method !== 'GET') headers.origin = PUBLIC;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.cookie) headers.cookie = `__Host-waggle=${init.cookie}`;
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    return api.request(path, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  };
  return { api, call };
}

async function signIn(call: ReturnType<typeof instance>['call'], who: { email: string; password: string }): Promise<string> {
  const response = await call('/api/auth/sign-in', { method: 'POST', body: { email: who.email, password: who.password } });
  expect(response.status, await response.clone().text()).toBe(200);
  return /__Host-waggle=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
}

describe.each(DIALECTS)('account settings through the API (%s)', (kind: Dialect) => {
  // Each test its own database with the owner and the member: sessions, passwords and
  // deletions made by one test must not be what another finds.
  let MEMBER = { ...MEMBER_AT_FIRST };
  const world = freshSession(kind, { clock: systemClock, ids: 'random', per: 'test' });
  let app: ReturnType<typeof instance>;
  beforeEach(async () => {
    MEMBER = { ...MEMBER_AT_FIRST };
    const deps = { db: world.session.ctx.db, clock: world.session.ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' };
    await createAccount(deps, OWNER);
    await createAccount(deps, MEMBER);
    app = instance(world.session, deps);
  });

  it('lists one\'s own sessions, ends the others, and refuses that to an access token', async () => {
    const here = await signIn(app.call, MEMBER);
    const there = await signIn(app.call, MEMBER);
    const owner = await signIn(app.call, OWNER);
    const sessions = (await (await app.call('/api/auth/sessions', { cookie: here })).json()) as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const ownerSessions = (await (await app.call('/api/auth/sessions', { cookie: owner })).json()) as { id: string }[];
    expect(ownerSessions.map((s) => s.id)).not.toContain(sessions[0]!.id);
    const token = ((await (await app.call('/api/auth/tokens', { method: 'POST', cookie: here, body: { label: 'script' } })).json()) as { token: string }).token;
    expect((await app.call('/api/auth/sign-out-others', { method: 'POST', token, body: {} })).status).toBe(403);
    expect(await (await app.call('/api/auth/sign-out-others', { method: 'POST', cookie: here, body: {} })).json()).toEqual({ sessionsEnded: 1 });
    expect((await app.call('/api/auth/me', { cookie: there })).status).toBe(401);
    expect((await app.call('/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await app.call('/api/auth/me', { cookie: owner })).status).toBe(200);
  });

  it('changes the password only with the current one; the other sessions end', async () => {
    const here = await signIn(app.call, MEMBER);
    const there = await signIn(app.call, MEMBER);
    const wrong = await app.call('/api/auth/password', { method: 'POST', cookie: here, body: { currentPassword: 'a guess, not the password', newPassword: 'a brand new passphrase' } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { field: 'currentPassword' } });
    const weak = await app.call('/api/auth/password', { method: 'POST', cookie: here, body: { currentPassword: MEMBER.password, newPassword: 'Bo Lind' } });
    expect(await weak.json()).toMatchObject({ error: { field: 'newPassword' } });
    const changed = await app.call('/api/auth/password', { method: 'POST', cookie: here, body: { currentPassword: MEMBER.password, newPassword: 'a brand new passphrase' } });
    expect(changed.status).toBe(200);
    expect((await app.call('/api/auth/me', { cookie: there })).status).toBe(401);
    expect((await app.call('/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await app.call('/api/auth/sign-in', { method: 'POST', body: { email: MEMBER.email, password: MEMBER.password } })).status).toBe(401);
    MEMBER.password = 'a brand new passphrase';
  });

  it('counts wrong passwords typed in settings with failed sign-ins: 429 with Retry-After after five', async () => {
    const cy = { email: 'cy@example.org', name: 'Cy Young', password: 'a third long passphrase' };
    await createAccount({ db: world.session.ctx.db, clock: world.session.ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' }, cy);
    const cookie = await signIn(app.call, cy);
    for (let i = 0; i < 3; i++) expect((await app.call('/api/auth/password', { method: 'POST', cookie, body: { currentPassword: `guess number ${i} here`, newPassword: 'a brand new passphrase' } })).status).toBe(400);
    for (let i = 0; i < 2; i++) expect((await app.call('/api/auth/account/delete', { method: 'POST', cookie, body: { password: `guess number ${i} again` } })).status).toBe(400);
    const refused = await app.call('/api/auth/account/delete', { method: 'POST', cookie, body: { password: cy.password } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await app.call('/api/auth/password', { method: 'POST', cookie, body: { currentPassword: cy.password, newPassword: 'a brand new passphrase' } })).status).toBe(429);
    expect((await app.call('/api/auth/sign-in', { method: 'POST', body: { email: cy.email, password: cy.password } })).status).toBe(429);
    expect((await app.call('/api/auth/me', { cookie })).status).toBe(200);
  });

  it('deletes the account with the password typed again, and the owner\'s only when said explicitly', async () => {
    // Someone else on the server, whose account stays.
    await createAccount({ db: world.session.ctx.db, clock: world.session.ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' }, { email: 'di@example.org', name: 'Di Moss', password: 'a fourth long passphrase' });
    const member = await signIn(app.call, MEMBER);
    expect((await app.call('/api/people', { method: 'POST', cookie: member, body: { name: 'Rosa Lima' } })).status).toBe(201);
    const token = ((await (await app.call('/api/auth/tokens', { method: 'POST', cookie: member, body: {} })).json()) as { token: string }).token;
    expect((await app.call('/api/auth/account/delete', { method: 'POST', cookie: member, body: { password: 'not the password at all' } })).status).toBe(400);
    expect((await app.call('/api/auth/me', { cookie: member })).status).toBe(200);
    // A token alone cannot delete: the password is asked for.
    expect((await app.call('/api/auth/account/delete', { method: 'POST', token, body: {} })).status).toBe(400);
    const deleted = await app.call('/api/auth/account/delete', { method: 'POST', cookie: member, body: { password: MEMBER.password } });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('set-cookie')).toMatch(/__Host-waggle=;/);
    expect((await app.call('/api/auth/me', { cookie: member })).status).toBe(401);
    expect((await app.call('/api/people', { token })).status).toBe(401);
    expect((await app.call('/api/auth/sign-in', { method: 'POST', body: { email: MEMBER.email, password: MEMBER.password } })).status).toBe(401);
    expect(await world.session.ctx.db.selectFrom('people').select('name').execute()).toEqual([]);

    const owner = await signIn(app.call, OWNER);
    const refused = await app.call('/api/auth/account/delete', { method: 'POST', cookie: owner, body: { password: OWNER.password } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/owner's account/);
    expect((await app.call('/api/auth/me', { cookie: owner })).status).toBe(200);
    expect((await app.call('/api/auth/account/delete', { method: 'POST', cookie: owner, body: { password: OWNER.password, confirmLastOwner: 'delete the owner' } })).status).toBe(200);
    expect(await world.session.ctx.db.selectFrom('accounts').select('email').execute()).toEqual([{ email: 'di@example.org' }]);
  });
});

describe('two app instances on one PostgreSQL', () => {
  // Two processes' worth: each its own pool, its own app; only the database is shared.
  const world = freshSession('postgres', { clock: systemClock, ids: 'random', other: true });

  it('a session made on one is valid on the other; signing out on one ends it on both', async () => {
    const depsOf = (s: Session) => ({ db: s.ctx.db, clock: s.ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' });
    const [first, second] = [world.session, world.other];
    await createAccount(depsOf(first), OWNER);
    const a = instance(first, depsOf(first));
    const b = instance(second, depsOf(second));
    const cookie = await signIn(a.call, OWNER);
    expect(await (await b.call('/api/auth/me', { cookie })).json()).toMatchObject({ account: { email: OWNER.email }, via: 'session' });
    // A write through one instance is read through the other.
    expect((await a.call('/api/people', { method: 'POST', cookie, body: { name: 'Rosa Lima' } })).status).toBe(201);
    expect(((await (await b.call('/api/people', { cookie })).json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['Rosa Lima']);
    expect((await b.call('/api/auth/sign-out', { method: 'POST', cookie, body: {} })).status).toBe(200);
    expect((await a.call('/api/auth/me', { cookie })).status).toBe(401);
    expect((await b.call('/api/auth/me', { cookie })).status).toBe(401);
  });
});
