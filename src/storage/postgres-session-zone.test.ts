import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../services/context.js';
import { personDetail } from '../services/details.js';
import { exportBackup, restoreBackup } from '../services/export/backup.js';
import { createPerson, getPerson, listPeople } from '../services/people.js';
import { openSession, type Session } from '../services/session.js';
import { freshDatabase } from '../test-support/databases.js';
import { TEST_NOW } from '../test-support/fresh-session.js';

/*
 * A PostgreSQL server writes every timestamptz in its own time zone, often the host's (initdb takes
 * it), and before about 1900 a zone's offset is its local mean time, in seconds: Europe/Lisbon's is
 * -00:36:45. A backup may hold an instant that early (its schema asks only for the ISO form). Read by
 * `new Date(value)`, such a value was an invalid date, and every read of that person failed; the
 * driver now reads it by hand (postgres-timestamps.ts).
 */

/** A fresh PostgreSQL database whose sessions all start in `zone`, as on a server set up in that zone, and a session on it. */
async function databaseInZone(zone: string): Promise<{ session: Session; close(): Promise<void> }> {
  const database = await freshDatabase('postgres');
  if (database.config.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
  const admin = new pg.Client({ connectionString: database.config.url });
  await admin.connect();
  try {
    const name = (await admin.query<{ name: string }>('select current_database() as name')).rows[0]!.name;
    await admin.query(`alter database ${name} set timezone to '${zone}'`);
  } finally {
    await admin.end();
  }
  const session = await openSession(database.config, { clock: { now: () => new Date(TEST_NOW) }, ids: sequentialIds(), defaultTimeZone: 'UTC' });
  return {
    session,
    close: async () => {
      await session.close();
      await database.dispose();
    },
  };
}

const EARLY = { createdAt: '0999-06-01T12:00:00.000Z', updatedAt: '1850-05-31T23:59:59.999Z' };

describe('a PostgreSQL server in a zone with local mean time (Europe/Lisbon)', () => {
  let source: Awaited<ReturnType<typeof databaseInZone>>;
  let target: Awaited<ReturnType<typeof databaseInZone>>;

  beforeAll(async () => {
    source = await databaseInZone('Europe/Lisbon');
    target = await databaseInZone('Europe/Lisbon');
  }, 60_000);
  afterAll(async () => {
    await target?.close();
    await source?.close();
  });

  it('restores a backup holding instants before 1900, and every read gives them back as they were', async () => {
    const person = await createPerson(source.session.ctx, { name: 'Ada Early', stage: 'met' });
    await source.session.ctx.db.updateTable('people').set(EARLY).where('id', '=', person.id).execute();
    // The server writes them at Lisbon's local mean time: the form the driver's reading has to take.
    const { rows } = await sql<{ text: string }>`select created_at::text as text from people where id = ${person.id}`.execute(source.session.ctx.db);
    expect(rows[0]?.text).toBe('0999-06-01 11:23:15-00:36:45');

    const backup = await exportBackup(source.session.ctx);
    expect(backup.workspace.people.map((p) => [p.createdAt, p.updatedAt])).toEqual([[EARLY.createdAt, EARLY.updatedAt]]);
    await restoreBackup(target.session.ctx, JSON.parse(JSON.stringify(backup)));

    const ctx = target.session.ctx;
    const restored = await getPerson(ctx, person.id);
    expect([restored.createdAt, restored.updatedAt]).toEqual([EARLY.createdAt, EARLY.updatedAt]);
    const page = await listPeople(ctx, {});
    expect(page.items.map((p) => [p.createdAt, p.updatedAt])).toEqual([[EARLY.createdAt, EARLY.updatedAt]]);
    const detail = await personDetail(ctx, person.id);
    expect([detail.person.createdAt, detail.person.updatedAt]).toEqual([EARLY.createdAt, EARLY.updatedAt]);
    const again = await exportBackup(ctx);
    expect(again.workspace.people.map((p) => [p.createdAt, p.updatedAt])).toEqual([[EARLY.createdAt, EARLY.updatedAt]]);
  });
});
