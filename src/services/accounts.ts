import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../storage/schema.js';
import {
  accessTokenExists,
  accountEmailTaken,
  claimInvitation,
  countAccountRows,
  deleteSignInFailures,
  deleteSignInFailuresBefore,
  failuresSince,
  findAccessTokenByHash,
  findAccountByEmail,
  findInvitationByHash,
  findSessionByTokenHash,
  insertAccessToken,
  insertAccount,
  insertInvitation,
  insertSession,
  insertSignInFailures,
  markAccessTokenUsed,
  markSessionSeen,
  releaseInvitation,
  revokeAccessTokenRow,
  revokeSession,
  revokeSessionsOf,
  selectAccessTokens,
  selectAccounts,
  setInvitationUsedBy,
  toAccount,
  type Account,
} from '../storage/accounts.js';
import type { Clock, IdGenerator } from './context.js';
import { ensureWorkspace, LOCAL_WORKSPACE_ID } from './workspace.js';

/**
 * Accounts for server mode. Each account has its own workspace; the first account
 * (the owner) takes the workspace a local install already had, so a map started on
 * the laptop carries over. Passwords are hashed with argon2id (OWASP's parameters:
 * 19 MiB, 2 passes); sessions, access tokens and invitations are long random tokens
 * of which only a SHA-256 hash is stored.
 */

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
export const INVITATION_MS = 7 * 24 * 3600 * 1000;
/** Failed sign-ins counted in this window: per account, and per address. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_PER_ACCOUNT = 5;
export const THROTTLE_PER_ADDRESS = 20;

export const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// The native binding loads only when a password is hashed or checked, to keep every other command quick to start.
export const argonHash = async (password: string, options: typeof ARGON) => (await import('@node-rs/argon2')).hash(password, options);
export const argonVerify = async (hashed: string, password: string) => (await import('@node-rs/argon2')).verify(hashed, password);

export interface AccountsDeps {
  db: Kysely<Database>;
  clock: Clock;
  ids: IdGenerator;
  defaultTimeZone: string;
}

export type { Account };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function normaliseEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(trimmed) || trimmed.length > 320) throw new ValidationError('email', 'must be an email address');
  return trimmed;
}

/** Refuses a password that is too short, too long, or the account's own name or email. */
export function passwordProblem(password: string, name: string, email: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const p = password.trim().toLowerCase();
  const e = email.trim().toLowerCase();
  if (p === name.trim().toLowerCase() || p === e || p === e.split('@')[0]) return 'must not be your name or email address';
  return null;
}

/** How many accounts there are: none means the server still waits for its owner. */
export async function countAccounts(db: Kysely<Database>): Promise<number> {
  return countAccountRows(db);
}

/** Makes an account with its own workspace; the first one is the owner and keeps the local workspace. */
export async function createAccount(deps: AccountsDeps, input: { email: string; name: string; password: string }): Promise<Account> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (!name || name.length > 200) throw new ValidationError('name', 'must be 1 to 200 characters');
  const problem = passwordProblem(input.password, name, email);
  if (problem) throw new ValidationError('password', problem);
  if (await accountEmailTaken(deps.db, email)) throw new ConflictError(`An account for ${email} exists already`);
  const passwordHash = await argonHash(input.password, ARGON);
  const first = (await countAccounts(deps.db)) === 0;
  const workspaceId = first ? LOCAL_WORKSPACE_ID : deps.ids('ws');
  await ensureWorkspace(deps.db, deps.clock, deps.defaultTimeZone, workspaceId);
  const row = { id: deps.ids('acct'), email, name, passwordHash, workspaceId, role: first ? 'owner' : 'member', createdAt: deps.clock.now().toISOString() };
  await insertAccount(deps.db, row);
  return toAccount(row);
}

