import { describe, expect, it } from 'vitest';
import { buildPerson } from '../core/check/builders.js';
import { sortKey } from '../core/names.js';
import { DIALECTS, type Dialect } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { bulkLoad } from './bulk-load.js';
import type { ServiceContext } from './context.js';
import { exportBackup, restoreBackup } from './export/backup.js';
import { importFile } from './imports.js';
import { createPerson, listPeople, updatePerson } from './people.js';
import { quickAddPeople } from './quick-add.js';

const clock = { now: () => new Date('2026-03-10T09:00:00Z') };

/** Every stored sort name is the family name then the rest where it is known, else the name without its title, whichever write set it. */
async function expectSortNamesKept(ctx: ServiceContext): Promise<void> {
  const rows = await ctx.db.selectFrom('people').select(['name', 'familyName', 'sortName']).where('workspaceId', '=', ctx.workspaceId).execute();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.sortName, row.name).toBe(sortKey(row.name, row.familyName));
}

const TITLED = ['Prof. Zoe Adams', 'Drew Barrymore', 'Carla Dias', 'Mr Bruno Costa', 'Dr Ana Silva', 'Mrs. Eva Lind', 'Dame Fiona Hart', 'Rev Gil Moss', 'Sir Hugo Brandt', 'Ms Ines Roth', 'Mx Jo Reyes', 'Professor Kai Lee', 'Dr'];

const names = async (ctx: ServiceContext, sort?: 'strength') => (await listPeople(ctx, sort ? { sort } : {})).items.map((p) => p.name);

