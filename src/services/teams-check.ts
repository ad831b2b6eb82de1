import { introductionPaths, mergeTeam, runTeamCheck, teamMapOf, type IntroductionPath, type IntroductionQuery, type TeamCheck, type TeamGraph, type TeamMap, type TeamMember, type TeamNetwork, type TeamPerson } from '../core/team/index.js';
import type { Account } from './accounts.js';
import { teamGraphFile, type TeamGraphFormat } from '../codecs/graph/team.js';
import { loadTeamSnapshot, type LearnedItem } from './teams-sharing.js';
import { selectSharedLearned } from '../storage/team-sharing.js';
import { membershipOf, type TeamsDeps } from './teams.js';

/** The team's view of itself: the merged graph, the check, introduction paths and the graph files, all from consented shares only. */

export interface TeamGraphView {
  members: TeamMember[];
  networks: TeamNetwork[];
  people: TeamPerson[];
  learned: LearnedItem[];
}

async function graphOf(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamGraph> {
  await membershipOf(deps.db, account, teamId);
  return mergeTeam(await loadTeamSnapshot(deps.db, teamId));
}

export async function teamGraphView(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamGraphView> {
  const graph = await graphOf(deps, account, teamId);
  return { members: graph.members, networks: graph.networks, people: graph.people, learned: await selectSharedLearned(deps.db, teamId) };
}

export async function teamCheck(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamCheck> {
  await membershipOf(deps.db, account, teamId);
  return runTeamCheck(await loadTeamSnapshot(deps.db, teamId));
}

export async function teamIntroductionPaths(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, query: IntroductionQuery): Promise<IntroductionPath[]> {
  return introductionPaths(await graphOf(deps, account, teamId), account.id, query);
}

/** The team map (members as hubs, shared networks and people): the same nodes and edges the graph files hold. */
export async function teamMap(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamMap> {
  return teamMapOf(await graphOf(deps, account, teamId));
}

export type { TeamGraphFormat };

/** The consented team graph as GEXF 1.2draft or GraphML, for Gephi, Kumu and networkx: members, networks and shared people, nothing else. */
export async function exportTeamGraph(deps: Pick<TeamsDeps, 'db' | 'clock'>, account: Account, teamId: string, format: TeamGraphFormat): Promise<string> {
  return teamGraphFile(teamMapOf(await graphOf(deps, account, teamId)), format, deps.clock.now());
}
