import { randomBytes } from 'node:crypto';
import type { NetworkKind, NetworkRole, PersonCategory } from '../core/vocabulary.js';
import { createAccount, type Account, type AccountsDeps } from './accounts.js';
import { addMember } from './links.js';
import { createNetwork } from './networks.js';
import { createPerson } from './people.js';
import { linkTeamGoal, createTeamGoal } from './teams-goals.js';
import { loadTeamSnapshot, setPersonShared } from './teams-sharing.js';
import { createTeam, type TeamDetail } from './teams.js';
import { mergeTeam } from '../core/team/index.js';
import type { ServiceContext } from './context.js';

/**
 * A demo team, so that the team view shows itself in a minute: the caller leads it,
 * with five made-up teammates (accounts of their own, with a random password nobody
 * knows, at @demo.invalid addresses), their small maps, what each chose to share, two
 * team goals and a month of news on the dance floor. Each teammate also keeps one
 * person and one note to themselves, which the team never sees.
 */

interface DemoNetwork {
  name: string;
  kind: NetworkKind;
  role: NetworkRole;
  strength: number;
  hours: number;
}
interface DemoPerson {
  name: string;
  organisation: string;
  category: PersonCategory;
  strength: number;
  network?: string;
}
interface DemoMember {
  name: string;
  networks: DemoNetwork[];
  people: DemoPerson[];
  news: { daysAgo: number; kind: 'learned' | 'opportunity' | 'event' | 'person'; text: string; goal?: number; network?: string }[];
}

const MEMBERS: DemoMember[] = [
  {
    name: 'Bea Costa',
    networks: [
      { name: 'Physio Society', kind: 'professional-body', role: 'committee', strength: 4, hours: 3 },
      { name: 'Research Unit Journal Club', kind: 'interest-group', role: 'member', strength: 3, hours: 2 },
    ],
    people: [
      { name: 'Dr Rosa Jiménez', organisation: 'Hospital Norte', category: 'leader-in-field', strength: 4, network: 'Physio Society' },
      { name: 'Tom Reed', organisation: 'Uni Lisboa', category: 'author-blogger', strength: 3 },
    ],
    news: [{ daysAgo: 3, kind: 'event', text: 'The society holds a grant-writing day in March; two places left', goal: 0, network: 'Physio Society' }],
  },
  {
    name: 'Carl Dias',
    networks: [
      { name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 2, hours: 1 },
      { name: 'Data Science Meetup', kind: 'interest-group', role: 'member', strength: 3, hours: 2 },
    ],
    people: [
      { name: 'Dr Rosa Jiménez', organisation: 'Hospital Norte', category: 'leader-in-field', strength: 2 },
      { name: 'Ines Faria', organisation: 'DataCo', category: 'unrelated-industry', strength: 4, network: 'Data Science Meetup' },
    ],
    news: [{ daysAgo: 12, kind: 'learned', text: 'Small pilot studies open doors: reviewers want feasibility first', goal: 0 }],
  },
  {
    name: 'Dana Lopes',
    networks: [
      { name: 'Data Science Meetup', kind: 'interest-group', role: 'organiser', strength: 5, hours: 4 },
      { name: 'Health Informatics Conference', kind: 'conference', role: 'member', strength: 2, hours: 1 },
    ],
    people: [
      { name: 'Ines Faria', organisation: 'DataCo', category: 'unrelated-industry', strength: 3 },
      { name: 'Paul Kim', organisation: 'NHS Digital', category: 'other-function', strength: 3, network: 'Health Informatics Conference' },
    ],
    news: [{ daysAgo: 20, kind: 'opportunity', text: 'The conference takes short papers on service evaluations until the 15th', goal: 1, network: 'Health Informatics Conference' }],
  },
  {
    name: 'Eli Moura',
    networks: [{ name: 'Grant Writers Circle', kind: 'research-network', role: 'committee', strength: 4, hours: 2 }],
    people: [{ name: 'Prof Ana Marques', organisation: 'Uni Porto', category: 'leader-in-field', strength: 5, network: 'Grant Writers Circle' }],
    news: [{ daysAgo: 6, kind: 'person', text: 'Prof Ana Marques reviews for the national fund and likes pilot data', goal: 0 }],
  },
  {
    name: 'Fia Nunes',
    networks: [
      { name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 3, hours: 2 },
      { name: 'Uni Lisboa Alumni', kind: 'alumni', role: 'lurker', strength: 1, hours: 0 },
    ],
    people: [{ name: 'Tom Reed', organisation: 'Uni Lisboa', category: 'author-blogger', strength: 1 }],
    news: [],
  },
];

const GOALS = [
  { statement: 'Win a research grant', needs: { categories: ['leader-in-field', 'unrelated-industry'] as PersonCategory[], networkKinds: ['research-network'] as NetworkKind[] }, links: [['Grant Writers Circle', 5], ['Prof Ana Marques', 5], ['Dr Rosa Jiménez', 4]] as const },
  { statement: 'Get our service evaluation published', needs: { categories: ['author-blogger'] as PersonCategory[], networkKinds: ['conference', 'professional-body'] as NetworkKind[] }, links: [['Health Informatics Conference', 4], ['Tom Reed', 3]] as const },
];

export async function createDemoTeam(deps: AccountsDeps, lead: Account, base: Omit<ServiceContext, 'workspaceId' | 'db'>): Promise<TeamDetail> {
  const team = await createTeam(deps, lead, { name: 'The demo hive' });
  const tag = team.id.replace(/^team_/, '');
  const now = deps.clock.now().getTime();
  const posts: { memberId: string; news: DemoMember['news'][number] }[] = [];
  for (const [i, member] of MEMBERS.entries()) {
    const account = await createAccount(deps, { email: `demo-${tag}-${i + 1}@demo.invalid`, name: `${member.name} (demo)`, password: randomBytes(24).toString('base64url') });
    await deps.db.insertInto('teamMembers').values({ teamId: team.id, accountId: account.id, role: 'member', sharePlan: 0, joinedAt: new Date(now - (30 - i) * 24 * 3600 * 1000).toISOString() }).execute();
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
  for (const goal of GOALS) {
    const made = await createTeamGoal(deps, lead, team.id, { statement: goal.statement, needs: goal.needs });
    goalIds.push(made.id);
    for (const [name, relevance] of goal.links) await linkTeamGoal(deps, lead, team.id, made.id, { key: keyOf(name)!, relevance });
  }
  for (const { memberId, news } of posts) {
    await deps.db
      .insertInto('teamPosts')
      .values({
        id: deps.ids('tpost'),
        teamId: team.id,
        accountId: memberId,
        kind: news.kind,
        text: news.text,
        goalIds: JSON.stringify(news.goal === undefined ? [] : [goalIds[news.goal]]),
        networkKey: news.network ? (keyOf(news.network) ?? null) : null,
        createdAt: new Date(now - news.daysAgo * 24 * 3600 * 1000).toISOString(),
      })
      .execute();
  }
  return team;
}
