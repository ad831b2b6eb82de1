import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEARCH_LENGTH } from '../contract/filters.js';
import { foldQuery, searchText } from '../core/search-text.js';
import { sortKey } from '../core/names.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { importFile } from '../services/imports.js';
import { sequentialIds } from '../services/context.js';
import { createPerson, listPeople, removePerson, updatePerson } from '../services/people.js';
import { openSession, type Session } from '../services/session.js';
import { apiOnFreshSqlite } from '../test-support/api-on-sqlite.js';
import { DIALECTS, freshDatabase, type Dialect } from '../test-support/databases.js';
import { insertRows } from './insert-rows.js';
import { withSearchIndexFilledAfter } from './search-index.js';
import { freshSession } from '../test-support/fresh-session.js';
import { workspaceBeside } from '../test-support/workspaces.js';

/*
 * Search finds a part of any field, accents and case aside, and means the same on both
 * databases whichever way it is found (SQLite's FTS5 trigram table for a fragment few people
 * hold, a walk of the list for one many hold or one too short for trigrams; PostgreSQL's
 * pg_trgm index as its planner chooses). Every answer is held to the rule itself, worked
 * out here from every person's fields, and to the other database's answer.
 */

const TODAY = '2026-11-22';
/** More people hold "hospital" than SQLite looks up by its trigram table (2,000), so it walks. */
const MANY = 2_300;

const hostile = ['"', '""', 'a"b', '"ana', '*', 'ana*', 'NEAR(ana silva)', 'NEAR', '-ana', 'ana -silva', 'ana OR ben', 'ana AND', '(ana', '^ana', 'col:ana', 'search_text:ana', "o'brien", '100%', '_', '\\', '\u0000ana', 'ana\u001fsilva', 'x'.repeat(MAX_SEARCH_LENGTH)];
const meaningful = ['zoe', 'ZOË', 'angstrom', 'ÅNGSTRÖM', 'cafe munster', 'Café Münster', 'münst', 'ana@example', 'ANA@EXAMPLE.ORG', 'norte', 'okaf', 'bén', 'li', 'é', 'hospital', 'research', '+351', 'fenwick', 'nobody at all', 'sonata'];

interface World {
  session: Session;
  dispose(): Promise<void>;
}

async function openWorld(dialect: Dialect): Promise<World> {
  const db = await freshDatabase(dialect);
  const session = await openSession(db.config, { clock: { now: () => new Date(`${TODAY}T10:00:00Z`) }, ids: sequentialIds(), defaultTimeZone: 'UTC' });
  const snapshot = generateLargeSnapshot({ people: MANY, networks: 5, goals: 2, exchanges: 0, today: TODAY, seed: 11 });
  await bulkLoad(session.ctx, { ...snapshot, people: snapshot.people.map((p) => ({ ...p, organisation: `${p.organisation ?? 'Clinic'} Hospital` })) });
  await createPerson(session.ctx, { name: 'Zoë Ångström', organisation: 'Café Münster', location: 'Lisboa' });
  await createPerson(session.ctx, { name: 'Ana Silva', organisation: 'Hospital Norte', tags: ['research'], channels: [{ kind: 'email', value: 'Ana@Example.org' }, { kind: 'phone', value: '+351 912 345 678' }] });
  await createPerson(session.ctx, { name: 'Dr Bén Okafor', role: 'Research lead', notes: 'Met at "Physio Days" — NEAR the coffee * stand' });
  await createPerson(session.ctx, { name: 'Jo Li' });
  // Holds the trigrams "sonata" is looked up by ("son", "ata"), not in a row: the index names her, the LIKE does not.
  await createPerson(session.ctx, { name: 'Eli Mason', role: 'Data analyst' });
  await createPerson(session.ctx, { name: "Siobhán O'Brien", notes: '100% in favour of the -ana- project' });
  return { session, dispose: async () => (await session.close(), await db.dispose()) };
}

/** The rule, worked out from every person: search text (core/search-text.ts) holding the folded query, in the list's order. */
async function expected(world: World, query: string): Promise<string[]> {
  const everyone = (await listPeople(world.session.ctx, {})).items;
  const folded = foldQuery(query.trim());
  return everyone.filter((p) => searchText(p, p.channels.map((c) => c.value)).includes(folded)).map((p) => p.id);
}

