import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Dialect } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { filesContaining } from '../test-support/files.js';
import { changePassword, deleteAccount, LastOwnerError, listSessions, signOutOtherSessions } from './account-settings.js';
import { createAccessToken, createAccount, resolveAccessToken, resolveSession, signIn, type Account, type AccountsDeps } from './accounts.js';
import { randomIds, type ServiceContext } from './context.js';
import { logExchange } from './exchanges.js';
import { createPerson, listPeople } from './people.js';
import type { Session } from './session.js';

const OWNER = { email: 'ana@example.org', name: 'Ana Silva', password: 'correct horse battery staple' };

/** A database with an owner and a member, and a way to search its files for a string. */
function world(kind: Dialect) {
  const clock = { at: Date.parse('2026-11-22T10:00:00Z'), now() {
    return new Date(this.at);
  } };
  const fresh = freshSession(kind, { clock, ids: 'random' });
  const state: { session?: Session; deps?: AccountsDeps; owner?: Account; search?: (needle: string) => Promise<string[]>; admin?: pg.Client } = {};
  beforeAll(async () => {
    const { config } = fresh;
    state.session = fresh.session;
    state.deps = { db: state.session.ctx.db, clock, ids: randomIds, defaultTimeZone: 'UTC' };
    state.owner = await createAccount(state.deps, OWNER);
    if (config.kind === 'sqlite') {
      const dir = config.dataDir;
      state.search = async (needle) => filesContaining(dir, needle);
    } else {
      const admin = new pg.Client({ connectionString: config.url });
      await admin.connect();
      state.admin = admin;
      const { rows } = await admin.query<{ dir: string; oid: number }>(`select current_setting('data_directory') as dir, oid::int as oid from pg_database where datname = current_database()`);
      const baseDir = join(rows[0]!.dir, 'base', String(rows[0]!.oid));
      state.search = async (needle) => {
        await admin.query('checkpoint');
        return filesContaining(baseDir, needle);
      };
    }
  });
  afterAll(async () => {
    await state.admin?.end();
  });
  const ctxOf = (account: Account): ServiceContext => ({ ...state.session!.ctx, workspaceId: account.workspaceId });
  return { clock, state, ctxOf };
}

describe.each(DIALECTS)('account settings (%s)', (kind) => {
  const { state, ctxOf } = world(kind);

  it('changes the password with the old one, by the sign-up rules, and ends the other sessions only', async () => {
    const deps = state.deps!;
    const member = await createAccount(deps, { email: 'bo@example.org', name: 'Bo Lind', password: 'another long passphrase' });
    const here = await signIn(deps, { email: 'bo@example.org', password: 'another long passphrase', address: 'a' });
    const there = await signIn(deps, { email: 'bo@example.org', password: 'another long passphrase', address: 'b' });
    const hereId = (await resolveSession(deps, here.token))!.credentialId;
    await expect(changePassword(deps, member.id, { currentPassword: 'not my password at all', newPassword: 'a brand new passphrase', keepSessionId: hereId })).rejects.toMatchObject({ field: 'currentPassword' });
    await expect(changePassword(deps, member.id, { currentPassword: 'another long passphrase', newPassword: 'short', keepSessionId: hereId })).rejects.toMatchObject({ field: 'newPassword', message: /at least 12/ });
    await expect(changePassword(deps, member.id, { currentPassword: 'another long passphrase', newPassword: 'bo@example.org', keepSessionId: hereId })).rejects.toMatchObject({ field: 'newPassword' });
    expect(await changePassword(deps, member.id, { currentPassword: 'another long passphrase', newPassword: 'a brand new passphrase', keepSessionId: hereId })).toEqual({ sessionsEnded: 1 });
    expect(await resolveSession(deps, here.token)).not.toBeNull();
    expect(await resolveSession(deps, there.token)).toBeNull();
    await expect(signIn(deps, { email: 'bo@example.org', password: 'another long passphrase', address: 'c' })).rejects.toThrow(/do not match/);
    await signIn(deps, { email: 'bo@example.org', password: 'a brand new passphrase', address: 'c' });
    await deleteAccount(deps, member);
  });

  it('lists the live sessions and ends all but this one', async () => {
    const deps = state.deps!;
    const a = await signIn(deps, { ...OWNER, address: 'a' });
    const b = await signIn(deps, { ...OWNER, address: 'b' });
    const aId = (await resolveSession(deps, a.token))!.credentialId;
    const listed = await listSessions(deps, state.owner!.id, aId);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([aId]);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(listed)).not.toContain(a.token);
    expect(await signOutOtherSessions(deps, state.owner!.id, aId)).toBeGreaterThanOrEqual(1);
    expect(await resolveSession(deps, b.token)).toBeNull();
    expect((await listSessions(deps, state.owner!.id, aId)).map((s) => s.id)).toEqual([aId]);
  });

  it('deletes an account: its workspace, sessions and tokens go, the canary leaves the files, the other account keeps its map', async () => {
    const deps = state.deps!;
    const canary = `canary${randomBytes(8).toString('hex')}`;
    const member = await createAccount(deps, { email: `${canary}@example.org`, name: `Cy ${canary}`, password: 'a fine long passphrase' });
    const ctx = ctxOf(member);
    for (let i = 0; i < 30; i++) await createPerson(ctxOf(state.owner!), { name: `Owner's ${i}`, notes: `an ordinary note ${i}` });
    const person = await createPerson(ctx, { name: 'Carla Canary', notes: `private ${canary} note`, channels: [{ kind: 'email', value: `${canary}@clinic.example` }] });
    await logExchange(ctx, { occurredOn: '2026-01-10', channel: 'coffee', personIds: [person.id], learned: `she told me ${canary}` });
    const session = await signIn(deps, { email: member.email, password: 'a fine long passphrase', address: 'x' });
    const token = await createAccessToken(deps, member.id, 'laptop');
    expect((await state.search!(canary)).length).toBeGreaterThan(0);

    await deleteAccount(deps, member);

    expect(await resolveSession(deps, session.token)).toBeNull();
    expect(await resolveAccessToken(deps, token.token)).toBeNull();
    for (const table of ['accounts', 'sessions', 'accessTokens', 'people', 'exchanges', 'profiles', 'workspaces'] as const) {
      expect(JSON.stringify(await deps.db.selectFrom(table).selectAll().execute()), table).not.toContain(canary);
    }
    expect(await deps.db.selectFrom('people').select('id').where('workspaceId', '=', member.workspaceId).execute()).toEqual([]);
    expect(await state.search!(canary)).toEqual([]);
    expect((await listPeople(ctxOf(state.owner!), {})).total).toBe(30);
  });

});

// A database of its own: the test deletes the only owner, and every account and row with it.
describe.each(DIALECTS)('deleting the last owner (%s)', (kind) => {
  const { state, ctxOf } = world(kind);

  it('refuses to delete the last owner unless told so explicitly', async () => {
    const deps = state.deps!;
    for (let i = 0; i < 30; i++) await createPerson(ctxOf(state.owner!), { name: `Owner's ${i}` });
    await expect(deleteAccount(deps, state.owner!)).rejects.toBeInstanceOf(LastOwnerError);
    expect((await listPeople(ctxOf(state.owner!), {})).total).toBe(30);
    await deleteAccount(deps, state.owner!, { lastOwner: true });
    expect(await deps.db.selectFrom('accounts').selectAll().execute()).toEqual([]);
    expect(await deps.db.selectFrom('people').selectAll().execute()).toEqual([]);
  });
});
