import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../server/serve.js';
import { createAccessToken, createAccount } from '../services/accounts.js';
import { randomIds } from '../services/context.js';
import { openSession, type Session } from '../services/session.js';
import { acceptTeamInvitation, createTeam, createTeamInvitation } from '../services/teams.js';
import { setPersonShared } from '../services/teams-sharing.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

/** `waggle team …` against a listening server, with a token; and refused without a server. */
describe('waggle team on the command line', () => {
  let dir = '';
  let session: Session;
  let server: Awaited<ReturnType<typeof startServer>>;
  let token = '';
  let teamId = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waggle-team-cli-'));
    session = await openSession({ kind: 'sqlite', dataDir: dir }, { defaultTimeZone: 'UTC' });
    const deps = { db: session.ctx.db, clock: session.ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' };
    const lea = await createAccount(deps, { email: 'lea@example.org', name: 'Lea Lead', password: 'lea has a long passphrase' });
    const max = await createAccount(deps, { email: 'max@example.org', name: 'Max Member', password: 'max has a long passphrase' });
    token = (await createAccessToken(deps, lea.id, 'cli')).token;
    const team = await createTeam(deps, lea, { name: 'Hive Alpha' });
    teamId = team.id;
    await acceptTeamInvitation(deps, max, (await createTeamInvitation(deps, lea, teamId)).token);
    const ctx = { ...session.ctx, workspaceId: max.workspaceId };
    const ana = await ctx.db
      .insertInto('people')
      .values({ id: 'per_ana', workspaceId: max.workspaceId, name: 'Ana Silva', nameKey: 'ana silva', organisation: 'Uni Lisboa', role: null, location: null, howMet: null, category: 'leader-in-field', tags: '[]', notes: 'zqxmax', strength: 4, importance: 3, knowAndLike: 0, canHelp: 0, canHelpHow: null, stage: 'met', cadence: null, preferredChannel: null, lostJobList: 0, nextContactOn: null, nextContactSetOn: null, tieBeganOn: null, source: 'manual', importedOn: null, addedOn: '2026-11-01', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setPersonShared(deps, max, teamId, ana.id, true);
    server = await startServer(session, { port: 0, publicUrl: 'http://waggle.test' });
  });
  afterAll(async () => {
    await server?.close();
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists teams, shows one, runs the check and finds introduction paths', async () => {
    const at = ['--server', server.url, '--token', token];
    const list = await waggleInProcess(dir, [...at, 'team', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Hive Alpha\s+2\s+lead/);
    const show = await waggleInProcess(dir, [...at, 'team', 'show', teamId]);
    expect(show.stdout).toMatch(/Max Member\s+member/);
    const check = await waggleInProcess(dir, [...at, 'team', 'check', teamId]);
    expect(check.stdout).toContain('2 members, 0 shared networks, 1 shared person, 0 goals');
    expect(check.stdout).toMatch(/Diversity gaps \(7\)/);
    const paths = await waggleInProcess(dir, [...at, 'team', 'paths', teamId, '--org', 'uni lisboa']);
    expect(paths.stdout).toContain('1. Max Member knows Ana Silva (Uni Lisboa), tie 4 of 5.');
    const json = JSON.parse((await waggleInProcess(dir, ['--json', ...at, 'team', 'paths', teamId, '--org', 'Uni'])).stdout) as { via: { name: string } }[];
    expect(json.map((p) => p.via.name)).toEqual(['Max Member']);
    expect(`${check.stdout}${paths.stdout}`).not.toContain('zqxmax');
  });

  it('refuses without a server, and answers a team one is not in as not found', async () => {
    const local = await waggleInProcess(dir, ['team', 'list']);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/--server: teams live on a Waggle server/);
    const other = await waggleInProcess(dir, ['--server', server.url, '--token', token, 'team', 'check', 'team_not_mine']);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/No team matches "team_not_mine"/);
  });
});
