import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/* A team's goals and their links to what members share (read with the team's snapshot, services/teams-sharing.ts). */

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
