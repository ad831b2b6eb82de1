import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { columnTypes, inList } from './column-types.js';

/*
 * The everyday outreach purposes: reconnecting after a long silence, a thank-you,
 * congratulations, asking for an introduction, offering help. As in
 * 2026-12-03T1500-outreach-purposes, the templates' `purpose` check is widened,
 * keeping every row: PostgreSQL swaps the named constraint; SQLite cannot alter
 * a check, so the table is rebuilt inside the migration's transaction. Frozen once shipped.
 */

const PURPOSES = [
  'expert-opinion',
  'learn-solution',
  'explore-collaboration',
  'navigate-situation',
  'interview',
  'meet-the-team',
  'informational-interview',
  'catching-up',
  'reconnecting',
  'thank-you',
  'congratulations',
  'ask-introduction',
  'offer-help',
];

export async function up(db: Kysely<any>): Promise<void> {
  const purposeCheck = inList('purpose', PURPOSES);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // The previous migration gave the constraint this name.
    await db.schema.alterTable('outreach_templates').dropConstraint('outreach_templates_purpose_check').execute();
    await db.schema.alterTable('outreach_templates').addCheckConstraint('outreach_templates_purpose_check', purposeCheck).execute();
    return;
  }

  const t = columnTypes(db);
  await db.schema
    .createTable('outreach_templates_widened')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(purposeCheck))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await sql`insert into outreach_templates_widened (id, workspace_id, purpose, name, subject, body, created_at, updated_at)
    select id, workspace_id, purpose, name, subject, body, created_at, updated_at from outreach_templates`.execute(db);
  await db.schema.dropTable('outreach_templates').execute();
  await db.schema.alterTable('outreach_templates_widened').renameTo('outreach_templates').execute();
  await db.schema.createIndex('outreach_templates_purpose').on('outreach_templates').columns(['workspace_id', 'purpose']).execute();
}
