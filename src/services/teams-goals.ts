import { NotFoundError, ValidationError } from '../core/errors.js';
import { itemKey, mergeTeam, type TeamGoalNeeds } from '../core/team/index.js';
import { NETWORK_KINDS, PERSON_CATEGORIES } from '../core/vocabulary.js';
import type { Account } from './accounts.js';
import { loadTeamSnapshot } from './teams-sharing.js';
import { membershipOf, type TeamsDeps } from './teams.js';
import { deleteTeamGoal, insertTeamGoal, replaceTeamGoalLink, selectTeamGoals } from '../storage/team-goals.js';

/**
 * Team goals ("win a research grant"), with the categories of people and kinds of
 * network they need, linked to what members share with a relevance, as personal
 * goals are. A link names an item of the team graph by its key; it counts only while
 * the item is shared, and goes when its member leaves.
 */

const MAX_STATEMENT = 300;

function needsOf(input: Partial<TeamGoalNeeds> | undefined): TeamGoalNeeds {
  const categories = [...new Set(input?.categories ?? [])];
  const networkKinds = [...new Set(input?.networkKinds ?? [])];
  for (const c of categories) if (!(PERSON_CATEGORIES as readonly string[]).includes(c)) throw new ValidationError('needs.categories', `"${c}" is not a category`);
  for (const k of networkKinds) if (!(NETWORK_KINDS as readonly string[]).includes(k)) throw new ValidationError('needs.networkKinds', `"${k}" is not a kind of network`);
  return { categories, networkKinds };
}

export async function createTeamGoal(deps: TeamsDeps, account: Account, teamId: string, input: { statement: string; needs?: Partial<TeamGoalNeeds> }) {
  await membershipOf(deps.db, account, teamId);
  const statement = input.statement.trim();
  if (!statement || statement.length > MAX_STATEMENT) throw new ValidationError('statement', `must be 1 to ${MAX_STATEMENT} characters`);
  const id = deps.ids('tgoal');
  await insertTeamGoal(deps.db, { id, teamId, statement, needs: JSON.stringify(needsOf(input.needs)), createdAt: deps.clock.now().toISOString() });
  return goalOf(deps, teamId, id);
}

export interface TeamGoalView {
  id: string;
  statement: string;
  needs: TeamGoalNeeds;
  /** Links to items shared now (a withdrawn item's link is not shown, and counts again if it is shared again). */
  links: { key: string; itemKind: 'network' | 'person'; name: string; relevance: number }[];
  createdAt: string;
}

/** The team's goals with only the links to what is shared now. */
async function visibleGoals(deps: Pick<TeamsDeps, 'db'>, teamId: string): Promise<TeamGoalView[]> {
  const graph = mergeTeam(await loadTeamSnapshot(deps.db, teamId));
  const names = new Map<string, string>([...graph.networks.map((n) => [n.key, n.name] as const), ...graph.people.map((p) => [p.key, p.name] as const)]);
  return (await selectTeamGoals(deps.db, teamId)).map((g) => {
    const links = new Map<string, TeamGoalView['links'][number]>();
    for (const l of g.links) {
      const key = (l.itemKind === 'network' ? graph.networkKeyOf : graph.personKeyOf).get(itemKey(l.memberId, l.itemId));
      if (!key) continue;
      const prior = links.get(key);
      if (!prior || prior.relevance < l.relevance) links.set(key, { key, itemKind: l.itemKind, name: names.get(key) ?? '', relevance: l.relevance });
    }
    return { id: g.id, statement: g.statement, needs: g.needs, createdAt: g.createdAt, links: [...links.values()].sort((a, b) => b.relevance - a.relevance || a.name.localeCompare(b.name)) };
  });
}

async function goalOf(deps: Pick<TeamsDeps, 'db'>, teamId: string, goalId: string): Promise<TeamGoalView> {
  const goal = (await visibleGoals(deps, teamId)).find((g) => g.id === goalId);
  if (!goal) throw new NotFoundError('team goal', goalId);
  return goal;
}

export async function listTeamGoals(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamGoalView[]> {
  await membershipOf(deps.db, account, teamId);
  return visibleGoals(deps, teamId);
}

export async function removeTeamGoal(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, goalId: string) {
  await membershipOf(deps.db, account, teamId);
  const goal = await goalOf(deps, teamId, goalId);
  await deleteTeamGoal(deps.db, teamId, goalId);
  return goal;
}

/** Links a shared network or person (by its team key) to a goal; relevance 0 unlinks. */
export async function linkTeamGoal(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, goalId: string, input: { key: string; relevance: number }) {
  await membershipOf(deps.db, account, teamId);
  await goalOf(deps, teamId, goalId);
  if (!Number.isInteger(input.relevance) || input.relevance < 0 || input.relevance > 5) throw new ValidationError('relevance', 'must be a whole number from 0 to 5');
  const graph = mergeTeam(await loadTeamSnapshot(deps.db, teamId));
  const network = graph.networks.find((n) => n.key === input.key);
  const person = graph.people.find((p) => p.key === input.key);
  const holders = network?.holders ?? person?.holders ?? [];
  if (holders.length === 0) throw new NotFoundError('shared network or person', input.key);
  const itemKind = network ? 'network' : 'person';
  // Stored for every member who shares the item now, so the link holds while any of them does.
  await deps.db.transaction().execute(async (trx) => {
    for (const holder of holders) await replaceTeamGoalLink(trx, { goalId, accountId: holder.memberId, itemKind, itemId: holder.itemId, relevance: input.relevance });
  });
  return goalOf(deps, teamId, goalId);
}
