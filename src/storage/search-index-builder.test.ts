import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { importFile } from '../services/imports.js';
import { createPerson, listPeople, removePerson, updatePerson } from '../services/people.js';
import type { Session } from '../services/session.js';
import { freshSession } from '../test-support/fresh-session.js';
import { insertRows } from './insert-rows.js';
import { startSearchIndexBuilder } from './search-index-builder.js';
import { withSearchIndexFilledAfter } from './search-index.js';

/*
 * A first large import's search index, built in a worker thread beside the insert and put in
 * place of the FTS table's rows (search-index-builder.ts): held to SQLite's own integrity check
 * of the index against people's search text, in the connection that wrote it and for every
 * write after, and to the searches that use it.
 */

const COUNT = 6_000;
const TODAY = '2026-11-22';
type Db = Session['ctx']['db'];

const connections = (count: number) =>
  new TextEncoder().encode(
    ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...Array.from({ length: count }, (_, i) => `Ana,Quillon${i},https://www.linkedin.com/in/q${i},,Hospital Sul,Nurse,07 Dec 2025`)].join('\r\n'),
  );

/** SQLite's own check of the FTS table against people's search text: throws where they differ. */
const ftsMatchesPeople = (db: Db) => sql`insert into people_search(people_search, rank) values ('integrity-check', 1)`.execute(db);
const insertTrigger = async (db: Db) => (await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name = 'people_search_insert'`.execute(db)).rows;
const indexRows = async (db: Db) => Number((await sql<{ count: number }>`select count(*) as count from people_search_data`.execute(db)).rows[0]?.count);
const names = async (session: Session, query: string) => (await listPeople(session.ctx, { search: query })).items.map((p) => p.name);

function peopleRows(workspaceId: string, count: number, text: (i: number) => string = (i) => `worker ${i}`) {
  return Array.from({ length: count }, (_, i) => ({
    id: `per_w${String(i).padStart(6, '0')}`,
    workspaceId,
    name: `Worker ${i}`,
    nameKey: `worker ${i}`,
    searchText: text(i),
    tags: '[]',
    strength: 0,
    importance: 0,
    knowAndLike: 0,
    canHelp: 0,
    stage: 'dormant' as const,
    lostJobList: 0,
    source: 'linkedin',
    addedOn: TODAY,
    createdAt: `${TODAY}T10:00:00.000Z`,
    updatedAt: `${TODAY}T10:00:00.000Z`,
  }));
}

describe('a first large import into an empty people table', () => {
  const world = freshSession('sqlite', { per: 'test' });

  it('finds every imported person, and the index stays whole through the writes after it, in the same connection', async () => {
    const { session } = world;
    const trigger = await insertTrigger(session.ctx.db);
    const outcome = await importFile(session.ctx, connections(COUNT), { fileName: 'Connections.csv', inWorker: false });
    expect(outcome.summary.created).toBe(COUNT);
    await ftsMatchesPeople(session.ctx.db);
    expect(await insertTrigger(session.ctx.db)).toEqual(trigger);
    expect(await names(session, 'quillon4321')).toEqual(['Ana Quillon4321']);
    expect(await names(session, 'quillon599')).toEqual(['Ana Quillon599', ...Array.from({ length: 10 }, (_, i) => `Ana Quillon599${i}`)]);
    expect((await listPeople(session.ctx, { search: 'linkedin.com/in/q123' })).total).toBe(11);
    // Writes after it go through FTS5 from the index put in place, not from the empty one it replaced.
    const wren = await createPerson(session.ctx, { name: 'Wren Quillfeather' });
    const ana = (await listPeople(session.ctx, { search: 'quillon17' })).items[0]!;
    await updatePerson(session.ctx, ana.id, { name: 'Ana Marwick' });
    await removePerson(session.ctx, (await listPeople(session.ctx, { search: 'quillon2222' })).items[0]!.id);
    await ftsMatchesPeople(session.ctx.db);
    expect(await names(session, 'quillfeath')).toEqual([wren.name]);
    expect(await names(session, 'marwick')).toEqual(['Ana Marwick']);
    expect(await names(session, 'quillon2222')).toEqual([]);
    expect((await listPeople(session.ctx, { search: 'quillon' })).total).toBe(COUNT - 2);
  });

  it('leaves the shadow tables closed to plain SQL after putting the index in place', async () => {
    const { session } = world;
    await importFile(session.ctx, connections(COUNT), { fileName: 'Connections.csv', inWorker: false });
    await expect(sql`delete from people_search_data`.execute(session.ctx.db)).rejects.toThrow(/may not be modified/);
    await ftsMatchesPeople(session.ctx.db);
  });

  it('leaves the index empty and its trigger as it was when the write fails half way', async () => {
    const { session } = world;
    const db = session.ctx.db;
    const trigger = await insertTrigger(db);
    const before = await indexRows(db);
    // The last row repeats the first's id: people's primary key refuses it after the rest went in.
    const rows = peopleRows(session.ctx.workspaceId, COUNT).map((row, i) => (i === COUNT - 1 ? { ...row, id: 'per_w000000' } : row));
    await expect(
      db.transaction().execute((trx) =>
        withSearchIndexFilledAfter(trx, rows.length, async (indexed) => {
          for (let at = 0; at < rows.length; at += 500) {
            indexed(rows.slice(at, at + 500).map((r) => r.searchText));
            await insertRows(trx, 'people', rows.slice(at, at + 500));
          }
        }),
      ),
    ).rejects.toThrow();
    expect(await insertTrigger(db)).toEqual(trigger);
    expect(await indexRows(db)).toBe(before);
    expect((await listPeople(session.ctx, {})).total).toBe(0);
    await ftsMatchesPeople(db);
  });

  it('is used only for the rows it was told of: told other texts, it gives way to the fill in SQL', async () => {
    const { session } = world;
    const db = session.ctx.db;
    const created = (await sql<{ sql: string }>`select sql from sqlite_master where name = 'people_search'`.execute(db)).rows[0]!.sql;
    const rows = peopleRows(session.ctx.workspaceId, COUNT);
    await db.transaction().execute(async (trx) => {
      await sql`drop trigger people_search_insert`.execute(trx);
      const told = startSearchIndexBuilder(created, 64 * 1024 * 1024);
      // Told of every row but the last one's text changed: its end check refuses it.
      told.add(rows.map((r, i) => (i === COUNT - 1 ? 'something else' : r.searchText)));
      await insertRows(trx, 'people', rows);
      expect(await told.finish(trx)).toBe(false);
      // Told of them all as they are: put in place.
      const right = startSearchIndexBuilder(created, 64 * 1024 * 1024);
      right.add(rows.map((r) => r.searchText));
      expect(await right.finish(trx)).toBe(true);
      await ftsMatchesPeople(trx);
      throw new Error('roll back');
    }).catch((error: Error) => expect(error.message).toBe('roll back'));
    await ftsMatchesPeople(db);
    expect(await indexRows(db)).toBeLessThanOrEqual(2);
  });
});
