import type { Kysely } from 'kysely';

/*
 * A learned item shared from the journal to a team's dance floor may be tagged, like a
 * post, to the team's goals and one shared network. The tags belong to the share (one
 * team's), not to the exchange. Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  // JSON: the team goals' ids.
  await db.schema.alterTable('team_shared_learned').addColumn('goal_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('team_shared_learned').addColumn('network_key', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('team_shared_learned').dropColumn('network_key').execute();
  await db.schema.alterTable('team_shared_learned').dropColumn('goal_ids').execute();
}
