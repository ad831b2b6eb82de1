import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { foldQuery, SEARCH_FIELD_SEPARATOR } from '../../core/search-text.js';
import { DIALECTS } from '../../test-support/databases.js';
import { migrationWorld } from '../../test-support/migration-world.js';
import { containsPattern } from '../like.js';
import { trigramsMatch } from '../search-index.js';

const HANDLES = '2026-12-13T1000-search-profile-handles';
const NOW = '2026-11-01T00:00:00.000Z';
const S = SEARCH_FIELD_SEPARATOR;

const person = (id: string, name: string, organisation: string | null, searchText: string) => ({ id, workspace_id: 'ws', name, name_key: name.toLowerCase(), sort_name: name.toLowerCase(), organisation, search_text: searchText, tags: '["Research"]', strength: 0, importance: 0, know_and_like: 0, can_help: 0, stage: 'dormant', lost_job_list: 0, source: 'linkedin', added_on: '2026-11-01', created_at: NOW, updated_at: NOW });
const point = (personId: string, position: number, kind: string, value: string) => ({ person_id: personId, position, kind, value, value_key: value.toLowerCase() });

/** People written before search held profile links by their handle are written again, and found as people written after. */
describe.each(DIALECTS)('the search-profile-handles migration on %s', (dialect) => {
  const world = migrationWorld(dialect, HANDLES, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('people').values([
      person('p1', 'Ana Silva', 'Hospital Norte', `ana silva${S}hospital norte${S}research${S}https://www.linkedin.com/in/ana-silva-9b${S}ana@example.org`),
      person('p2', 'Ben Okafor', 'LinkedIn', `ben okafor${S}linkedin${S}research${S}https://ben.example/about`),
      person('p3', 'Chloé Martin', null, `chloe martin${S}research${S}https://github.com/chloem`),
      // Tags that are not a JSON list of strings (no write of Waggle's makes them): the upgrade goes on without them.
      { ...person('p4', 'Dan Odd', null, `dan odd${S}https://x.com/danodd`), tags: 'not json' },
      { ...person('p5', 'Eve Odd', null, `eve odd${S}https://x.com/eveodd`), tags: '["Kept", 7]' },
    ]).execute();
    await db.insertInto('contact_points').values([point('p1', 0, 'linkedin', 'https://www.linkedin.com/in/ana-silva-9b'), point('p1', 1, 'email', 'ana@example.org'), point('p2', 0, 'web', 'https://ben.example/about'), point('p3', 0, 'web', 'https://github.com/chloem'), point('p4', 0, 'x', 'https://x.com/danodd'), point('p5', 0, 'x', 'https://x.com/eveodd')]).execute();
    // More than one of the migration's batches of 500.
    const many = Array.from({ length: 1_100 }, (_, i) => `q${String(i).padStart(4, '0')}`);
    for (let from = 0; from < many.length; from += 100) {
      const ids = many.slice(from, from + 100);
      await db.insertInto('people').values(ids.map((id) => person(id, `Many ${id}`, null, `many ${id}${S}research${S}https://www.linkedin.com/in/h-${id}`))).execute();
      await db.insertInto('contact_points').values(ids.map((id) => point(id, 0, 'linkedin', `https://www.linkedin.com/in/h-${id}`))).execute();
    }
  });
  const texts = async () => Object.fromEntries((await world.db.selectFrom('people').select(['id', 'search_text']).where('id', 'like', 'p%').orderBy('id').execute()).map((r: { id: string; search_text: string }) => [r.id, r.search_text]));
  /** Who a search finds, the way the people list finds them: the trigram index narrowing (SQLite's FTS5 table) and the LIKE deciding. */
  const found = async (query: string) => {
    const folded = foldQuery(query);
    const like = containsPattern(folded);
    const rows =
      dialect === 'sqlite'
        ? await sql<{ id: string }>`select id from people where rowid in (select rowid from people_search where people_search match ${trigramsMatch(folded)}) and search_text like ${like} escape '\\' order by id`.execute(world.db)
        : await sql<{ id: string }>`select id from people where search_text like ${like} escape '\\' order by id`.execute(world.db);
    return rows.rows.map((r) => r.id);
  };

  it('writes the text of people with a profile link again, with the handle, channels in their order; others keep theirs', async () => {
    expect(await texts()).toEqual({
      p1: `ana silva${S}hospital norte${S}research${S}ana-silva-9b${S}ana@example.org`,
      p2: `ben okafor${S}linkedin${S}research${S}https://ben.example/about`,
      p3: `chloe martin${S}research${S}chloem`,
      p4: `dan odd${S}danodd`,
      p5: `eve odd${S}kept${S}eveodd`,
    });
  });

  it('writes every one of more people than a batch holds', async () => {
    const rows = (await world.db.selectFrom('people').select(['id', 'search_text']).where('id', 'like', 'q%').orderBy('id').execute()) as { id: string; search_text: string }[];
    expect(rows).toHaveLength(1_100);
    for (const row of rows) expect(row.search_text).toBe(`many ${row.id}${S}research${S}h-${row.id}`);
    expect(await found('h-q1099')).toEqual(['q1099']);
  });

  it('finds them by handle and by the link pasted whole, and "linkedin" only where it is a field of theirs', async () => {
    expect(await found('ana-silva')).toEqual(['p1']);
    expect(await found('https://www.linkedin.com/in/ana-silva-9b/')).toEqual(['p1']);
    expect(await found('github.com/chloem')).toEqual(['p3']);
    expect(await found('linkedin')).toEqual(['p2']);
    expect((await found('research')).filter((id) => id.startsWith('p'))).toEqual(['p1', 'p2', 'p3']);
    if (dialect === 'sqlite') await sql`insert into people_search(people_search, rank) values ('integrity-check', 1)`.execute(world.db);
  });
});
