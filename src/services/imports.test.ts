import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import type { ServiceContext } from './context.js';
import { exportBackup } from './export/backup.js';
import { importFile } from './imports.js';
import { createPerson, listPeople } from './people.js';
import { freshSession } from '../test-support/fresh-session.js';

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ana,Silva,https://www.linkedin.com/in/ana-silva,ana@example.org,"Hospital Norte, Porto",Head of Research,07 Dec 2025',
  'Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah,,"The ""Breathe"" Trust",Director,15 Mar 2024',
  ',,https://www.linkedin.com/in/nobody,,,,01 Jan 2020',
  'Юлия,Смирнова,https://www.linkedin.com/in/yulia,,МГУ,Researcher,02 Feb 2023',
  '',
].join('\r\n');
const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(DIALECTS)('importing contacts on %s', (dialect) => {
  const world = freshSession(dialect);

  /** Each test's own workspace, holding Ana as typed by hand before any import: an import must not overwrite her. */
  let workspaces = 0;
  async function withAnaTyped(): Promise<ServiceContext> {
    const ctx = await workspaceBeside(world.session.ctx, `ws_import_${++workspaces}`);
    await createPerson(ctx, { name: 'Ana Silva', organisation: 'Her own words', channels: [{ kind: 'email', value: 'ANA@example.org' }] });
    return ctx;
  }
  /** The same, after the file has been imported once. */
  async function withFileImported(): Promise<ServiceContext> {
    const ctx = await withAnaTyped();
    await importFile(ctx, bytes(LINKEDIN), { fileName: 'Connections.csv' });
    return ctx;
  }

  it('previews line by line and stores nothing', async () => {
    const ctx = await withAnaTyped();
    const preview = await importFile(ctx, bytes(LINKEDIN), { fileName: 'Connections.csv', dryRun: true });
    expect(preview.format).toBe('linkedin');
    expect(preview.summary).toEqual({ records: 4, created: 2, merged: 1, skipped: 1 });
    expect(preview.lines.map((l) => [l.line, l.action])).toEqual([
      [5, 'merge'],
      [6, 'create'],
      [7, 'skip'],
      [8, 'create'],
    ]);
    expect((await listPeople(ctx)).total).toBe(1);
  });

  it('imports, keeps where people came from, and never overwrites what was typed by hand', async () => {
    const ctx = await withAnaTyped();
    const outcome = await importFile(ctx, bytes(LINKEDIN), { fileName: 'Connections.csv' });
    expect(outcome.summary).toEqual({ records: 4, created: 2, merged: 1, skipped: 1 });
    const people = (await listPeople(ctx)).items;
    const ana = people.find((p) => p.name === 'Ana Silva')!;
    expect(ana.organisation).toBe('Her own words');
    expect(ana.role).toBe('Head of Research');
    expect(ana.tieBeganOn).toBe('2025-12-07');
    expect(ana.channels.map((c) => c.kind).sort()).toEqual(['email', 'linkedin']);
    const kofi = people.find((p) => p.name === 'Kofi Mensah')!;
    expect(kofi).toMatchObject({ organisation: 'The "Breathe" Trust', source: 'linkedin', importedOn: '2026-11-22', stage: 'dormant', strength: 0, importance: 0, tieBeganOn: '2024-03-15' });
    expect(people.some((p) => p.name === 'Юлия Смирнова')).toBe(true);
    expect((await listPeople(ctx, { source: 'linkedin', unjudged: true })).total).toBe(2);
  });

  it('importing the same file twice creates nothing the second time', async () => {
    const ctx = await withFileImported();
    const again = await importFile(ctx, bytes(LINKEDIN), { fileName: 'Connections.csv' });
    expect(again.summary).toEqual({ records: 4, created: 0, merged: 3, skipped: 1 });
    expect((await listPeople(ctx)).total).toBe(3);
  });

  it('writes every new person of a file of several batches whole, ids ascending along the names, and tells the write’s progress to the last', async () => {
    const ctx = await workspaceBeside(world.session.ctx, `ws_import_${++workspaces}`);
    const n = 250;
    // Named so that the names' order is the file's reversed: each person's row must still carry its own line's fields.
    const number = (i: number) => String(n - i).padStart(3, '0');
    const rows = Array.from({ length: n }, (_, i) => `Person,Batch${number(i)},https://www.linkedin.com/in/batch${i},${i % 2 ? `b${i}@example.org` : ''},Org ${i},Role ${i},07 Dec 2025`);
    const written: number[] = [];
    const outcome = await importFile(ctx, bytes(['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\r\n')), {
      fileName: 'Connections.csv',
      onProgress: (phase, done) => {
        if (phase === 'writing') written.push(done);
      },
    });
    expect(outcome.summary).toEqual({ records: n, created: n, merged: 0, skipped: 0 });
    const people = (await listPeople(ctx)).items;
    expect(people).toHaveLength(n);
    const byName = new Map(people.map((p) => [p.name, p]));
    for (let i = 0; i < n; i++) {
      const person = byName.get(`Person Batch${number(i)}`)!;
      expect(person, `line ${i + 2}`).toBeDefined();
      expect({ organisation: person.organisation, role: person.role, tieBeganOn: person.tieBeganOn }).toEqual({ organisation: `Org ${i}`, role: `Role ${i}`, tieBeganOn: '2025-12-07' });
      expect(person.channels.map((c) => c.value)).toEqual([`https://www.linkedin.com/in/batch${i}`, ...(i % 2 ? [`b${i}@example.org`] : [])]);
    }
    const inNameOrder = [...people].sort((a, b) => (a.name < b.name ? -1 : 1)).map((p) => p.id);
    expect(inNameOrder).toEqual([...inNameOrder].sort());
    expect(written.at(-1)).toBe(n);
    expect(written).toEqual([...written].sort((a, b) => a - b));
  });

  it('refuses a file it cannot read whole, with the line, and leaves the data exactly as it was', async () => {
    const ctx = await withFileImported();
    const before = JSON.stringify({ ...(await exportBackup(ctx)), exportedAt: null });
    const broken = LINKEDIN.replace('Юлия,Смирнова', 'New,Person\r\n"Unclosed,quote,here');
    await expect(importFile(ctx, bytes(broken), { fileName: 'Connections.csv' })).rejects.toMatchObject({ name: 'ImportFileError', line: expect.any(Number) });
    await expect(importFile(ctx, bytes(LINKEDIN), { format: 'vcard' })).rejects.toMatchObject({ name: 'ImportFileError' });
    await expect(importFile(ctx, bytes('just some words'), {})).rejects.toMatchObject({ name: 'ImportFileError' });
    expect(JSON.stringify({ ...(await exportBackup(ctx)), exportedAt: null })).toBe(before);
  });

  it('restores a Waggle backup into an empty data folder, and refuses a non-empty one', async () => {
    const ctx = await withFileImported();
    const backup = bytes(JSON.stringify(await exportBackup(ctx)));
    await expect(importFile(ctx, backup, {})).rejects.toMatchObject({ name: 'ConflictError' });
    const target = await world.another();
    const dry = await importFile(target.ctx, backup, { dryRun: true });
    expect(dry.format).toBe('backup');
    expect((await listPeople(target.ctx)).total).toBe(0);
    const restored = await importFile(target.ctx, backup, {});
    expect(restored.summary.created).toBe(3);
    expect((await listPeople(target.ctx)).items.map((p) => p.name).sort()).toEqual((await listPeople(ctx)).items.map((p) => p.name).sort());
  });
});

