import type { Kysely } from 'kysely';
import type { UpdateProfileInput } from '../contract/inputs.js';
import type { Profile } from '../core/model.js';
import type { Database } from '../storage/schema.js';
import { nowTimestamp, type Clock, type ServiceContext } from './context.js';
import { parseJsonList } from '../storage/columns.js';

/** The one workspace of a single-user install; accounts and teams will add more. */
export const LOCAL_WORKSPACE_ID = 'local';

/**
 * Makes sure the workspace and its profile exist and returns the profile's time
 * zone. Safe when two processes start at once on a new database.
 */
export async function ensureWorkspace(db: Kysely<Database>, clock: Clock, defaultTimeZone: string, workspaceId = LOCAL_WORKSPACE_ID): Promise<string> {
  const now = clock.now().toISOString();
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'My networks', createdAt: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  await db
    .insertInto('profiles')
    .values({ workspaceId, name: null, workingOn: null, timeZone: defaultTimeZone, updatedAt: now })
    .onConflict((oc) => oc.column('workspaceId').doNothing())
    .execute();
  const profile = await db.selectFrom('profiles').select('timeZone').where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow();
  return profile.timeZone;
}

export async function getProfile(ctx: ServiceContext): Promise<Profile> {
  const row = await ctx.db.selectFrom('profiles').selectAll().where('workspaceId', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  return { name: row.name, workingOn: row.workingOn, timeZone: row.timeZone, emails: parseJsonList(row.emails), updatedAt: row.updatedAt };
}

export async function updateProfile(ctx: ServiceContext, patch: UpdateProfileInput): Promise<Profile> {
  await ctx.db
    .updateTable('profiles')
    .set({ ...patch, emails: patch.emails ? JSON.stringify(patch.emails) : undefined, updatedAt: nowTimestamp(ctx) })
    .where('workspaceId', '=', ctx.workspaceId)
    .execute();
  return getProfile(ctx);
}
