import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.js';

/*
 * Accounts for server mode and what signs them in: sessions, personal access tokens,
 * invitations and the failed sign-ins counted for throttling. Tokens are found by their
 * SHA-256 hash; the tokens themselves are never stored.
 */

export interface Account {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'member';
  workspaceId: string;
  createdAt: string;
}

export const toAccount = (row: { id: string; email: string; name: string; role: string; workspaceId: string; createdAt: string }): Account => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Account['role'],
  workspaceId: row.workspaceId,
  createdAt: row.createdAt,
});

export async function countAccountRows(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function accountEmailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function insertAccount(db: Kysely<Database>, row: Insertable<Database['accounts']>): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

/** Every account, oldest first. */
export async function selectAccounts(db: Kysely<Database>): Promise<Account[]> {
  return (await db.selectFrom('accounts').selectAll().orderBy('createdAt').execute()).map(toAccount);
}

/** The account with this (normalised) email, with its password's hash, to check a sign-in against. */
export async function findAccountByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

/** What checking an account's password needs: its hash, and the email and name a new password must not be. */
export async function findAccountPassword(db: Kysely<Database>, accountId: string): Promise<{ passwordHash: string; email: string; name: string } | undefined> {
  return db.selectFrom('accounts').select(['passwordHash', 'email', 'name']).where('id', '=', accountId).executeTakeFirst();
}

export async function updatePasswordHash(db: Kysely<Database>, accountId: string, passwordHash: string): Promise<void> {
  await db.updateTable('accounts').set({ passwordHash }).where('id', '=', accountId).execute();
}

/** What deleting an account needs to know of it. */
export async function findAccountForDeletion(db: Kysely<Database>, accountId: string): Promise<{ id: string; email: string; role: string; workspaceId: string } | undefined> {
  return db.selectFrom('accounts').select(['id', 'email', 'role', 'workspaceId']).where('id', '=', accountId).executeTakeFirst();
}

export async function countOwners(db: Kysely<Database>): Promise<number> {
  const owners = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'owner').executeTakeFirstOrThrow();
  return Number(owners.n);
}

/**
 * Deletes an account and its workspace: sessions, tokens and the invitations it made go by
 * cascade, the workspace's rows with the workspace; its failed sign-ins go, and invitations
 * it used forget it. The caller runs this in a transaction.
 */
export async function deleteAccountAndWorkspace(db: Kysely<Database>, account: { id: string; email: string; workspaceId: string }): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', account.id).execute();
  await db.deleteFrom('workspaces').where('id', '=', account.workspaceId).execute();
  await db.deleteFrom('signInFailures').where('key', '=', `account:${account.email}`).execute();
  await db.updateTable('invitations').set({ usedBy: null }).where('usedBy', '=', account.id).execute();
}

/** How many sign-ins failed under this key (an account's or an address's) since then, and when the oldest of them was. */
export async function failuresSince(db: Kysely<Database>, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('signInFailures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
}

export async function insertSignInFailures(db: Kysely<Database>, rows: readonly Insertable<Database['signInFailures']>[]): Promise<void> {
  await db.insertInto('signInFailures').values([...rows]).execute();
}

export async function deleteSignInFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('signInFailures').where('key', '=', key).execute();
}

export async function deleteSignInFailuresBefore(db: Kysely<Database>, since: string): Promise<void> {
  await db.deleteFrom('signInFailures').where('at', '<', since).execute();
}

export async function insertSession(db: Kysely<Database>, row: Insertable<Database['sessions']>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with this token hash and its account, whatever its state (the caller judges revoked, idle, expired). */
export async function findSessionByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.accountId')
    .select(['sessions.id as sessionId', 'sessions.lastSeenAt', 'sessions.expiresAt', 'sessions.revokedAt', 'accounts.id', 'accounts.email', 'accounts.name', 'accounts.role', 'accounts.workspaceId', 'accounts.createdAt'])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markSessionSeen(db: Kysely<Database>, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revokedAt: at }).where('id', '=', sessionId).where('revokedAt', 'is', null).execute();
}

/** Ends every open session of the account but `keepSessionId` (none kept when null); says how many ended. */
export async function revokeSessionsOf(db: Kysely<Database>, accountId: string, at: string, keepSessionId: string | null): Promise<number> {
  let update = db.updateTable('sessions').set({ revokedAt: at }).where('accountId', '=', accountId).where('revokedAt', 'is', null);
  if (keepSessionId) update = update.where('id', '<>', keepSessionId);
  return Number((await update.executeTakeFirst()).numUpdatedRows);
}

/** The account's sessions not ended, not past their end and seen since `seenSince`, newest first. */
export async function selectLiveSessions(db: Kysely<Database>, accountId: string, now: string, seenSince: string): Promise<{ id: string; createdAt: string; lastSeenAt: string; expiresAt: string }[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt'])
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .where('lastSeenAt', '>=', seenSince)
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function insertAccessToken(db: Kysely<Database>, row: Insertable<Database['accessTokens']>): Promise<void> {
  await db.insertInto('accessTokens').values(row).execute();
}

/** The account's access tokens, oldest first, without their hashes. */
export async function selectAccessTokens(db: Kysely<Database>, accountId: string): Promise<{ id: string; label: string | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[]> {
  return db.selectFrom('accessTokens').select(['id', 'label', 'createdAt', 'lastUsedAt', 'revokedAt']).where('accountId', '=', accountId).orderBy('createdAt').execute();
}

export async function accessTokenExists(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  return (await db.selectFrom('accessTokens').select('id').where('accountId', '=', accountId).where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function revokeAccessTokenRow(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('accessTokens').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

/** The access token with this hash and its account, whatever its state. */
export async function findAccessTokenByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('accessTokens')
    .innerJoin('accounts', 'accounts.id', 'accessTokens.accountId')
    .select(['accessTokens.id as tokenId', 'accessTokens.revokedAt', 'accessTokens.lastUsedAt', 'accounts.id', 'accounts.email', 'accounts.name', 'accounts.role', 'accounts.workspaceId', 'accounts.createdAt'])
    .where('accessTokens.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markAccessTokenUsed(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('accessTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
}

export async function insertInvitation(db: Kysely<Database>, row: Insertable<Database['invitations']>): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export async function findInvitationByHash(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('invitations').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Marks an unused invitation used; false when someone used it first. */
export async function claimInvitation(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const claimed = await db.updateTable('invitations').set({ usedAt: at }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function setInvitationUsedBy(db: Kysely<Database>, id: string, accountId: string): Promise<void> {
  await db.updateTable('invitations').set({ usedBy: accountId }).where('id', '=', id).execute();
}

/** Makes a claimed invitation usable again (the account it was for could not be made). */
export async function releaseInvitation(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('invitations').set({ usedAt: null }).where('id', '=', id).execute();
}
