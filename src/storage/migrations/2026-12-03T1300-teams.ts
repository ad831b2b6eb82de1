import type { Kysely } from 'kysely';
import { inList } from './column-types.js';

/*
 * The hive: teams of accounts, invitations to a team, and each member's consent per
 * team. Networks are offered by default, so a member's hold-backs are stored; people
 * and learned items are shared only when asked, so the shares are stored; plan
 * progress for the lead is a flag on the membership. Team goals, their links to shared
 * items, introduction requests between members, and the dance floor's posts. Every consent row points at the
 * member's own row with a cascading key, so removing the person, network or exchange
 * removes the consent with it. Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(inList('role', ['lead', 'member'])))
    .addColumn('share_plan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'account_id'])
    .execute();
  await db.schema.createIndex('team_members_account').on('team_members').column('account_id').execute();

  await db.schema
    .createTable('team_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .execute();

  const consent = (table: string, column: string, target: string) =>
    db.schema
      .createTable(table)
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull().references(target).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['team_id', 'account_id', column])
      .execute();
  await consent('team_held_networks', 'network_id', 'networks.id');
  await consent('team_shared_people', 'person_id', 'people.id');
  await consent('team_shared_learned', 'exchange_id', 'exchanges.id');

  await db.schema
    .createTable('team_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('statement', 'text', (c) => c.notNull())
    // JSON: { categories: PersonCategory[], networkKinds: NetworkKind[] }
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_goals_team').on('team_goals').column('team_id').execute();

  await db.schema
    .createTable('team_goal_links')
    .addColumn('goal_id', 'text', (c) => c.notNull().references('team_goals.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('item_kind', 'text', (c) => c.notNull().check(inList('item_kind', ['network', 'person'])))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('relevance', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_goal_links_pk', ['goal_id', 'account_id', 'item_kind', 'item_id'])
    .execute();

  await db.schema
    .createTable('team_intro_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('from_account', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('to_account', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('message', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'accepted', 'declined'])))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('team_intro_requests_team').on('team_intro_requests').column('team_id').execute();

  await db.schema
    .createTable('team_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['learned', 'opportunity', 'event', 'person'])))
    .addColumn('text', 'text', (c) => c.notNull())
    // JSON list of team goal ids
    .addColumn('goal_ids', 'text', (c) => c.notNull())
    .addColumn('network_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_posts_team').on('team_posts').columns(['team_id', 'created_at']).execute();
}
