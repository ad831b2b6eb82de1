import { sql, type Kysely } from 'kysely';
import { columnTypes, inList } from './column-types.js';

/*
 * Frozen in time: this migration has shipped. Never edit it; add a new one.
 * The closed sets are copied here as they stood on this day, on purpose.
 */

const CATEGORIES = ['department-colleague', 'other-function', 'unrelated-industry', 'author-blogger', 'already-valued', 'professional-association', 'leader-in-field', 'social-media'];
const STAGES = ['to-meet', 'reached-out', 'met', 'in-touch', 'call-any-time', 'dormant'];
const CHANNELS = ['coffee', 'lunch', 'call', 'video', 'email', 'social-media', 'event'];
const NETWORK_KINDS = ['professional-body', 'interest-group', 'social-media-community', 'employer', 'alumni', 'conference', 'research-network', 'own-hub', 'other'];
const NETWORK_ROLES = ['want-to-join', 'lurker', 'member', 'volunteer', 'committee', 'organiser', 'left'];
const INITIATORS = ['me', 'them', 'mutual'];
const FEELINGS = ['energising', 'good', 'neutral', 'awkward', 'draining'];
const FOLLOW_UP_KINDS = ['thank-you', 'question', 'resource', 'introduction', 'other'];
const FOLLOW_UP_STATUSES = ['open', 'done', 'dropped'];
const GOAL_STATUSES = ['active', 'achieved', 'dropped'];
const CONTACT_KINDS = ['email', 'phone', 'web', 'linkedin', 'x', 'mastodon', 'bluesky', 'github', 'orcid', 'other'];

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const score = (column: string) => sql`${sql.ref(column)} between 0 and 5`;
  const flag = (column: string) => sql`${sql.ref(column)} in (0, 1)`;

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('profiles')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('working_on', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('role', 'text')
    .addColumn('location', 'text')
    .addColumn('how_met', 'text')
    .addColumn('category', 'text', (c) => c.check(inList('category', CATEGORIES)))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('strength', 'integer', (c) => c.notNull().defaultTo(0).check(score('strength')))
    .addColumn('importance', 'integer', (c) => c.notNull().defaultTo(0).check(score('importance')))
    .addColumn('know_and_like', 'integer', (c) => c.notNull().defaultTo(0).check(flag('know_and_like')))
    .addColumn('can_help', 'integer', (c) => c.notNull().defaultTo(0).check(flag('can_help')))
    .addColumn('can_help_how', 'text')
    .addColumn('stage', 'text', (c) => c.notNull().check(inList('stage', STAGES)))
    .addColumn('cadence', 'text')
    .addColumn('preferred_channel', 'text', (c) => c.check(inList('preferred_channel', CHANNELS)))
    .addColumn('lost_job_list', 'integer', (c) => c.notNull().defaultTo(0).check(flag('lost_job_list')))
    .addColumn('next_contact_on', t.date)
    .addColumn('next_contact_set_on', t.date)
    .addColumn('tie_began_on', t.date)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_on', t.date)
    .addColumn('added_on', t.date, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_workspace_name').on('people').columns(['workspace_id', 'name_key']).execute();

  await db.schema
    .createTable('contact_points')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', CONTACT_KINDS)))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('value_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addPrimaryKeyConstraint('contact_points_pk', ['person_id', 'position'])
    .execute();
  await db.schema.createIndex('contact_points_value').on('contact_points').columns(['value_key']).execute();

  await db.schema
    .createTable('networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', NETWORK_KINDS)))
    .addColumn('role', 'text', (c) => c.notNull().check(inList('role', NETWORK_ROLES)))
    .addColumn('strength', 'integer', (c) => c.notNull().defaultTo(0).check(score('strength')))
    .addColumn('importance', 'integer', (c) => c.notNull().defaultTo(0).check(score('importance')))
    .addColumn('hours_per_month', t.real, (c) => c.notNull().defaultTo(0).check(sql`hours_per_month >= 0`))
    .addColumn('url', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('networks_workspace_name').on('networks').columns(['workspace_id', 'name_key']).execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.check(inList('role', NETWORK_ROLES)))
    .addPrimaryKeyConstraint('memberships_pk', ['network_id', 'person_id'])
    .execute();
  await db.schema.createIndex('memberships_person').on('memberships').columns(['person_id']).execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('horizon', t.date)
    .addColumn('areas', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('transition_from', 'text')
    .addColumn('transition_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', GOAL_STATUSES)))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  for (const [table, target] of [
    ['person_goals', 'person'],
    ['network_goals', 'network'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
      .addColumn(`${target}_id`, 'text', (c) => c.notNull().references(target === 'person' ? 'people.id' : 'networks.id').onDelete('cascade'))
      .addColumn('relevance', 'integer', (c) => c.notNull().check(sql`relevance between 1 and 5`))
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint(`${table}_pk`, ['goal_id', `${target}_id`])
      .execute();
    await db.schema.createIndex(`${table}_target`).on(table).columns([`${target}_id`]).execute();
  }

  await db.schema
    .createTable('ties')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_a', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('person_b', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('strength', 'integer', (c) => c.notNull().check(score('strength')))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('ties_pk', ['person_a', 'person_b'])
    .addCheckConstraint('ties_ordered', sql`person_a < person_b`)
    .execute();
  await db.schema.createIndex('ties_person_b').on('ties').columns(['person_b']).execute();

  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('occurred_on', t.date, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', CHANNELS)))
    .addColumn('initiated_by', 'text', (c) => c.notNull().check(inList('initiated_by', INITIATORS)))
    .addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('set null'))
    .addColumn('gave', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('received', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('learned', 'text')
    .addColumn('feeling', 'text', (c) => c.check(inList('feeling', FEELINGS)))
    .addColumn('notes', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchanges_workspace_date').on('exchanges').columns(['workspace_id', 'occurred_on']).execute();

  await db.schema
    .createTable('exchange_people')
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('exchanges.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // A copy of the exchange's date, so that "last exchange with each person" is an index lookup.
    .addColumn('occurred_on', t.date, (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_people_pk', ['exchange_id', 'person_id'])
    .execute();
  await db.schema.createIndex('exchange_people_person_date').on('exchange_people').columns(['person_id', 'occurred_on']).execute();
  await db.schema.createIndex('exchange_people_workspace').on('exchange_people').columns(['workspace_id', 'person_id', 'occurred_on']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('exchange_id', 'text', (c) => c.references('exchanges.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', FOLLOW_UP_KINDS)))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', FOLLOW_UP_STATUSES)))
    .addColumn('closed_on', t.date)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_workspace_status').on('follow_ups').columns(['workspace_id', 'status', 'due_on']).execute();

  await db.schema
    .createTable('introductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('by_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('to_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('made_on', t.date, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('introductions_involve_someone_else', sql`by_id is not null or to_id is not null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'introductions',
    'follow_ups',
    'exchange_people',
    'exchanges',
    'ties',
    'network_goals',
    'person_goals',
    'goals',
    'memberships',
    'networks',
    'contact_points',
    'people',
    'profiles',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
