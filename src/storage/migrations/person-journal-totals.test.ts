import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { migrationWorld } from '../../test-support/migration-world.js';

const JOURNAL_TOTALS = '2026-12-09T1300-person-journal-totals';
const NOW = '2026-11-01T00:00:00.000Z';

const person = (id: string, name: string) => ({ id, workspace_id: 'ws', name, name_key: name.toLowerCase(), sort_name: name.toLowerCase(), tags: '[]', strength: 3, importance: 3, know_and_like: 0, can_help: 0, stage: 'met', lost_job_list: 0, source: 'manual', added_on: '2026-11-01', created_at: NOW, updated_at: NOW });
const exchange = (id: string, channel: string, occurredOn: string, gave: number, received: number) => ({
  id,
  workspace_id: 'ws',
  occurred_on: occurredOn,
  channel,
  initiated_by: 'me',
  gave: JSON.stringify(Array.from({ length: gave }, () => ({ kind: 'help', note: null }))),
  received: JSON.stringify(Array.from({ length: received }, () => ({ kind: 'insight', note: null }))),
  created_at: NOW,
});
const link = (exchangeId: string, personId: string, occurredOn: string) => ({ exchange_id: exchangeId, person_id: personId, workspace_id: 'ws', occurred_on: occurredOn });

/** Exchanges logged before the journal's sums were kept on people's rows are summed into them. */
describe.each(DIALECTS)('the person-journal-totals migration on %s', (dialect) => {
  const world = migrationWorld(dialect, JOURNAL_TOTALS, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('people').values([person('p1', 'Ana Online'), person('p2', 'Ben Both'), person('p3', 'Cleo Never')]).execute();
    await db
      .insertInto('exchanges')
      .values([exchange('e1', 'email', '2026-10-01', 2, 1), exchange('e2', 'video', '2026-10-20', 0, 1), exchange('e3', 'coffee', '2026-09-01', 1, 0)])
      .execute();
    await db
      .insertInto('exchange_people')
      .values([link('e1', 'p1', '2026-10-01'), link('e1', 'p2', '2026-10-01'), link('e2', 'p1', '2026-10-20'), link('e3', 'p2', '2026-09-01')])
      .execute();
  });

  it("sums each person's exchanges into their row: count, items each way, online only; none for someone never met", async () => {
    const rows = await world.db.selectFrom('people').select(['id', 'journal_exchanges', 'journal_gave', 'journal_received', 'journal_online_only']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'p1', journal_exchanges: 2, journal_gave: 2, journal_received: 2, journal_online_only: 1 },
      { id: 'p2', journal_exchanges: 2, journal_gave: 3, journal_received: 1, journal_online_only: 0 },
      { id: 'p3', journal_exchanges: 0, journal_gave: 0, journal_received: 0, journal_online_only: 0 },
    ]);
  });
});
