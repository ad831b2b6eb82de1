import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationWorld } from '../../test-support/migration-world.js';
import { trigramsMatch } from '../search-index.js';

const ROWIDS_ONLY = '2026-12-12T1000-search-index-rowids-only';
const NOW = '2026-11-01T00:00:00.000Z';

const person = (id: string, name: string, searchText: string) => ({ id, workspace_id: 'ws', name, name_key: name.toLowerCase(), sort_name: name.toLowerCase(), search_text: searchText, tags: '[]', strength: 3, importance: 3, know_and_like: 0, can_help: 0, stage: 'met', lost_job_list: 0, source: 'manual', added_on: '2026-11-01', created_at: NOW, updated_at: NOW });

/** SQLite's search index made again without positions: the people indexed before are found after, and later writes are indexed. */
describe('the search-index-rowids-only migration on sqlite', () => {
  const world = migrationWorld('sqlite', ROWIDS_ONLY, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('people').values([person('p1', 'Ana Silva', 'ana silva\u001fhospital norte'), person('p2', 'Zoë Ångström', 'zoe angstrom\u001fcafe munster')]).execute();
  });
  const found = async (folded: string) => (await sql<{ id: string }>`select p.id from people p where p.rowid in (select rowid from people_search where people_search match ${trigramsMatch(folded)}) order by p.id`.execute(world.db)).rows.map((r) => r.id);

  it('keeps no positions or sizes, with secure-delete written down as off, and its three triggers', async () => {
    const table = (await sql<{ sql: string }>`select sql from sqlite_master where name = 'people_search'`.execute(world.db)).rows[0]?.sql;
    expect(table).toContain('detail=none');
    expect(table).toContain('columnsize=0');
    const config = (await sql<{ k: string; v: number }>`select k, v from people_search_config where k = 'secure-delete'`.execute(world.db)).rows;
    expect(config).toEqual([{ k: 'secure-delete', v: 0 }]);
    const triggers = (await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'people' and name like 'people_search_%' order by name`.execute(world.db)).rows.map((r) => r.name);
    expect(triggers).toEqual(['people_search_delete', 'people_search_insert', 'people_search_update']);
    await sql`insert into people_search(people_search, rank) values ('integrity-check', 1)`.execute(world.db);
  });

  it('finds the people written before it, by trigrams of any field', async () => {
    expect(await found('hospital')).toEqual(['p1']);
    expect(await found('angstr')).toEqual(['p2']);
    expect(await found('qqq')).toEqual([]);
  });

  it('indexes a person added, changed and removed after it', async () => {
    await world.db.insertInto('people').values(person('p3', 'Ben Okafor', 'ben okafor\u001fresearch lead')).execute();
    expect(await found('okafor')).toEqual(['p3']);
    await world.db.updateTable('people').set({ search_text: 'ben okafor\u001fphysio days' }).where('id', '=', 'p3').execute();
    expect(await found('research')).toEqual([]);
    expect(await found('physio')).toEqual(['p3']);
    await world.db.deleteFrom('people').where('id', '=', 'p3').execute();
    expect(await found('okafor')).toEqual([]);
  });
});
