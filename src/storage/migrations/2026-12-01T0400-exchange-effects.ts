import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/*
 * What logging an exchange did to each person in it, so that removing the
 * exchange can undo exactly that and nothing the user did by hand:
 * - stage_before / stage_after: the person's stage just before and just after
 *   this exchange was logged (the automatic move, or none when they are equal);
 * - logged_seq: the order in which the person's exchanges were logged (1, 2 …),
 *   which is the order the stage rules ran in (not the exchanges' dates);
 * - cleared_next_contact_on / cleared_next_contact_set_on: the hand-set next
 *   contact this exchange fulfilled and cleared, if any.
 * All nullable: exchanges logged before this migration (or loaded from a backup
 * or an import) have no record, and removing them leaves stages as they are.
 * Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('exchange_people').addColumn('stage_before', 'text').execute();
  await db.schema.alterTable('exchange_people').addColumn('stage_after', 'text').execute();
  await db.schema.alterTable('exchange_people').addColumn('logged_seq', 'integer').execute();
  await db.schema.alterTable('exchange_people').addColumn('cleared_next_contact_on', t.date).execute();
  await db.schema.alterTable('exchange_people').addColumn('cleared_next_contact_set_on', t.date).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['cleared_next_contact_set_on', 'cleared_next_contact_on', 'logged_seq', 'stage_after', 'stage_before']) {
    await db.schema.alterTable('exchange_people').dropColumn(column).execute();
  }
}
