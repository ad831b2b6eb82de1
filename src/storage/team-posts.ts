import type { Insertable, Kysely, Selectable } from 'kysely';
import { parseJsonList } from './columns.js';
import type { Database } from './schema.js';

/* The dance floor's posts: news a member posts from their networks, tagged to team goals and a shared network. */

type TeamPostsTable = Database['teamPosts'];

export interface TeamPost {
  id: string;
  accountId: string;
  kind: string;
  text: string;
  goalIds: string[];
  networkKey: string | null;
  createdAt: string;
}

export function toTeamPost(row: Selectable<TeamPostsTable>): TeamPost {
  return { id: row.id, accountId: row.accountId, kind: row.kind, text: row.text, goalIds: parseJsonList<string>(row.goalIds), networkKey: row.networkKey, createdAt: row.createdAt };
}

/** A post's row: the tags held as JSON text, as columns.ts holds lists. */
function toTeamPostRow(teamId: string, post: TeamPost): Insertable<TeamPostsTable> {
  return { id: post.id, teamId, accountId: post.accountId, kind: post.kind, text: post.text, goalIds: JSON.stringify(post.goalIds), networkKey: post.networkKey, createdAt: post.createdAt };
}

export async function insertTeamPost(db: Kysely<Database>, teamId: string, post: TeamPost): Promise<void> {
  await db.insertInto('teamPosts').values(toTeamPostRow(teamId, post)).execute();
}

/** The team's latest posts, newest first, at most `limit`. */
export async function selectTeamPosts(db: Kysely<Database>, teamId: string, limit: number): Promise<TeamPost[]> {
  return (await db.selectFrom('teamPosts').selectAll().where('teamId', '=', teamId).orderBy('createdAt', 'desc').orderBy('id').limit(limit).execute()).map(toTeamPost);
}

/** Takes down a member's own post; false when the team has no such post of theirs. */
export async function deleteOwnTeamPost(db: Kysely<Database>, teamId: string, accountId: string, postId: string): Promise<boolean> {
  const result = await db.deleteFrom('teamPosts').where('id', '=', postId).where('teamId', '=', teamId).where('accountId', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Removes a member's posts: for a member leaving the team. */
export async function deleteMemberPosts(db: Kysely<Database>, teamId: string, accountId: string): Promise<void> {
  await db.deleteFrom('teamPosts').where('teamId', '=', teamId).where('accountId', '=', accountId).execute();
}
