import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { columnTypes, inList } from './column-types.js';

/*
 * Two more outreach purposes: an informational interview (asking to hear how they
 * got where they are) and catching up. The templates' `purpose` check lists the
 * purposes, so it is widened, keeping every row: PostgreSQL swaps the constraint;
 * SQLite cannot alter a check, so the table is rebuilt (create, copy, drop, rename)
 * inside the migration's transaction. Frozen once shipped.
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
];

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // The constraint was declared on the column without a name; find PostgreSQL's name for it.
    const checks = await sql<{ name: string }>`
      select conname as name from pg_constraint
      where conrelid = 'outreach_templates'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%purpose%'`.execute(db);
    for (const { name } of checks.rows) await db.schema.alterTable('outreach_templates').dropConstraint(name).execute();
    await db.schema.alterTable('outreach_templates').addCheckConstraint('outreach_templates_purpose_check', inList('purpose', PURPOSES)).execute();
    return;
  }

  const t = columnTypes(db);
  await db.schema
    .createTable('outreach_templates_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(inList('purpose', PURPOSES)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await sql`insert into outreach_templates_new (id, workspace_id, purpose, name, subject, body, created_at, updated_at)
    select id, workspace_id, purpose, name, subject, body, created_at, updated_at from outreach_templates`.execute(db);
  await db.schema.dropTable('outreach_templates').execute();
  await db.schema.alterTable('outreach_templates_new').renameTo('outreach_templates').execute();
  await db.schema.createIndex('outreach_templates_purpose').on('outreach_templates').columns(['workspace_id', 'purpose']).execute();
}
