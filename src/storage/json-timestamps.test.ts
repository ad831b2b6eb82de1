import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { logExchange } from '../services/exchanges.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { selectPageByIds } from './people-page.js';
import { selectPersonDetail } from './person-detail.js';
import type { Database } from './schema.js';

/*
 * The statements that build a person's page and a page of people as JSON in the database
 * (person-detail.ts, people-page.ts) write each timestamp as the dialect's JSON does, and read it
 * back (on PostgreSQL, postgres-timestamps.ts): every timestamp they give must be what a plain read of
 * the same column gives, whatever its fraction, and on PostgreSQL whatever the session's time zone. A
 * plain read on PostgreSQL goes through the driver's reading of the column's text (storage/postgres.ts),
 * which must give the same in any session too.
 */

/** The forms a stored timestamp takes, one for each row in turn: no fraction, one digit to six, an early year. */
const FORMS = ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.5Z', '2026-02-03T04:05:06.12Z', '2026-03-04T05:06:07.123Z', '2026-04-05T06:07:08.123456Z', '2026-05-06T07:08:09.999999Z', '0999-12-31T23:59:59.001Z'];

type Stamped = 'people' | 'networks' | 'goals' | 'exchanges' | 'introductions' | 'followUps';
const UPDATED: readonly Stamped[] = ['people', 'networks', 'goals'];

/** Each row's timestamps set to the forms in turn (updated_at one form on from created_at). */
async function stampEveryRow(db: Kysely<Database>, table: Stamped): Promise<void> {
  const rows = await db.selectFrom(table).select('id').orderBy('id').execute();
  for (const [at, { id }] of rows.entries()) {
    const set = UPDATED.includes(table) ? { createdAt: FORMS[at % FORMS.length]!, updatedAt: FORMS[(at + 1) % FORMS.length]! } : { createdAt: FORMS[at % FORMS.length]! };
    await db.updateTable(table).set(set as never).where('id', '=', id).execute();
  }
}

/** What a plain read of the table gives each row's timestamps (the driver's own reading on PostgreSQL), by id. */
async function plainStamps(db: Kysely<Database>, table: Stamped): Promise<Map<string, string[]>> {
  const columns = UPDATED.includes(table) ? (['id', 'createdAt', 'updatedAt'] as const) : (['id', 'createdAt'] as const);
  const rows = (await db.selectFrom(table).select(columns as never).execute()) as { id: string; createdAt: string; updatedAt?: string }[];
  return new Map(rows.map((row) => [row.id, row.updatedAt === undefined ? [row.createdAt] : [row.createdAt, row.updatedAt]]));
}

