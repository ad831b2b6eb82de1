import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { scrubAfterErase } from '../storage/erasure.js';
import {
  countOwners,
  deleteAccountAndWorkspace,
  failuresSince,
  findAccountForDeletion,
  findAccountPassword,
  insertSignInFailures,
  revokeSessionsOf,
  selectLiveSessions,
  updatePasswordHash,
} from '../storage/accounts.js';
import { ARGON, argonHash, argonVerify, passwordProblem, SESSION_IDLE_MS, THROTTLE_PER_ACCOUNT, THROTTLE_WINDOW_MS, TooManyAttemptsError, type Account, type AccountsDeps } from './accounts.js';

/**
 * What an account holder does to their own account: change the password, see and end
 * their sessions, and delete the account with everything in its workspace.
 */

/** Why a password check failed; the same words whether the account or the password was wrong. */
export class WrongPasswordError extends ValidationError {
  constructor(field = 'currentPassword') {
    super(field, 'is not your password');
  }
}

/**
 * Checks the account's password, typed again before a change that cannot be undone.
 * Throttled with signing in (the same count of failures per account): a session left
 * open must not become a way to guess the password.
 */
export async function checkPassword(deps: Pick<AccountsDeps, 'db' | 'clock' | 'ids'>, accountId: string, password: string, field: string): Promise<{ email: string; name: string }> {
  const row = await findAccountPassword(deps.db, accountId);
  if (!row) throw new NotFoundError('account', accountId);
  const now = deps.clock.now();
  const key = `account:${row.email}`;
  const { count, oldest } = await failuresSince(deps.db, key, new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString());
  if (count >= THROTTLE_PER_ACCOUNT && oldest) throw new TooManyAttemptsError(Math.max(1, Math.ceil((Date.parse(oldest) + THROTTLE_WINDOW_MS - now.getTime()) / 1000)));
  if (password.length > 1024 || !(await argonVerify(row.passwordHash, password))) {
    await insertSignInFailures(deps.db, [{ id: deps.ids('fail'), key, at: now.toISOString() }]);
    throw new WrongPasswordError(field);
  }
  return row;
}

/**
 * A new password, by the same rules as signing up, with the old one typed again. Every
 * other session of the account ends (whoever else was signed in must sign in anew); the
 * session the change was made in, if any, stays. Access tokens are left alone: they are
 * not passwords, and are revoked one by one.
 */
export async function changePassword(deps: AccountsDeps, accountId: string, input: { currentPassword: string; newPassword: string; keepSessionId: string | null }): Promise<{ sessionsEnded: number }> {
  const account = await checkPassword(deps, accountId, input.currentPassword, 'currentPassword');
  const problem = passwordProblem(input.newPassword, account.name, account.email);
  if (problem) throw new ValidationError('newPassword', problem);
  if (input.newPassword === input.currentPassword) throw new ValidationError('newPassword', 'must differ from the password it replaces');
  const passwordHash = await argonHash(input.newPassword, ARGON);
  return deps.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, accountId, passwordHash);
    return { sessionsEnded: await revokeSessionsOf(trx, accountId, deps.clock.now().toISOString(), input.keepSessionId) };
  });
}

/** "Log out everywhere else": every session of the account but this one ends. */
export async function signOutOtherSessions(deps: Pick<AccountsDeps, 'db' | 'clock'>, accountId: string, currentSessionId: string): Promise<number> {
  return revokeSessionsOf(deps.db, accountId, deps.clock.now().toISOString(), currentSessionId);
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The session this request came with. */
  current: boolean;
}

/** The account's live sessions (not ended, not idle too long, not past their end), newest first. */
export async function listSessions(deps: Pick<AccountsDeps, 'db' | 'clock'>, accountId: string, currentSessionId: string | null): Promise<SessionInfo[]> {
  const now = deps.clock.now();
  const rows = await selectLiveSessions(deps.db, accountId, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/** Said to delete the owner's account: otherwise nobody is left to invite or to run the server's accounts. */
export const LAST_OWNER_CONFIRMATION = 'delete the owner';

export class LastOwnerError extends ConflictError {
  constructor(email: string) {
    super(`${email} is the owner's account: deleting it leaves the server without an owner (nobody can invite). Say so explicitly to delete it anyway (--last-owner, or "${LAST_OWNER_CONFIRMATION}" in the web app)`);
  }
}

/**
 * Deletes an account and erases its workspace, in one transaction: every person,
 * network, goal, exchange, plan, template and share link of the workspace, its
 * profile, the account itself with its sessions, access tokens and invitations, and
 * its failed sign-ins. Then, after the commit, the erasure rule of `scrubAfterErase`
 * (secure_delete and a checkpoint on SQLite, VACUUM FULL on PostgreSQL) so the bytes
 * leave the files too. The owner's account is refused unless `lastOwner` says so.
 */
export async function deleteAccount(deps: Pick<AccountsDeps, 'db'>, account: Pick<Account, 'id'>, options: { lastOwner?: boolean } = {}): Promise<{ email: string; workspaceId: string }> {
  const deleted = await deps.db.transaction().execute(async (trx) => {
    const row = await findAccountForDeletion(trx, account.id);
    if (!row) throw new NotFoundError('account', account.id);
    if (row.role === 'owner' && !options.lastOwner && (await countOwners(trx)) <= 1) throw new LastOwnerError(row.email);
    await deleteAccountAndWorkspace(trx, row);
    return { email: row.email, workspaceId: row.workspaceId };
  });
  await scrubAfterErase(deps.db, { kind: 'workspace' });
  return deleted;
}
