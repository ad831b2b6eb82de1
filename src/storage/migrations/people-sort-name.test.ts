import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { migrationWorld } from '../../test-support/migration-world.js';

const SORT_NAME = '2026-12-03T1500-people-sort-name';
const NOW = '2026-11-01T00:00:00.000Z';

const person = (id: string, name: string) => ({ id, workspace_id: 'ws', name, name_key: name.toLowerCase(), tags: '[]', strength: 3, importance: 3, know_and_like: 0, can_help: 0, stage: 'met', lost_job_list: 0, source: 'manual', added_on: '2026-11-01', created_at: NOW, updated_at: NOW });

/** People stored before the sort name existed get one, and every list order's index ends in it. */
describe.each(DIALECTS)('the people-sort-name migration on %s', (dialect) => {
  const world = migrationWorld(dialect, SORT_NAME, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('people').values([person('p1', 'Prof. Zoe Adams'), person('p2', 'Dr Ána Silva'), person('p3', 'Bruno Costa')]).execute();
  });

  it('gives every stored person a sort name without the title, and keeps the rest', async () => {
    const rows = await world.db.selectFrom('people').select(['id', 'name', 'name_key', 'sort_name']).orderBy('sort_name').orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'p2', name: 'Dr Ána Silva', name_key: 'dr ána silva', sort_name: 'ana silva' },
      { id: 'p3', name: 'Bruno Costa', name_key: 'bruno costa', sort_name: 'bruno costa' },
      { id: 'p1', name: 'Prof. Zoe Adams', name_key: 'prof. zoe adams', sort_name: 'zoe adams' },
    ]);
  });

  it('rebuilds each order index on the sort name, and none is left on name_key', async () => {
    const definitions =
      dialect === 'sqlite'
        ? (await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master where type = 'index' and tbl_name = 'people' and name like 'people_by_%'`.execute(world.db)).rows
        : (await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes where tablename = 'people' and indexname like 'people_by_%'`.execute(world.db)).rows;
    expect(definitions.map((d) => d.name).sort()).toEqual(
      ['people_by_added', 'people_by_category', 'people_by_importance', 'people_by_last_exchange', 'people_by_name', 'people_by_next_contact', 'people_by_source', 'people_by_stage', 'people_by_strength'],
    );
    for (const { name, def } of definitions) {
      expect(def, name).toContain('sort_name');
      expect(def, name).not.toContain('name_key');
    }
  });
});
