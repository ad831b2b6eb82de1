import type { Kysely, Selectable } from 'kysely';
import type { UpdateProfileInput } from '../contract/inputs.js';
import type { PlanSettings, Profile } from '../core/model.js';
import { parseJsonList } from './columns.js';
import type { Database } from './schema.js';

/*
 * The workspace and its profile (the user's name, what they work on, their time zone
 * and email addresses): one profile row per workspace.
 */

export function toProfile(row: Selectable<Database['profiles']>): Profile {
  return { name: row.name, workingOn: row.workingOn, timeZone: row.timeZone, emails: parseJsonList(row.emails), updatedAt: row.updatedAt };
}

/** Makes the workspace and its profile unless they exist; safe when two processes do it at once. */
export async function insertWorkspaceIfMissing(db: Kysely<Database>, workspaceId: string, defaultTimeZone: string, now: string): Promise<void> {
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'My networks', createdAt: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  await db
    .insertInto('profiles')
    .values({ workspaceId, name: null, workingOn: null, timeZone: defaultTimeZone, updatedAt: now })
    .onConflict((oc) => oc.column('workspaceId').doNothing())
    .execute();
}

/** The workspace's time zone, or null when the workspace has no profile. */
export async function findProfileTimeZone(db: Kysely<Database>, workspaceId: string): Promise<string | null> {
  const profile = await db.selectFrom('profiles').select('timeZone').where('workspaceId', '=', workspaceId).executeTakeFirst();
  return profile?.timeZone ?? null;
}

export async function readProfile(db: Kysely<Database>, workspaceId: string): Promise<Profile> {
  return toProfile(await db.selectFrom('profiles').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow());
}

export async function writeProfile(db: Kysely<Database>, workspaceId: string, changes: UpdateProfileInput, now: string): Promise<void> {
  await db
    .updateTable('profiles')
    .set({ ...changes, emails: changes.emails ? JSON.stringify(changes.emails) : undefined, updatedAt: now })
    .where('workspaceId', '=', workspaceId)
    .execute();
}

/** The monthly plan's settings, kept on the profile. */
export async function readPlanSettings(db: Kysely<Database>, workspaceId: string): Promise<PlanSettings> {
  const row = await db.selectFrom('profiles').select(['monthlyTargets', 'newRelationshipCap', 'accountabilityPartner']).where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow();
  return { monthlyTargets: row.monthlyTargets, newRelationshipCap: row.newRelationshipCap, accountabilityPartner: row.accountabilityPartner };
}

export async function writePlanSettings(db: Kysely<Database>, workspaceId: string, changes: Partial<PlanSettings>, now: string): Promise<void> {
  await db.updateTable('profiles').set({ ...changes, updatedAt: now }).where('workspaceId', '=', workspaceId).execute();
}

/** The tables whose rows belong to one workspace (they carry its id). */
export type WorkspaceTable = { [T in keyof Database]: Database[T] extends { workspaceId: string } ? T : never }[keyof Database];

/** How many rows each of these tables holds for the workspace, in the order given. */
export async function countWorkspaceRows<T extends WorkspaceTable>(db: Kysely<Database>, workspaceId: string, tables: readonly T[]): Promise<{ table: T; count: number }[]> {
  const counts: { table: T; count: number }[] = [];
  for (const table of tables) {
    const { n } = await db
      .selectFrom(table as WorkspaceTable)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspaceId', '=', workspaceId)
      .executeTakeFirstOrThrow();
    counts.push({ table, count: Number(n) });
  }
  return counts;
}

/**
 * Deletes everything in the workspace (the map, the journal, plans, templates, share links) and
 * clears what the profile says of the user; the workspace, its time zone and its accounts stay.
 * Children first: contact points, dates, photos, memberships and links go with their parents by cascade.
 */
export async function eraseWorkspaceRows(db: Kysely<Database>, workspaceId: string): Promise<void> {
  for (const table of ['capturedItems', 'planTargets', 'introductions', 'followUps', 'exchanges', 'people', 'networks', 'goals', 'outreachTemplates', 'shareTokens'] as const) {
    await db.deleteFrom(table).where('workspaceId', '=', workspaceId).execute();
  }
  await db.updateTable('profiles').set({ name: null, workingOn: null, accountabilityPartner: null, emails: '[]' }).where('workspaceId', '=', workspaceId).execute();
}