describe.each(DIALECTS)('merging a large file into the map on %s', (dialect) => {
  const world = freshSession(dialect);

  // More people than one read of the merge takes at a time (1,000), so the second chunk is checked too.
  const ROWS = 1200;
  const file = (withDetails: boolean) =>
    [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...Array.from({ length: ROWS }, (_, i) => `Person,Number${i},https://www.linkedin.com/in/number-${i},${withDetails ? `n${i}@example.org` : ''},${withDetails ? `Company ${i}` : ''},,07 Dec 2025`),
      '',
    ].join('\r\n');

  it('fills each person’s blanks and adds each new address after the ones they have, person by person', async () => {
    expect((await importFile(world.session.ctx, bytes(file(false)), { fileName: 'Connections.csv' })).summary).toEqual({ records: ROWS, created: ROWS, merged: 0, skipped: 0 });
    const outcome = await importFile(world.session.ctx, bytes(file(true)), { fileName: 'Connections.csv' });
    expect(outcome.summary).toEqual({ records: ROWS, created: 0, merged: ROWS, skipped: 0 });
    const people = (await listPeople(world.session.ctx, { limit: 100000 })).items;
    expect(people).toHaveLength(ROWS);
    for (const person of people) {
      const i = person.name.replace('Person Number', '');
      expect(person.organisation).toBe(`Company ${i}`);
      expect(person.channels.map((c) => c.value)).toEqual([`https://www.linkedin.com/in/number-${i}`, `n${i}@example.org`]);
    }
    // Once more: nothing new to add, nothing written.
    expect((await importFile(world.session.ctx, bytes(file(true)), { fileName: 'Connections.csv' })).summary).toEqual({ records: ROWS, created: 0, merged: ROWS, skipped: 0 });
    expect((await listPeople(world.session.ctx, { limit: 100000 })).items.flatMap((p) => p.channels)).toHaveLength(2 * ROWS);
  });
});

describe('a large import on PostgreSQL', () => {
  const world = freshSession('postgres');
  it('tells the planner of its people once committed, as a bulk load does', async () => {
    const { session } = world;
    const rows = Array.from({ length: 1_500 }, (_, i) => `Ana,Planner${i},https://www.linkedin.com/in/planner${i},,Hospital Sul,Nurse,07 Dec 2025`);
    await importFile(session.ctx, bytes(['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\r\n')), { fileName: 'Connections.csv' });
    // ANALYZE sets the table's row estimate; until then a new table's is -1 (never counted).
    const { rows: estimate } = await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = 'people' and relnamespace = current_schema()::regnamespace`.execute(session.ctx.db);
    expect(estimate[0]?.n).toBeGreaterThanOrEqual(1_500);
  }, 120_000);
});