describe.each(DIALECTS)('timestamps in the JSON of a person’s page and a page of people, on %s', (dialect) => {
  const world = freshSession(dialect);
  const plain = new Map<Stamped, Map<string, string[]>>();
  let ids: string[] = [];

  beforeAll(async () => {
    const ctx = world.session.ctx;
    await bulkLoad(ctx, generateLargeSnapshot({ people: 40, networks: 4, goals: 3, exchanges: 60, today: '2026-11-22', seed: 11 }));
    ids = (await ctx.db.selectFrom('people').select('id').orderBy('id').execute()).map((row) => row.id);
    for (const personId of ids.slice(0, 5)) {
      await logExchange(ctx, { personIds: [personId], channel: 'call', occurredOn: '2026-11-20', followUps: [{ kind: 'question', description: 'ask about the grant', dueOn: '2026-11-30' }] });
    }
    for (const table of ['people', 'networks', 'goals', 'exchanges', 'introductions', 'followUps'] as const) {
      await stampEveryRow(ctx.db, table);
      plain.set(table, await plainStamps(ctx.db, table));
    }
  }, 120_000);

  /** Every timestamp each person's page gives, against the plain reads; how many were compared. */
  async function comparePersonPages(db: Kysely<Database>): Promise<number> {
    let compared = 0;
    const expectStamps = (table: Stamped, id: string, got: string[]) => {
      expect(got, `${table} ${id}`).toEqual(plain.get(table)!.get(id));
      compared += got.length;
    };
    for (const id of ids) {
      const parts = (await selectPersonDetail(db, world.session.ctx.workspaceId, id))!;
      expectStamps('people', id, [parts.person.createdAt, parts.person.updatedAt]);
      for (const { network } of parts.networks) expectStamps('networks', network.id, [network.createdAt, network.updatedAt]);
      for (const { goal } of parts.goals) expectStamps('goals', goal.id, [goal.createdAt, goal.updatedAt]);
      for (const exchange of parts.exchanges) expectStamps('exchanges', exchange.id, [exchange.createdAt]);
      for (const introduction of parts.introductions) expectStamps('introductions', introduction.id, [introduction.createdAt]);
      for (const followUp of parts.followUps) expectStamps('followUps', followUp.id, [followUp.createdAt]);
    }
    return compared;
  }

  it('gives every timestamp of every person’s page as a plain read gives it', async () => {
    const compared = await comparePersonPages(world.session.ctx.db);
    // Each kind of part was there to compare: people, networks, goals, exchanges, introductions and follow-ups.
    expect(compared).toBeGreaterThan(ids.length * 2 + 60);
    for (const table of ['networks', 'goals', 'introductions', 'followUps'] as const) expect(plain.get(table)!.size, table).toBeGreaterThan(0);
  });

  it('gives every person’s timestamps on a page of them as a plain read gives them', async () => {
    const page = await selectPageByIds(world.session.ctx.db, world.session.ctx.workspaceId, ids);
    expect(page.map((read) => read.person.id)).toEqual(ids);
    for (const { person } of page) expect([person.createdAt, person.updatedAt], person.id).toEqual(plain.get('people')!.get(person.id));
    // Every form was stored, so each was read back.
    expect(new Set(page.map((read) => read.person.createdAt)).size).toBe(FORMS.length);
  });

  // PostgreSQL writes a timestamptz in the session's zone (SQLite keeps the text it was given: nothing to ask).
  if (dialect === 'postgres') it('gives the same in a session whose time zone is not UTC, local mean time and all', async () => {
    const compared = await world.session.ctx.db.connection().execute(async (db) => {
      await sql`set time zone 'Asia/Kolkata'`.execute(db);
      try {
        const page = await selectPageByIds(db, world.session.ctx.workspaceId, ids);
        for (const { person } of page) expect([person.createdAt, person.updatedAt], person.id).toEqual(plain.get('people')!.get(person.id));
        return await comparePersonPages(db);
      } finally {
        await sql`reset time zone`.execute(db);
      }
    });
    expect(compared).toBeGreaterThan(ids.length * 2);
  });

  // The driver reads a timestamptz's text in the session's zone: local mean time before 1900, which
  // JavaScript's Date cannot read (a plain read of year 999 in Kolkata threw, failing the request).
  if (dialect === 'postgres') it('gives the same plain reads in sessions at local mean time, and reads years BC and past 9999', async () => {
    await world.session.ctx.db.connection().execute(async (db) => {
      for (const zone of ['Asia/Kolkata', 'Europe/Lisbon', 'America/St_Johns']) {
        await sql`select set_config('TimeZone', ${zone}, false)`.execute(db);
        try {
          // The session writes in that zone: the year-999 row's text carries the local mean time's seconds.
          const written = await sql<{ text: string }>`select created_at::text as text from people where created_at < '1500-01-01 00:00:00+00'::timestamptz limit 1`.execute(db);
          expect(written.rows[0]?.text).toMatch(/[+-]\d\d:\d\d:\d\d$/);
          for (const table of ['people', 'networks', 'goals', 'exchanges', 'introductions', 'followUps'] as const) expect(await plainStamps(db, table), `${table} in ${zone}`).toEqual(plain.get(table));
          const far = await sql<{ bc: string; late: string }>`select timestamptz '0044-03-15 12:00:00.123456+00 BC' as bc, timestamptz '12026-01-01 00:00:00+00' as late`.execute(db);
          expect(far.rows[0]).toEqual({ bc: '-000043-03-15T12:00:00.123Z', late: '+012026-01-01T00:00:00.000Z' });
        } finally {
          await sql`reset time zone`.execute(db);
        }
      }
    });
  });
});