describe.each(DIALECTS)('people sort under their names, not their titles, on %s', (dialect: Dialect) => {
  // Each test its own database: they rename and add.
  const world = freshSession(dialect, { clock, per: 'test' });
  /** The test's database, holding people with and without titles. */
  const titled = async (): Promise<ServiceContext> => {
    const { ctx } = world.session;
    for (const name of TITLED) await createPerson(ctx, { name });
    return ctx;
  };

  it('files "Dr Ana Silva" under A and "Prof. Zoe Adams" under Z; a name that only starts like a title keeps its place', async () => {
    const ctx = await titled();
    expect(await names(ctx)).toEqual([
      'Dr Ana Silva',
      'Mr Bruno Costa',
      'Carla Dias',
      'Dr',
      'Drew Barrymore',
      'Mrs. Eva Lind',
      'Dame Fiona Hart',
      'Rev Gil Moss',
      'Sir Hugo Brandt',
      'Ms Ines Roth',
      'Mx Jo Reyes',
      'Professor Kai Lee',
      'Prof. Zoe Adams',
    ]);
    await expectSortNamesKept(ctx);
  });

  it('an edit that renames moves the person; an edit that does not keeps the sort name', async () => {
    const ctx = await titled();
    const drew = (await listPeople(ctx, { search: 'Drew' })).items[0]!;
    await updatePerson(ctx, drew.id, { name: 'Sir Yusuf Ali' });
    const carla = (await listPeople(ctx, { search: 'Carla' })).items[0]!;
    await updatePerson(ctx, carla.id, { organisation: 'Hospital Norte' });
    const order = await names(ctx);
    expect(order.slice(-2)).toEqual(['Sir Yusuf Ali', 'Prof. Zoe Adams']);
    expect(order.indexOf('Carla Dias')).toBe(2);
    await expectSortNamesKept(ctx);
  });

  it('quick add and an import keep the sort name too', async () => {
    const ctx = await titled();
    await quickAddPeople(ctx, { people: [{ name: 'Dr. Lara Quist' }], goals: [], networks: [] });
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Prof Nuno Alves\r\nN:Alves;Nuno;;Prof;\r\nEND:VCARD\r\n';
    const outcome = await importFile(ctx, new TextEncoder().encode(vcard), { fileName: 'nuno.vcf' });
    expect(outcome.dryRun).toBe(false);
    const order = await names(ctx);
    expect(order.indexOf('Dr. Lara Quist')).toBe(order.indexOf('Professor Kai Lee') + 1);
    // The card's N says Alves is the family name: Nuno files under A, before Ana Silva (whose family name nobody gave).
    expect(order[0]).toBe('Prof Nuno Alves');
    expect((await listPeople(ctx, { search: 'Nuno' })).items[0]!.familyName).toBe('Alves');
    await expectSortNamesKept(ctx);
  });

  it('files people under the family name from every import format that keeps it apart, and from the API', async () => {
    const own = world.session.ctx;
    const files: [string, string][] = [
      ['Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nZoe,Baker,,,,,07 Dec 2025\r\n'],
      ['google.csv', 'First Name,Middle Name,Last Name,Labels,E-mail 1 - Value\nAaron,,Young,* myContacts,aaron@example.org\n'],
      ['outlook.csv', '"First Name","Last Name","E-mail Address"\r\n"Mia","Carter","mia@example.org"\r\n'],
      ['cards.vcf', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr Bea Xavier Dias\r\nN:Xavier Dias;Bea;;Dr;\r\nEND:VCARD\r\n'],
    ];
    for (const [fileName, text] of files) expect((await importFile(own, new TextEncoder().encode(text), { fileName })).dryRun, fileName).toBe(false);
    await createPerson(own, { name: 'Prof. Carl Ames', familyName: 'Ames' });
    await createPerson(own, { name: 'Anna Zimmer' });
    // Ames, Baker, Carter, Xavier Dias, Young by family name; Anna Zimmer, with none known, under A.
    expect(await names(own)).toEqual(['Prof. Carl Ames', 'Anna Zimmer', 'Zoe Baker', 'Mia Carter', 'Dr Bea Xavier Dias', 'Aaron Young']);
    await expectSortNamesKept(own);

    // A family name the name no longer holds says nothing: the person files under the name again.
    const carl = (await listPeople(own, { search: 'Carl' })).items[0]!;
    await updatePerson(own, carl.id, { name: 'Carl Smith' });
    expect(await names(own)).toEqual(['Anna Zimmer', 'Zoe Baker', 'Carl Smith', 'Mia Carter', 'Dr Bea Xavier Dias', 'Aaron Young']);
    // Setting the family name alone moves them at once.
    await updatePerson(own, carl.id, { familyName: 'Smith' });
    expect(await names(own)).toEqual(['Anna Zimmer', 'Zoe Baker', 'Mia Carter', 'Carl Smith', 'Dr Bea Xavier Dias', 'Aaron Young']);
    await expectSortNamesKept(own);
  });

  it('pages stay stable: the pages, one after another, are the whole list, even among equal sort names', async () => {
    const ctx = await titled();
    // Three people with the same sort name: the id settles their order, the same on every page.
    for (const name of ['Ana Silva', 'Prof Ana Silva', 'ana silva']) await createPerson(ctx, { name });
    const whole = (await listPeople(ctx, {})).items.map((p) => p.id);
    for (const size of [1, 2, 3, 5]) {
      const paged: string[] = [];
      for (let offset = 0; offset < whole.length; offset += size) paged.push(...(await listPeople(ctx, { limit: size, offset })).items.map((p) => p.id));
      expect(paged, `pages of ${size}`).toEqual(whole);
    }
    const anas = (await listPeople(ctx, {})).items.filter((p) => sortKey(p.name) === 'ana silva');
    expect(anas.map((p) => p.id)).toEqual([...anas.map((p) => p.id)].sort());
    // Another order falls back on the sort name between equal strengths.
    expect((await names(ctx, 'strength')).slice(0, 2)).toEqual((await names(ctx)).slice(0, 2));
  });

  it('a restored backup and a bulk load keep the sort name', async () => {
    const ctx = await titled();
    const backup = await exportBackup(ctx);
    expect(JSON.stringify(backup)).not.toContain('sortName');
    const restored = (await world.another()).ctx;
    await restoreBackup(restored, JSON.parse(JSON.stringify(backup)));
    await expectSortNamesKept(restored);
    expect(await names(restored)).toEqual(await names(ctx));

    const loaded = (await world.another()).ctx;
    const people = ['Prof. Zoe Adams', 'Dr Ana Silva', 'Mr Bruno Costa'].map((name, i) => buildPerson({ id: `per_bulk${i}`, name }));
    await bulkLoad(loaded, { people, networks: [], goals: [], memberships: [], goalLinks: [], ties: [], exchanges: [], introductions: [] });
    expect(await names(loaded)).toEqual(['Dr Ana Silva', 'Mr Bruno Costa', 'Prof. Zoe Adams']);
    await expectSortNamesKept(loaded);
  });
});
