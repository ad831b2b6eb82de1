import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../server/serve.js';
import { createAccessToken, createAccount } from '../services/accounts.js';
import { randomIds, systemClock } from '../services/context.js';
import { acceptTeamInvitation, createTeam, createTeamInvitation } from '../services/teams.js';
import { setPersonShared } from '../services/teams-sharing.js';
import { freshSession } from '../test-support/fresh-session.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

/** `waggle team …` against a listening server, with a token; and refused without a server. */
describe('waggle team on the command line', () => {
  // Each test its own folder, accounts, team and server: one test's joins, leaves, goals and
  // withdrawals (or a second team of the same name) must not be what the next one reads.
  const world = freshSession('sqlite', { clock: systemClock, ids: 'random', per: 'test' });
  let dir = '';
  let server: Awaited<ReturnType<typeof startServer>>;
  let token = '';
  let maxToken = '';
  let ozToken = '';
  let teamId = '';
  let invite: () => Promise<string>;
  beforeEach(async () => {
    dir = world.dataDir;
    const { session } = world;
    const deps = { db: session.ctx.db, clock: session.ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' };
    const lea = await createAccount(deps, { email: 'lea@example.org', name: 'Lea Lead', password: 'lea has a long passphrase' });
    const max = await createAccount(deps, { email: 'max@example.org', name: 'Max Member', password: 'max has a long passphrase' });
    const oz = await createAccount(deps, { email: 'oz@example.org', name: 'Oz Outsider', password: 'oz has a long passphrase' });
    token = (await createAccessToken(deps, lea.id, 'cli')).token;
    maxToken = (await createAccessToken(deps, max.id, 'cli')).token;
    ozToken = (await createAccessToken(deps, oz.id, 'cli')).token;
    const team = await createTeam(deps, lea, { name: 'Hive Alpha' });
    teamId = team.id;
    // A link to join is made with a password sign-in (the web app); the service makes it here.
    invite = async () => (await createTeamInvitation(deps, lea, teamId)).token;
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
  afterEach(async () => {
    await server?.close();
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

  it('changes teams from the command line: create, join, share, withhold, post, goal add, leave', async () => {
    const asLea = ['--server', server.url, '--token', token];
    const asMax = ['--server', server.url, '--token', maxToken];
    const asOz = ['--server', server.url, '--token', ozToken];
    const made = await waggleInProcess(dir, ['--json', ...asOz, 'team', 'create', 'Oz Team']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ name: 'Oz Team', myRole: 'lead', members: 1 });

    // Lea adds a team goal, naming the team by its name; Oz joins by the whole link.
    const goal = await waggleInProcess(dir, [...asLea, 'team', 'goal', 'add', 'hive alpha', 'Win a research grant', '--needs-category', 'leader-in-field', '--needs-network', 'research-network']);
    expect(goal.code).toBe(0);
    expect(goal.stdout).toMatch(/Added the team goal "Win a research grant" \(tgoal_/);
    const joined = await waggleInProcess(dir, [...asOz, 'team', 'join', `${server.url}/team-invite/${await invite()}`]);
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/Joined\.\nTeam:\s+Hive Alpha\nYour role:\s+member\nMembers:\s+3/);

    // Max, on his own map: a network (offered by default) he then holds back, and one he keeps offering; what he learned, tagged.
    expect((await waggleInProcess(dir, [...asMax, 'network', 'add', 'Physio Society', '--kind', 'professional-body', '--role', 'member', '--strength', '3'])).code).toBe(0);
    expect((await waggleInProcess(dir, [...asMax, 'network', 'add', 'Zqxmax Club', '--kind', 'interest-group'])).code).toBe(0);
    const held = await waggleInProcess(dir, [...asMax, 'team', 'withhold', 'Hive Alpha', '--network', 'Zqxmax Club']);
    expect(held.stdout).toContain('Held Zqxmax Club back from the team.');
    const logged = JSON.parse((await waggleInProcess(dir, ['--json', ...asMax, 'log', '--with', 'Ana Silva', '--channel', 'coffee', '--learned', 'Pilot studies open doors', '--gave', 'help:zqxmax advice'])).stdout) as { exchange: { id: string } };
    const shared = await waggleInProcess(dir, [...asMax, 'team', 'share', 'Hive Alpha', '--learned', logged.exchange.id, '--goal', 'win a research grant', '--tag-network', 'physio society']);
    expect(shared.code).toBe(0);
    expect(shared.stdout).toContain('Shared with the team what you learned: Pilot studies open doors');
    const posted = await waggleInProcess(dir, [...asMax, 'team', 'post', 'Hive Alpha', 'The society runs a grant-writing day', '--kind', 'event', '--network', 'Physio Society']);
    expect(posted.stdout).toContain('Posted on the dance floor: The society runs a grant-writing day');
    const plan = await waggleInProcess(dir, [...asMax, 'team', 'share', 'Hive Alpha', '--plan']);
    expect(plan.stdout).toContain('The lead now sees your plan');

    // Lea sees exactly that: the society (not the club), the learned words with their tags, the news.
    const check = JSON.parse((await waggleInProcess(dir, ['--json', ...asLea, 'team', 'check', teamId])).stdout) as { coverage: { name: string }[] };
    expect(check.coverage.map((r) => r.name)).toEqual(['Physio Society']);
    const floor = await fetch(`${server.url}/api/teams/${teamId}/dance-floor`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ text: string; goals: { statement: string }[]; network: { name: string } | null }[]>);
    expect(floor.map((f) => [f.text, f.goals.map((g) => g.statement), f.network?.name ?? null])).toEqual(
      expect.arrayContaining([
        ['Pilot studies open doors', ['Win a research grant'], 'Physio Society'],
        ['The society runs a grant-writing day', [], 'Physio Society'],
      ]),
    );
    expect(JSON.stringify(floor)).not.toMatch(/zqxmax|coffee/i);

    // Withdrawn at once: the person, the learned item.
    const person = await waggleInProcess(dir, [...asMax, 'team', 'withhold', 'Hive Alpha', '--person', 'Ana Silva']);
    expect(person.stdout).toContain('Withdrew Ana Silva from the team.');
    expect((await waggleInProcess(dir, [...asMax, 'team', 'withhold', 'Hive Alpha', '--learned', logged.exchange.id])).code).toBe(0);
    const after = await waggleInProcess(dir, ['--json', ...asLea, 'team', 'paths', teamId, '--org', 'uni lisboa']);
    expect(JSON.parse(after.stdout)).toEqual([]);
    // Oz leaves; the team is no longer his.
    const left = await waggleInProcess(dir, [...asOz, 'team', 'leave', 'Hive Alpha']);
    expect(left.stdout).toContain('You left the team');
    expect((await waggleInProcess(dir, [...asOz, 'team', 'show', teamId])).code).toBe(3);
  });

  it('maps the server\'s refusals to exit codes: 5 for a lead\'s action by a member, 3 not found, 2 bad input, 4 an ambiguous name', async () => {
    const asMax = ['--server', server.url, '--token', maxToken];
    const asOz = ['--server', server.url, '--token', ozToken];
    // The team goal that a plan may not be tagged with (below).
    expect((await waggleInProcess(dir, ['--server', server.url, '--token', token, 'team', 'goal', 'add', 'hive alpha', 'Win a research grant'])).code).toBe(0);
    const rename = await waggleInProcess(dir, [...asMax, 'team', 'rename', 'Hive Alpha', 'Max\'s hive']);
    expect(rename.code).toBe(5);
    expect(rename.stderr).toBe("waggle: Only the team's lead may rename the team; you are a member (ask the lead, or to be made lead)\n");
    const renamedJson = await waggleInProcess(dir, ['--json', ...asMax, 'team', 'rename', teamId, 'x']);
    expect(JSON.parse(renamedJson.stderr)).toMatchObject({ error: { code: 'forbidden' } });
    // An access token cannot make a link to join, whoever holds it: a leaked token must not let anyone in.
    const link = await waggleInProcess(dir, ['--server', server.url, '--token', token, 'team', 'invite', 'Hive Alpha']);
    expect(link.code).toBe(5);
    expect(link.stderr).toMatch(/password/);
    // Not in the team (Oz never joined this one): not found, by name or id.
    expect((await waggleInProcess(dir, [...asOz, 'team', 'post', 'Hive Alpha', 'hello'])).code).toBe(3);
    expect((await waggleInProcess(dir, [...asOz, 'team', 'post', teamId, 'hello'])).code).toBe(3);
    // Bad input: an unknown kind, nothing or two things to share, an enormous text, a bad link, a tag on a network, a goal not of the team.
    expect((await waggleInProcess(dir, [...asMax, 'team', 'post', 'Hive Alpha', 'x', '--kind', 'gossip'])).code).toBe(2);
    expect((await waggleInProcess(dir, [...asMax, 'team', 'share', 'Hive Alpha'])).code).toBe(2);
    expect((await waggleInProcess(dir, [...asMax, 'team', 'share', 'Hive Alpha', '--plan', '--person', 'Ana Silva'])).code).toBe(2);
    expect((await waggleInProcess(dir, [...asMax, 'team', 'post', 'Hive Alpha', 'x'.repeat(100_000)])).code).toBe(2);
    expect((await waggleInProcess(dir, [...asMax, 'team', 'join', 'https://example.org/not-a-link'])).code).toBe(2);
    expect((await waggleInProcess(dir, [...asMax, 'team', 'share', 'Hive Alpha', '--plan', '--goal', 'Win a research grant'])).code).toBe(2);
    expect((await waggleInProcess(dir, [...asMax, 'team', 'post', 'Hive Alpha', 'x', '--goal', 'A goal nobody set'])).code).toBe(3);
    // A used or unknown link: not found.
    expect((await waggleInProcess(dir, [...asOz, 'team', 'join', 'A'.repeat(43)])).code).toBe(3);
    // Two of my teams with one name: the name is ambiguous, the id is not.
    await waggleInProcess(dir, [...asMax, 'team', 'create', 'Hive Alpha']);
    const ambiguous = await waggleInProcess(dir, [...asMax, 'team', 'post', 'hive alpha', 'hello']);
    expect(ambiguous.code).toBe(4);
    expect(ambiguous.stderr).toMatch(/use the id/);
  });

  it('makes a demo team on the server with demo --team; on one\'s own machine says it needs a server', async () => {
    const demo = await waggleInProcess(dir, ['--json', '--server', server.url, '--token', ozToken, 'demo', '--team']);
    expect(demo.code).toBe(0);
    const team = JSON.parse(demo.stdout) as { id: string; myRole: string; roster: { name: string }[] };
    expect(team.myRole).toBe('lead');
    // The roster runs by joining date: the made-up teammates joined a month ago, Oz now.
    expect(team.roster.map((m) => m.name)).toEqual(['Bea Costa (demo)', 'Carl Dias (demo)', 'Dana Lopes (demo)', 'Eli Moura (demo)', 'Fia Nunes (demo)', 'Oz Outsider']);
    const check = await waggleInProcess(dir, ['--server', server.url, '--token', ozToken, 'team', 'check', team.id]);
    expect(check.stdout).toMatch(/^6 members, /);
    expect(check.stdout).toMatch(/Single points of failure \(3\)/);
    // Locally: refused, naming the way to a server; nothing is written to the local map.
    const local = await waggleInProcess(dir, ['demo', '--team']);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/^waggle: --team: a team needs accounts, and your own machine has one map and no accounts: run Waggle as a server/);
    expect((await waggleInProcess(dir, ['--server', server.url, '--token', ozToken, 'demo', '--team', '--replace'])).code).toBe(2);
    // The sample map stays a local command: against a server it is refused as before.
    expect((await waggleInProcess(dir, ['--server', server.url, '--token', ozToken, 'demo'])).code).toBe(2);
  }, 60_000);

  it('refuses without a server, and answers a team one is not in as not found', async () => {
    const local = await waggleInProcess(dir, ['team', 'list']);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/--server: teams live on a Waggle server/);
    const other = await waggleInProcess(dir, ['--server', server.url, '--token', token, 'team', 'check', 'team_not_mine']);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/No team matches "team_not_mine"/);
  });
});
