import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/* Introduction requests between a team's members, about people a member shares with the team. */

/** Whether the teammate shares this person with the team now (the person in the teammate's own workspace). */
export async function personSharedBy(db: Kysely<Database>, teamId: string, accountId: string, personId: string): Promise<boolean> {
  const shared = await db
    .selectFrom('teamSharedPeople as s')
    .innerJoin('teamMembers as tm', (join) => join.onRef('tm.teamId', '=', 's.teamId').onRef('tm.accountId', '=', 's.accountId'))
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .innerJoin('people as p', (join) => join.onRef('p.id', '=', 's.personId').onRef('p.workspaceId', '=', 'a.workspaceId'))
    .select('p.id')
    .where('s.teamId', '=', teamId)
    .where('s.accountId', '=', accountId)
    .where('s.personId', '=', personId)
    .executeTakeFirst();
  return shared !== undefined;
}

export async function insertIntroRequest(db: Kysely<Database>, row: Database['teamIntroRequests']): Promise<void> {
  await db.insertInto('teamIntroRequests').values(row).execute();
}

/** The requests an account made or was asked, in a team, newest first: only those whose person is shared now. */
export async function selectIntroRequests(db: Kysely<Database>, teamId: string, accountId: string) {
  return db
    .selectFrom('teamIntroRequests as r')
    // The person shows only while the holder shares them with this team.
    .innerJoin('teamSharedPeople as s', (join) => join.onRef('s.teamId', '=', 'r.teamId').onRef('s.accountId', '=', 'r.toAccount').onRef('s.personId', '=', 'r.personId'))
    .innerJoin('accounts as a', 'a.id', 'r.toAccount')
    .innerJoin('people as p', (join) => join.onRef('p.id', '=', 'r.personId').onRef('p.workspaceId', '=', 'a.workspaceId'))
    .select(['r.id', 'r.fromAccount', 'r.toAccount', 'r.personId', 'p.name', 'p.organisation', 'r.message', 'r.status', 'r.createdAt', 'r.answeredAt'])
    .where('r.teamId', '=', teamId)
    .where((eb) => eb.or([eb('r.fromAccount', '=', accountId), eb('r.toAccount', '=', accountId)]))
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id')
    .execute();
}

export async function answerIntroRequest(db: Kysely<Database>, requestId: string, status: 'accepted' | 'declined', answeredAt: string): Promise<void> {
  await db.updateTable('teamIntroRequests').set({ status, answeredAt }).where('id', '=', requestId).execute();
}

/** Closes the requests made to a member about a person they no longer share. */
export async function deleteIntroRequestsAbout(db: Kysely<Database>, teamId: string, toAccount: string, personId: string): Promise<void> {
  await db.deleteFrom('teamIntroRequests').where('teamId', '=', teamId).where('toAccount', '=', toAccount).where('personId', '=', personId).execute();
}

/** Removes the requests a member made or was asked in the team: for a member leaving it. */
export async function deleteIntroRequestsOf(db: Kysely<Database>, teamId: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('teamIntroRequests')
    .where('teamId', '=', teamId)
    .where((eb) => eb.or([eb('fromAccount', '=', accountId), eb('toAccount', '=', accountId)]))
    .execute();
}
