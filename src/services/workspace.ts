import type { Kysely } from 'kysely';
import { usableTimeZone } from '../core/dates.js';
import type { UpdateProfileInput } from '../contract/inputs.js';
import type { Profile } from '../core/model.js';
import type { Database } from '../storage/schema.js';
import { nowTimestamp, type Clock, type ServiceContext } from './context.js';
import { findProfileTimeZone, insertWorkspaceIfMissing, readProfile, writeProfile } from '../storage/workspaces.js';

/** The one workspace of a single-user install; accounts and teams will add more. */
export const LOCAL_WORKSPACE_ID = 'local';

/**
 * Makes sure the workspace and its profile exist and returns the profile's time
 * zone. Safe when two processes start at once on a new database. A zone stored that
 * this runtime does not know (made under an unreadable `TZ` before usableTimeZone) is
 * kept as stored and read as UTC, so that every command works and `waggle profile
 * set --time-zone` can set it.
 */
export async function ensureWorkspace(db: Kysely<Database>, clock: Clock, defaultTimeZone: string, workspaceId = LOCAL_WORKSPACE_ID): Promise<string> {
  await insertWorkspaceIfMissing(db, workspaceId, defaultTimeZone, clock.now().toISOString());
  const timeZone = await findProfileTimeZone(db, workspaceId);
  if (timeZone === null) throw new Error(`workspace ${workspaceId} has no profile after it was made`);
  return usableTimeZone(timeZone);
}

/** The time zone of a workspace other than the caller's (a share link's owner, a signed-in account), or `fallback` if it has none. */
export async function workspaceTimeZone(db: Kysely<Database>, workspaceId: string, fallback: string): Promise<string> {
  return usableTimeZone((await findProfileTimeZone(db, workspaceId)) ?? fallback);
}

export async function getProfile(ctx: ServiceContext): Promise<Profile> {
  return readProfile(ctx.db, ctx.workspaceId);
}

export async function updateProfile(ctx: ServiceContext, patch: UpdateProfileInput): Promise<Profile> {
  await writeProfile(ctx.db, ctx.workspaceId, patch, nowTimestamp(ctx));
  return getProfile(ctx);
}
