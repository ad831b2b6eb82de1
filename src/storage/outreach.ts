import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { OutreachTemplate } from '../core/model.js';
import type { OutreachPurpose } from '../core/vocabulary.js';
import type { Database } from './schema.js';

/* The user's outreach templates (Waggle's built-ins live in the core, not here). */

type TemplatesTable = Database['outreachTemplates'];

export function toTemplate(row: Selectable<TemplatesTable>): OutreachTemplate {
  return {
    id: row.id,
    purpose: row.purpose as OutreachPurpose,
    name: row.name,
    subject: row.subject,
    body: row.body,
    builtIn: false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The user's templates, most recently changed first; optionally for one purpose (`limit` 1: the latest). */
export async function selectTemplates(db: Kysely<Database>, workspaceId: string, purpose?: OutreachPurpose, limit?: number): Promise<OutreachTemplate[]> {
  let q = db.selectFrom('outreachTemplates').selectAll().where('workspaceId', '=', workspaceId);
  if (purpose) q = q.where('purpose', '=', purpose);
  q = q.orderBy('updatedAt', 'desc').orderBy('id', 'desc');
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map(toTemplate);
}

export async function findTemplate(db: Kysely<Database>, workspaceId: string, id: string): Promise<OutreachTemplate | undefined> {
  const row = await db.selectFrom('outreachTemplates').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && toTemplate(row);
}

export async function insertTemplate(db: Kysely<Database>, row: Insertable<TemplatesTable>): Promise<void> {
  await db.insertInto('outreachTemplates').values(row).execute();
}

export async function updateTemplateRow(db: Kysely<Database>, workspaceId: string, id: string, changes: Updateable<TemplatesTable>): Promise<void> {
  await db.updateTable('outreachTemplates').set(changes).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function deleteTemplate(db: Kysely<Database>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('outreachTemplates').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}
