import { sql, type Kysely } from 'kysely';
import { columnTypes, inList } from './column-types.js';

/*
 * The rhythm: monthly plans and their targets, plan settings, outreach templates,
 * and share tokens (accountability pages and calendar feeds). Frozen once shipped.
 */

const TARGET_SOURCES = ['start-here', 'strengthen', 'goal-gap', 'neglect', 'own'];
const TARGET_STATUSES = ['open', 'done', 'dropped', 'rolled-over'];
const PURPOSES = ['expert-opinion', 'learn-solution', 'explore-collaboration', 'navigate-situation', 'interview', 'meet-the-team'];
const SHARE_KINDS = ['plan', 'calendar'];

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.alterTable('profiles').addColumn('monthly_targets', 'integer', (c) => c.notNull().defaultTo(3).check(sql`monthly_targets between 1 and 20`)).execute();
  await db.schema.alterTable('profiles').addColumn('new_relationship_cap', 'integer', (c) => c.notNull().defaultTo(5).check(sql`new_relationship_cap between 1 and 50`)).execute();
  await db.schema.alterTable('profiles').addColumn('accountability_partner', 'text').execute();

  await db.schema
    .createTable('plan_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(inList('source', TARGET_SOURCES)))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', TARGET_STATUSES)))
    .addColumn('rolled_over_from', 'text')
    .addColumn('exchange_id', 'text', (c) => c.references('exchanges.id').onDelete('set null'))
    .addColumn('closed_on', t.date)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_targets_month').on('plan_targets').columns(['workspace_id', 'month']).execute();
  await db.schema.createIndex('plan_targets_person').on('plan_targets').columns(['person_id']).execute();

  await db.schema
    .createTable('outreach_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(inList('purpose', PURPOSES)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_templates_purpose').on('outreach_templates').columns(['workspace_id', 'purpose']).execute();

  await db.schema
    .createTable('share_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', SHARE_KINDS)))
    .addColumn('label', 'text')
    // Only a hash is kept: a copy of the database does not open anyone's feed.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('include_notes', 'integer', (c) => c.notNull().defaultTo(0).check(sql`include_notes in (0, 1)`))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('share_tokens').execute();
  await db.schema.dropTable('outreach_templates').execute();
  await db.schema.dropTable('plan_targets').execute();
  await db.schema.alterTable('profiles').dropColumn('accountability_partner').execute();
  await db.schema.alterTable('profiles').dropColumn('new_relationship_cap').execute();
  await db.schema.alterTable('profiles').dropColumn('monthly_targets').execute();
}