const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

describe('search, the same on SQLite and PostgreSQL', () => {
  const worlds = {} as Record<Dialect, World>;

  beforeAll(async () => {
    for (const dialect of DIALECTS) worlds[dialect] = await openWorld(dialect);
  }, 240_000);
  afterAll(async () => {
    for (const dialect of DIALECTS) await worlds[dialect]?.dispose();
  });

  it('finds parts of names and other fields, accents and case aside, as the rule says, on both databases alike', async () => {
    for (const query of meaningful) {
      const wanted = await expected(worlds.sqlite, query);
      for (const dialect of DIALECTS) {
        const whole = await listPeople(worlds[dialect].session.ctx, { search: query });
        expect(ids(whole), `${dialect}: ${query}`).toEqual(wanted);
        const first = await listPeople(worlds[dialect].session.ctx, { search: query, limit: 50 });
        expect(ids(first), `${dialect}: ${query}, first page`).toEqual(wanted.slice(0, 50));
        expect(first.total, `${dialect}: ${query}, total`).toBe(wanted.length);
        const deep = await listPeople(worlds[dialect].session.ctx, { search: query, limit: 50, offset: 100 });
        expect(ids(deep), `${dialect}: ${query}, offset 100`).toEqual(wanted.slice(100, 150));
      }
    }
    // The cases the rule is about, named, so that an empty rule cannot pass the loop above.
    const names = async (query: string) => (await listPeople(worlds.postgres.session.ctx, { search: query })).items.map((p) => p.name);
    expect(await names('ZOË')).toEqual(['Zoë Ångström']);
    expect(await names('angstrom')).toEqual(['Zoë Ångström']);
    expect(await names('cafe munster')).toEqual(['Zoë Ångström']);
    expect(await names('okaf')).toEqual(['Dr Bén Okafor']);
    expect(await names('ana@example')).toEqual(['Ana Silva']);
    expect(await names('+351')).toEqual(['Ana Silva']);
    expect((await listPeople(worlds.sqlite.session.ctx, { search: 'hospital', limit: 1 })).total).toBeGreaterThan(MANY);
  });

  it('takes quotes, FTS operators, wildcards and control characters as text to find, never as query syntax', async () => {
    for (const query of hostile) {
      const wanted = await expected(worlds.sqlite, query);
      for (const dialect of DIALECTS) {
        const page = await listPeople(worlds[dialect].session.ctx, { search: query, limit: 50 });
        expect(ids(page), `${dialect}: ${JSON.stringify(query)}`).toEqual(wanted.slice(0, 50));
        expect(page.total).toBe(wanted.length);
      }
    }
    const notes = async (query: string) => (await listPeople(worlds.sqlite.session.ctx, { search: query })).items.map((p) => p.name);
    expect(await notes('"physio days"')).toEqual(['Dr Bén Okafor']);
    expect(await notes('near the coffee *')).toEqual(['Dr Bén Okafor']);
    expect(await notes('100%')).toEqual(["Siobhán O'Brien"]);
    expect(await notes('-ana-')).toEqual(["Siobhán O'Brien"]);
    // A separator between fields is never matched across: "silva" then the organisation.
    expect(await notes('silva hospital')).toEqual([]);
  });

  it('follows every write: a new name, a new channel, a removal', async () => {
    for (const dialect of DIALECTS) {
      const ctx = worlds[dialect].session.ctx;
      const names = async (query: string) => (await listPeople(ctx, { search: query, limit: 50 })).items.map((p) => p.name);
      const person = await createPerson(ctx, { name: 'Wren Quillfeather' });
      expect(await names('quillfeath'), dialect).toEqual(['Wren Quillfeather']);
      await updatePerson(ctx, person.id, { name: 'Wren Äsbjørnsen' });
      expect(await names('quillfeath'), dialect).toEqual([]);
      expect(await names('asbjørn'), dialect).toEqual(['Wren Äsbjørnsen']);
      await updatePerson(ctx, person.id, { channels: [{ kind: 'web', value: 'https://wren.example/Portfolio' }] });
      expect(await names('wren.example/portf'), dialect).toEqual(['Wren Äsbjørnsen']);
      // An edit of notes writes the text from what its update gave back: the channels stay in it.
      await updatePerson(ctx, person.id, { notes: 'Met at the Kestrelworks' });
      expect(await names('kestrelwork'), dialect).toEqual(['Wren Äsbjørnsen']);
      expect(await names('wren.example/portf'), dialect).toEqual(['Wren Äsbjørnsen']);
      // Fields cleared leave the text and the sort key: both worked out from the row read before the edit.
      await updatePerson(ctx, person.id, { familyName: 'Zeller', role: 'Ópera Chief', location: 'Kraków', tags: ['Board'] });
      expect(await names('opera chief'), dialect).toEqual(['Wren Äsbjørnsen']);
      await updatePerson(ctx, person.id, { familyName: null, role: null, location: null, tags: [], notes: null });
      for (const gone of ['opera', 'krakow', 'board', 'kestrelwork']) expect(await names(gone), `${dialect}: ${gone}`).toEqual([]);
      const row = await ctx.db.selectFrom('people').select(['name', 'familyName', 'sortName', 'searchText']).where('id', '=', person.id).executeTakeFirstOrThrow();
      expect(row.searchText, dialect).toBe(searchText({ name: row.name, organisation: null, role: null, location: null, tags: [], notes: null }, ['https://wren.example/Portfolio']));
      expect(row.sortName, dialect).toBe(sortKey('Wren Äsbjørnsen', null));
      await removePerson(ctx, person.id);
      expect(await names('asbjørn'), dialect).toEqual([]);
      expect(await names('wren.example'), dialect).toEqual([]);
    }
  });

  it("never finds another account's people, by a fragment only they hold or one both hold, found first by the index or walked", async () => {
    for (const dialect of DIALECTS) {
      const mine = worlds[dialect].session.ctx;
      const theirs = await workspaceBeside(mine, `ws_search_${dialect}`);
      const stranger = await createPerson(theirs, { name: 'Ottoline Vexbridge', organisation: 'Hospital Norte' });
      const names = async (ctx: typeof mine, query: string, limit?: number) => (await listPeople(ctx, { search: query, ...(limit ? { limit } : {}) })).items.map((p) => p.name);
      // Held by them alone: a few matches, so found first by the trigram index on both databases; none of it here.
      expect(await names(mine, 'vexbridge', 50), dialect).toEqual([]);
      expect((await listPeople(mine, { search: 'vexbridge', limit: 50 })).total, dialect).toBe(0);
      expect(await names(theirs, 'vexbridge', 50), dialect).toEqual(['Ottoline Vexbridge']);
      // Held by thousands here and one there (walked): their one never shows here, nor ours there.
      expect((await listPeople(mine, { search: 'hospital norte', limit: 50 })).items.map((p) => p.id), dialect).not.toContain(stranger.id);
      expect(await names(theirs, 'hospital norte', 50), dialect).toEqual(['Ottoline Vexbridge']);
      expect(await names(theirs, 'ana silva'), dialect).toEqual([]);
    }
  });
});

