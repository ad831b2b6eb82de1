import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';

/* Links to join a team: single use, for a limited time; only a token's hash is kept, and a link is found by it. */

type TeamInvitationsTable = Database['teamInvitations'];

export async function insertTeamInvitation(db: Kysely<Database>, row: Insertable<TeamInvitationsTable>): Promise<void> {
  await db.insertInto('teamInvitations').values(row).execute();
}

export async function findTeamInvitationByHash(db: Kysely<Database>, tokenHash: string): Promise<Selectable<TeamInvitationsTable> | undefined> {
  return db.selectFrom('teamInvitations').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Marks the link used by the account, if nobody has used it yet: true when this call claimed it, so two people racing for one link cannot both join by it. */
export async function claimTeamInvitation(db: Kysely<Database>, id: string, accountId: string, at: string): Promise<boolean> {
  const claimed = await db.updateTable('teamInvitations').set({ usedAt: at, usedBy: accountId }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
