import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { personDetail } from './details.js';
import ICAL from 'ical.js';
import { createPerson, listPeople, removePerson } from './people.js';
import { writeVcards } from '../codecs/vcard/write.js';
import { parseVcards } from '../codecs/vcard/read.js';
import { importFile } from './imports.js';
import { calendarIcs } from './ics.js';
import { editPersonDates, listPersonDates, setPersonDates, upcomingDates } from './person-dates.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { freshSession } from '../test-support/fresh-session.js';

describe.each(DIALECTS)('dates that matter on %s', (dialect) => {
  const world = freshSession(dialect, { timeZone: 'Europe/London' });

  it('stores, changes, lists by the window and removes with the person', async () => {
    // A workspace of its own: the windows list every date in the workspace, and other tests add theirs.
    const ctx = await workspaceBeside(world.session.ctx, 'ws_dates_window');
    const ana = (await createPerson(ctx, { name: 'Ana Silva' })).id;
    const bo = (await createPerson(ctx, { name: 'Bo Li' })).id;
    await setPersonDates(ctx, ana, [
      { kind: 'birthday', label: null, month: 11, day: 25, year: 1985 },
      { kind: 'other', label: 'Started at the trust', month: 12, day: 20, year: 2019 },
    ]);
    await editPersonDates(ctx, bo, { birthday: { month: 2, day: 29, year: null } });
    expect(await listPersonDates(ctx, ana)).toEqual([
      { kind: 'birthday', label: null, month: 11, day: 25, year: 1985 },
      { kind: 'other', label: 'Started at the trust', month: 12, day: 20, year: 2019 },
    ]);
    expect((await personDetail(ctx, bo)).dates).toEqual([{ kind: 'birthday', label: null, month: 2, day: 29, year: null }]);

    const week = await upcomingDates(ctx, 7);
    expect(week.from).toBe('2026-11-22');
    expect(week.dates.map((d) => [d.personName, d.on, d.years])).toEqual([['Ana Silva', '2026-11-25', 41]]);
    expect((await upcomingDates(ctx, 'month')).until).toBe('2026-11-30');
    // 2027 has no 29 February: Bo's birthday comes on the 28th.
    expect((await upcomingDates(ctx, 366)).dates.map((d) => [d.personName, d.on])).toEqual([
      ['Ana Silva', '2026-11-25'],
      ['Ana Silva', '2026-12-20'],
      ['Bo Li', '2027-02-28'],
    ]);

    await editPersonDates(ctx, ana, { birthday: null });
    expect((await listPersonDates(ctx, ana)).map((d) => d.kind)).toEqual(['other']);
    await removePerson(ctx, ana);
    expect((await upcomingDates(ctx, 366)).dates.map((d) => d.personName)).toEqual(['Bo Li']);
  });

  it('all or nothing: a list the database refuses leaves the old dates', async () => {
    const ctx = world.session.ctx;
    const kofi = (await createPerson(ctx, { name: 'Kofi Mensah' })).id;
    await setPersonDates(ctx, kofi, [{ kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 }]);
    await expect(setPersonDates(ctx, kofi, [{ kind: 'birthday', label: null, month: 1, day: 1, year: null }, { kind: 'birthday', label: null, month: 13, day: 40, year: null }])).rejects.toThrow();
    expect(await listPersonDates(ctx, kofi)).toEqual([{ kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 }]);
  });

  it("another workspace neither sees nor changes a person's dates", async () => {
    const ctx = world.session.ctx;
    const mine = (await createPerson(ctx, { name: 'Private Person' })).id;
    await setPersonDates(ctx, mine, [{ kind: 'birthday', label: null, month: 11, day: 23, year: null }]);
    const other = await workspaceBeside(ctx, 'ws_other');
    await expect(listPersonDates(other, mine)).rejects.toThrow(/No person/);
    await expect(setPersonDates(other, mine, [])).rejects.toThrow(/No person/);
    expect((await upcomingDates(other, 366)).dates).toEqual([]);
    expect(await listPersonDates(ctx, mine)).toHaveLength(1);
  });
});

