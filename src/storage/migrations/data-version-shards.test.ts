import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationWorld } from '../../test-support/migration-world.js';

const SHARDS = '2026-12-13T1100-data-version-shards';
const NOW = '2026-11-01T00:00:00.000Z';
const person = (id: string, name: string) => ({ id, workspace_id: 'ws', name, name_key: name.toLowerCase(), sort_name: name.toLowerCase(), tags: '[]', strength: 3, importance: 3, know_and_like: 0, can_help: 0, stage: 'met', lost_job_list: 0, source: 'manual', added_on: '2026-11-01', created_at: NOW, updated_at: NOW });

/** A workspace's counter from before the shards is its shard 0; after, a write moves the shard its connection names, and only that one. */
describe('the data-version-shards migration on PostgreSQL', () => {
  const world = migrationWorld('postgres', SHARDS, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('people').values([person('p1', 'Ana Before')]).execute();
  });
  const counters = async () => (await sql<{ shard: number; version: string }>`select shard, version::text as version from workspace_data_versions where workspace_id = 'ws' order by shard`.execute(world.db)).rows;

  it("keeps the counter as shard 0's, and moves the writing connection's shard: 0 unless named", async () => {
    expect(await counters()).toEqual([{ shard: 0, version: '1' }]);
    await world.db.transaction().execute(async (trx) => {
      await sql`set local waggle.version_shard = 3`.execute(trx);
      await trx.updateTable('people').set({ name: 'Ana After' }).where('id', '=', 'p1').execute();
      await sql`delete from people where id = 'nobody'`.execute(trx);
    });
    // A statement that wrote no row of the workspace moves nothing.
    expect(await counters()).toEqual([
      { shard: 0, version: '1' },
      { shard: 3, version: '1' },
    ]);
    await world.db.insertInto('people').values([person('p2', 'Ben Unnamed')]).execute();
    expect(await counters()).toEqual([
      { shard: 0, version: '2' },
      { shard: 3, version: '1' },
    ]);
  });
});
