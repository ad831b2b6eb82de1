import type { Kysely } from 'kysely';
import { columnTypes, inList } from './column-types.js';

/*
 * Capture: the journal filled from a calendar, a mailbox or LinkedIn's archive.
 * - captured_items remembers every proposal the user has answered (logged as an
 *   exchange, or declined), by its source key (an event's UID and recurrence id,
 *   a mail thread and day, a LinkedIn conversation and day), so that importing
 *   the same file again proposes nothing twice. What is stored is the proposal's
 *   key, a hash of that source key: no address or profile link stays readable
 *   once the person it names is removed. Removing the exchange keeps the
 *   record (exchange_id set null): the user removed it, so it is not proposed again.
 * - profiles.emails: the user's own addresses, which tell "me" from "them" in
 *   a mailbox and a calendar. JSON text, as every list.
 * Frozen once shipped.
 */

export const CAPTURE_OUTCOMES = ['logged', 'declined'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('profiles').addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema
    .createTable('captured_items')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(inList('outcome', CAPTURE_OUTCOMES)))
    .addColumn('exchange_id', 'text', (c) => c.references('exchanges.id').onDelete('set null'))
    .addColumn('captured_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('captured_items_pk', ['workspace_id', 'source_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('captured_items').execute();
  await db.schema.alterTable('profiles').dropColumn('emails').execute();
}