describe('dates through vCard, Google CSV and ICS (sqlite)', () => {
  const world = freshSession('sqlite', { timeZone: 'Europe/London' });

  it('vCard 4.0 and 3.0 write BDAY and ANNIVERSARY that our reader reads back', async () => {
    const ana = await createPerson(world.session.ctx, { name: 'Ana Silva' });
    const dates = new Map([[ana.id, [
      { kind: 'birthday' as const, label: null, month: 4, day: 12, year: null },
      { kind: 'anniversary' as const, label: null, month: 6, day: 1, year: 2010 },
    ]]]);
    for (const version of ['4.0', '3.0'] as const) {
      const text = writeVcards([ana], version, { dates });
      const [contact] = parseVcards(text).contacts;
      expect(contact?.birthday, version).toBe('--04-12');
      expect(contact?.anniversary, version).toBe('2010-06-01');
    }
    expect(writeVcards([ana], '4.0', { dates })).toContain('BDAY:--0412\r\n');
  });

  it("named dates go out as Apple's X-ABDATE and come back as the same dates, in vCard 4.0 and 3.0; importing again adds nothing", async () => {
    const ctx = world.session.ctx;
    const rosa = await createPerson(ctx, { name: 'Rosa Jiménez', channels: [{ kind: 'email', value: 'rosa@example.org' }] });
    const stored = [
      { kind: 'birthday' as const, label: null, month: 2, day: 29, year: 1984 },
      { kind: 'anniversary' as const, label: null, month: 6, day: 1, year: null },
      { kind: 'other' as const, label: 'Started at the trust; then, the ward', month: 9, day: 1, year: 2019 },
      { kind: 'other' as const, label: 'Named day', month: 12, day: 24, year: null },
    ];
    await setPersonDates(ctx, rosa.id, stored);
    for (const version of ['4.0', '3.0'] as const) {
      const text = writeVcards([rosa], version, { dates: new Map([[rosa.id, stored]]) });
      expect(text, version).toMatch(/item\d+\.X-ABDATE/);
      const [contact] = parseVcards(text).contacts;
      expect(contact, version).toMatchObject({
        birthday: '1984-02-29',
        anniversary: '--06-01',
        namedDates: [
          { label: 'Started at the trust; then, the ward', date: '2019-09-01' },
          { label: 'Named day', date: '--12-24' },
        ],
      });
      expect(contact!.notes, version).toBeNull();
      // Into a map where she is already: merged by email, and nothing added twice.
      await importFile(ctx, new TextEncoder().encode(text));
      expect(await listPersonDates(ctx, rosa.id), version).toEqual(stored);
    }

    // Into an empty map: a new person with all four dates, and a second import adds none.
    await removePerson(ctx, rosa.id);
    const text = writeVcards([rosa], '3.0', { dates: new Map([[rosa.id, stored]]) });
    await importFile(ctx, new TextEncoder().encode(text));
    await importFile(ctx, new TextEncoder().encode(text));
    const again = (await listPeople(ctx, { search: 'Rosa' })).items;
    expect(again).toHaveLength(1);
    expect(await listPersonDates(ctx, again[0]!.id)).toEqual(stored);
  });

  it("an Apple card's anniversary under `_$!<Anniversary>!$_` becomes the person's anniversary", async () => {
    const apple = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Osei;Kwame;;;', 'FN:Kwame Osei', 'item1.X-ABDATE;type=pref:2012-08-18', 'item1.X-ABLabel:_$!<Anniversary>!$_', 'item2.X-ABDATE:2020-02-03', 'item2.X-ABLabel:First met', 'END:VCARD', ''].join('\r\n');
    await importFile(world.session.ctx, new TextEncoder().encode(apple));
    const kwame = (await listPeople(world.session.ctx, { search: 'Kwame Osei' })).items[0]!;
    expect(await listPersonDates(world.session.ctx, kwame.id)).toEqual([
      { kind: 'anniversary', label: null, month: 8, day: 18, year: 2012 },
      { kind: 'other', label: 'First met', month: 2, day: 3, year: 2020 },
    ]);
  });

  it('a Google CSV birthday becomes the person’s birthday, not a note, and the ICS export repeats it yearly', async () => {
    const csv = 'Name,Given Name,Family Name,Birthday,E-mail 1 - Type,E-mail 1 - Value\r\nKofi Mensah,Kofi,Mensah,1984-02-29,* Other,kofi@example.org\r\n';
    const outcome = await importFile(world.session.ctx, new TextEncoder().encode(csv));
    expect(outcome.format).toBe('google');
    const kofi = (await listPeople(world.session.ctx, { search: 'Kofi' })).items[0]!;
    expect(kofi.notes).toBeNull();
    expect(await listPersonDates(world.session.ctx, kofi.id)).toEqual([{ kind: 'birthday', label: null, month: 2, day: 29, year: 1984 }]);

    const ics = await calendarIcs(world.session.ctx);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.summary === 'Birthday: Kofi Mensah');
    expect(event).toBeDefined();
    expect(event!.startDate.toString()).toBe('1984-02-29');
    const iterator = event!.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next && seen.length < 6; next = iterator.next()) seen.push(next.toString());
    expect(seen).toEqual(['1984-02-29', '1985-02-28', '1986-02-28', '1987-02-28', '1988-02-29', '1989-02-28']);
  });
});