describe('search at the API', () => {
  const world = apiOnFreshSqlite();

  beforeAll(async () => {
    await createPerson(world.session.ctx, { name: 'Zoë Ångström', notes: 'NEAR "quotes" -minus *star' });
  });

  it('answers a hostile search with people or none, never a fault', async () => {
    for (const query of hostile) {
      const res = await world.api.request(`/api/people?limit=50&search=${encodeURIComponent(query)}`);
      expect(res.status, JSON.stringify(query)).toBe(200);
    }
    const found = await world.api.request(`/api/people?limit=50&search=${encodeURIComponent('NEAR "quotes"')}`);
    expect(((await found.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['Zoë Ångström']);
  });

  it('refuses a search longer than any field worth finding, saying so', async () => {
    const res = await world.api.request(`/api/people?search=${'x'.repeat(MAX_SEARCH_LENGTH + 1)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'validation', field: 'query.search' });
    expect(body.error.message).toContain(`at most ${MAX_SEARCH_LENGTH} characters`);
  });
});

describe.each(DIALECTS)('a large import indexes its people for search on %s', (dialect) => {
  const COUNT = 6_000;
  const connections = (from: number, count: number) =>
    new TextEncoder().encode(
      ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...Array.from({ length: count }, (_, i) => `Ana,Quillon${from + i},https://www.linkedin.com/in/q${from + i},,Hospital Sul,Nurse,07 Dec 2025`)].join('\r\n'),
    );
  /** SQLite's own check of the FTS table against people's search text: throws where they differ. */
  const ftsMatchesPeople = async (db: Session['ctx']['db']) => {
    if (dialect === 'sqlite') await sql`insert into people_search(people_search, rank) values ('integrity-check', 1)`.execute(db);
  };
  const insertTrigger = async (db: Session['ctx']['db']) =>
    dialect === 'sqlite' ? (await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name = 'people_search_insert'`.execute(db)).rows : [];

  /** FTS5's in-memory hash size, as its config holds it (1 MB, FTS5's default, when unset): a bulk fill raises it for its while only. */
  const ftsHashSize = async (db: Session['ctx']['db']) =>
    dialect === 'sqlite' ? Number((await sql<{ v: number }>`select v from people_search_config where k = 'hashsize'`.execute(db)).rows[0]?.v ?? 1024 * 1024) : null;

  const world = freshSession(dialect);
  beforeAll(async () => {
    await createPerson(world.session.ctx, { name: 'Zoë Ångström', organisation: 'Café Münster' });
  }, 120_000);

  it('finds each imported person by a part of the name, beside those already there, and keeps indexing later writes', async () => {
    const trigger = await insertTrigger(world.session.ctx.db);
    const outcome = await importFile(world.session.ctx, connections(0, COUNT), { fileName: 'Connections.csv', inWorker: false });
    expect(outcome.summary.created).toBe(COUNT);
    await ftsMatchesPeople(world.session.ctx.db);
    expect(await insertTrigger(world.session.ctx.db)).toEqual(trigger);
    expect(await ftsHashSize(world.session.ctx.db)).toBe(dialect === 'sqlite' ? 1024 * 1024 : null);
    const names = async (query: string) => (await listPeople(world.session.ctx, { search: query })).items.map((p) => p.name);
    expect(await names('quillon4321')).toEqual(['Ana Quillon4321']);
    expect(await names('quillon599')).toEqual(['Ana Quillon599', ...Array.from({ length: 10 }, (_, i) => `Ana Quillon599${i}`)]);
    expect(await names('munster')).toEqual(['Zoë Ångström']);
    await createPerson(world.session.ctx, { name: 'Wren Quillfeather' });
    expect(await names('quillfeath')).toEqual(['Wren Quillfeather']);
    await ftsMatchesPeople(world.session.ctx.db);
  });

  it('leaves the index and its trigger as they were when the write fails half way', async () => {
    const ctx = world.session.ctx;
    const trigger = await insertTrigger(ctx.db);
    const before = (await listPeople(ctx, {})).total;
    // The last row repeats the first's id: people's primary key refuses it after the rest went in.
    const rows = Array.from({ length: COUNT }, (_, i) => ({
      id: `per_broken${i % (COUNT - 1)}`,
      workspaceId: ctx.workspaceId,
      name: `Broken ${i}`,
      nameKey: `broken ${i}`,
      searchText: `broken ${i}`,
      tags: '[]',
      strength: 0,
      importance: 0,
      knowAndLike: 0,
      canHelp: 0,
      stage: 'dormant',
      lostJobList: 0,
      source: 'linkedin',
      addedOn: TODAY,
      createdAt: `${TODAY}T10:00:00.000Z`,
      updatedAt: `${TODAY}T10:00:00.000Z`,
    }));
    await expect(ctx.db.transaction().execute(async (trx) => withSearchIndexFilledAfter(trx, rows.length, () => insertRows(trx, 'people', rows)))).rejects.toThrow();
    expect(await insertTrigger(ctx.db)).toEqual(trigger);
    expect(await ftsHashSize(ctx.db)).toBe(dialect === 'sqlite' ? 1024 * 1024 : null);
    expect((await listPeople(ctx, {})).total).toBe(before);
    expect((await listPeople(ctx, { search: 'broken' })).total).toBe(0);
    await ftsMatchesPeople(ctx.db);
  });
});
