import { randomBytes } from 'node:crypto';
import { DEMO_TEAM_GOALS, DEMO_TEAM_MEMBERS, type DemoMember } from '../demo/team-demo.js';
import { createAccount, type Account, type AccountsDeps } from './accounts.js';
import { addMember } from './links.js';
import { createNetwork } from './networks.js';
import { createPerson } from './people.js';
import { linkTeamGoal, createTeamGoal } from './teams-goals.js';
import { loadTeamSnapshot, setPersonShared } from './teams-sharing.js';
import { createTeam, type TeamDetail } from './teams.js';
import { mergeTeam } from '../core/team/index.js';
import { insertTeamPost } from '../storage/team-posts.js';
import { insertTeamMember } from '../storage/teams.js';
import type { ServiceContext } from './context.js';

/**
 * A demo team, so that the team view shows itself in a minute: the caller leads it,
 * with five made-up teammates (accounts of their own, with a random password nobody
 * knows, at @demo.invalid addresses), their small maps, what each chose to share, two
 * team goals and a month of news on the dance floor. Each teammate also keeps one
 * person and one note to themselves, which the team never sees.
 */
export async function createDemoTeam(deps: AccountsDeps, lead: Account, base: Omit<ServiceContext, 'workspaceId' | 'db'>): Promise<TeamDetail> {
  const team = await createTeam(deps, lead, { name: 'The demo hive' });
  const tag = team.id.replace(/^team_/, '');
  const now = deps.clock.now().getTime();
  const posts: { memberId: string; news: DemoMember['news'][number] }[] = [];
  for (const [i, member] of DEMO_TEAM_MEMBERS.entries()) {
    const account = await createAccount(deps, { email: `demo-${tag}-${i + 1}@demo.invalid`, name: `${member.name} (demo)`, password: randomBytes(24).toString('base64url') });
    await insertTeamMember(deps.db, { teamId: team.id, accountId: account.id, role: 'member', sharePlan: 0, joinedAt: new Date(now - (30 - i) * 24 * 3600 * 1000).toISOString() });
    const ctx: ServiceContext = { ...base, db: deps.db, workspaceId: account.workspaceId };
    const networkIds = new Map<string, string>();
    for (const n of member.networks) networkIds.set(n.name, (await createNetwork(ctx, { name: n.name, kind: n.kind, role: n.role, strength: n.strength, hoursPerMonth: n.hours, notes: 'My own notes: not for the team' })).id);
    for (const p of member.people) {
      const person = await createPerson(ctx, { name: p.name, organisation: p.organisation, category: p.category, strength: p.strength, notes: 'Private notes', channels: [{ kind: 'email', value: `${p.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org` }] });
      if (p.network) await addMember(ctx, networkIds.get(p.network)!, person.id, { role: 'member' });
      await setPersonShared(deps, account, team.id, person.id, true);
    }
    // Kept to themselves: never in the team's view.
    await createPerson(ctx, { name: 'A private contact', notes: 'Not shared with the team' });
    for (const news of member.news) posts.push({ memberId: account.id, news });
  }
  const graph = mergeTeam(await loadTeamSnapshot(deps.db, team.id));
  const keyOf = (name: string) => graph.networks.find((n) => n.name === name)?.key ?? graph.people.find((p) => p.name === name)?.key;
  const goalIds: string[] = [];
  for (const goal of DEMO_TEAM_GOALS) {
    const made = await createTeamGoal(deps, lead, team.id, { statement: goal.statement, needs: goal.needs });
    goalIds.push(made.id);
    for (const [name, relevance] of goal.links) await linkTeamGoal(deps, lead, team.id, made.id, { key: keyOf(name)!, relevance });
  }
  for (const { memberId, news } of posts) {
    await insertTeamPost(deps.db, team.id, {
      id: deps.ids('tpost'),
      accountId: memberId,
      kind: news.kind,
      text: news.text,
      goalIds: news.goal === undefined ? [] : [goalIds[news.goal]!],
      networkKey: news.network ? (keyOf(news.network) ?? null) : null,
      createdAt: new Date(now - news.daysAgo * 24 * 3600 * 1000).toISOString(),
    });
  }
  return team;
}
