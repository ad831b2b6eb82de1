import type { Kysely, Selectable } from 'kysely';
import type { TeamGoal, TeamGoalNeeds } from '../core/team/index.js';
import type { Database } from './schema.js';

/* A team's goals and their links to what members share (read with the team's snapshot, services/teams-sharing.ts). */

export type StoredTeamGoal = TeamGoal & { createdAt: string };

export function toTeamGoal(row: Selectable<Database['teamGoals']>, links: readonly Selectable<Database['teamGoalLinks']>[]): StoredTeamGoal {
  return {
    id: row.id,
    statement: row.statement,
    needs: JSON.parse(row.needs) as TeamGoalNeeds,
    createdAt: row.createdAt,
    links: links.map((l) => ({ memberId: l.accountId, itemKind: l.itemKind as 'network' | 'person', itemId: l.itemId, relevance: l.relevance })),
  };
}

/** The team's goals, oldest first, each with every member's links (shared now or not: the snapshot's merge keeps only what is). */
export async function selectTeamGoals(db: Kysely<Database>, teamId: string): Promise<StoredTeamGoal[]> {
  const goals = await db.selectFrom('teamGoals').selectAll().where('teamId', '=', teamId).orderBy('createdAt').orderBy('id').execute();
  const links = await db.selectFrom('teamGoalLinks as l').innerJoin('teamGoals as g', 'g.id', 'l.goalId').selectAll('l').where('g.teamId', '=', teamId).execute();
  return goals.map((g) => toTeamGoal(g, links.filter((l) => l.goalId === g.id)));
}

export async function insertTeamGoal(db: Kysely<Database>, row: Database['teamGoals']): Promise<void> {
  await db.insertInto('teamGoals').values(row).execute();
}

export async function deleteTeamGoal(db: Kysely<Database>, teamId: string, goalId: string): Promise<void> {
  await db.deleteFrom('teamGoals').where('id', '=', goalId).where('teamId', '=', teamId).execute();
}

/** Sets one member's link from a goal to an item they share: replaced, or removed when `relevance` is 0. */
export async function replaceTeamGoalLink(db: Kysely<Database>, link: Database['teamGoalLinks']): Promise<void> {
  const { goalId, accountId, itemKind, itemId, relevance } = link;
  await db.deleteFrom('teamGoalLinks').where('goalId', '=', goalId).where('accountId', '=', accountId).where('itemKind', '=', itemKind).where('itemId', '=', itemId).execute();
  if (relevance > 0) await db.insertInto('teamGoalLinks').values(link).execute();
}

/** Removes a member's links to the team's goals: for a member leaving it. */
export async function deleteMemberGoalLinks(db: Kysely<Database>, teamId: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('teamGoalLinks')
    .where('accountId', '=', accountId)
    .where('goalId', 'in', (eb) => eb.selectFrom('teamGoals').select('id').where('teamId', '=', teamId))
    .execute();
}