export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  return selectAccounts(db);
}

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`);
  }
}

export class SignInError extends Error {
  constructor() {
    super('That email address and password do not match an account');
  }
}

/** A hash to verify against when the account is unknown, so that both answers take as long. */
let decoy: Promise<string> | undefined;

export interface SignedIn {
  account: Account;
  /** The session token for the cookie; only its hash is stored. */
  token: string;
  expiresAt: string;
}

/**
 * Checks an email and password and opens a session. Throttled: after 5 failures for
 * an account, or 20 from an address, within 15 minutes, further tries are refused
 * until the oldest failure leaves the window, whether the password is right or not.
 * Unknown account and wrong password get the same answer.
 */
export async function signIn(deps: AccountsDeps, input: { email: string; password: string; address: string }): Promise<SignedIn> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const email = input.email.trim().toLowerCase();
  const keys = [`account:${email}`, `address:${input.address}`] as const;
  const limits = [THROTTLE_PER_ACCOUNT, THROTTLE_PER_ADDRESS];
  for (const [i, key] of keys.entries()) {
    const { count, oldest } = await failuresSince(deps.db, key, since);
    if (count >= limits[i]! && oldest) throw new TooManyAttemptsError(Math.max(1, Math.ceil((Date.parse(oldest) + THROTTLE_WINDOW_MS - now.getTime()) / 1000)));
  }
  const row = await findAccountByEmail(deps.db, email);
  decoy ??= argonHash('a decoy password nobody has', ARGON);
  const ok = input.password.length <= MAX_PASSWORD_LENGTH && (await argonVerify(row?.passwordHash ?? (await decoy), input.password)) && row !== undefined;
  if (!ok || !row) {
    const at = now.toISOString();
    await insertSignInFailures(deps.db, keys.map((key) => ({ id: deps.ids('fail'), key, at })));
    throw new SignInError();
  }
  await deleteSignInFailures(deps.db, keys[0]);
  // Old failures beyond any window are of no use to anyone.
  await deleteSignInFailuresBefore(deps.db, since);
  return { account: toAccount(row), ...(await openSession(deps, row.id)) };
}

async function openSession(deps: AccountsDeps, accountId: string): Promise<{ token: string; expiresAt: string }> {
  const token = newToken('');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
  await insertSession(deps.db, { id: deps.ids('ses'), tokenHash: hashToken(token), accountId, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt, revokedAt: null });
  return { token, expiresAt };
}

export interface Principal {
  account: Account;
  via: 'session' | 'token';
  /** The session's or the token's id. */
  credentialId: string;
}

/** The account a session token belongs to, or null when unknown, revoked, idle too long or past its end. */
export async function resolveSession(deps: Pick<AccountsDeps, 'db' | 'clock'>, token: string): Promise<Principal | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await findSessionByTokenHash(deps.db, hashToken(token));
  if (!row || row.revokedAt !== null) return null;
  const now = deps.clock.now();
  if (now.toISOString() >= row.expiresAt || now.getTime() - Date.parse(row.lastSeenAt) > SESSION_IDLE_MS) return null;
  // Seen again: written at most once a minute.
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) await markSessionSeen(deps.db, row.sessionId, now.toISOString());
  return { account: toAccount(row), via: 'session', credentialId: row.sessionId };
}

export async function signOut(deps: Pick<AccountsDeps, 'db' | 'clock'>, sessionId: string): Promise<void> {
  await revokeSession(deps.db, sessionId, deps.clock.now().toISOString());
}

/** Ends every session of the account (and, when asked, leaves its tokens alone: they are revoked one by one). */
export async function signOutEverywhere(deps: Pick<AccountsDeps, 'db' | 'clock'>, accountId: string): Promise<number> {
  return revokeSessionsOf(deps.db, accountId, deps.clock.now().toISOString(), null);
}

export interface AccessToken {
  id: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A personal access token for scripts and the CLI: `wgl_…`, shown once, stored hashed. */
export async function createAccessToken(deps: AccountsDeps, accountId: string, label: string | null): Promise<{ token: string; accessToken: AccessToken }> {
  const token = newToken('wgl_');
  const row = { id: deps.ids('tok'), tokenHash: hashToken(token), accountId, label, createdAt: deps.clock.now().toISOString(), lastUsedAt: null, revokedAt: null };
  await insertAccessToken(deps.db, row);
  return { token, accessToken: { id: row.id, label, createdAt: row.createdAt, lastUsedAt: null, revokedAt: null } };
}

export async function listAccessTokens(db: Kysely<Database>, accountId: string): Promise<AccessToken[]> {
  return selectAccessTokens(db, accountId);
}

export async function revokeAccessToken(deps: Pick<AccountsDeps, 'db' | 'clock'>, accountId: string, id: string): Promise<void> {
  if (!(await accessTokenExists(deps.db, accountId, id))) throw new NotFoundError('access token', id);
  await revokeAccessTokenRow(deps.db, id, deps.clock.now().toISOString());
}

export async function resolveAccessToken(deps: Pick<AccountsDeps, 'db' | 'clock'>, token: string): Promise<Principal | null> {
  if (!/^wgl_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await findAccessTokenByHash(deps.db, hashToken(token));
  if (!row || row.revokedAt !== null) return null;
  const now = deps.clock.now();
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) await markAccessTokenUsed(deps.db, row.tokenId, now.toISOString());
  return { account: toAccount(row), via: 'token', credentialId: row.tokenId };
}

/** An invitation link's token: single use, expiring after seven days; only the owner makes them. */
export async function createInvitation(deps: AccountsDeps, by: Account): Promise<{ token: string; expiresAt: string }> {
  if (by.role !== 'owner') throw new ValidationError('role', 'only the owner invites');
  const token = newToken('');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_MS).toISOString();
  await insertInvitation(deps.db, { id: deps.ids('inv'), tokenHash: hashToken(token), createdBy: by.id, createdAt: now.toISOString(), expiresAt, usedAt: null, usedBy: null });
  return { token, expiresAt };
}

/** Makes an account from an invitation, which is then used up; an unknown, used or expired one is a 404. */
export async function acceptInvitation(deps: AccountsDeps, token: string, input: { email: string; name: string; password: string }): Promise<Account> {
  const now = deps.clock.now().toISOString();
  const row = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findInvitationByHash(deps.db, hashToken(token)) : undefined;
  if (!row || row.usedAt !== null || now >= row.expiresAt) throw new NotFoundError('invitation', 'this link');
  // Claimed first, so two people racing for one link cannot both get an account.
  if (!(await claimInvitation(deps.db, row.id, now))) throw new NotFoundError('invitation', 'this link');
  try {
    const account = await createAccount(deps, input);
    await setInvitationUsedBy(deps.db, row.id, account.id);
    return account;
  } catch (error) {
    // A refused password or a taken email leaves the link usable.
    await releaseInvitation(deps.db, row.id);
    throw error;
  }
}
