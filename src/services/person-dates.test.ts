import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import { sequentialIds } from './context.js';
import { personDetail } from './details.js';
import { createPerson, removePerson } from './people.js';
import { editPersonDates, listPersonDates, setPersonDates, upcomingDates } from './person-dates.js';
import { openSession, type Session } from './session.js';
import { ensureWorkspace } from './workspace.js';

describe.each(DIALECTS)('dates that matter on %s', (dialect) => {
  let session: Session;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    dispose = db.dispose;
    session = await openSession(db.config, { clock: { now: () => new Date('2026-11-22T10:00:00Z') }, ids: sequentialIds(), defaultTimeZone: 'Europe/London' });
  });
  afterAll(async () => {
    await session.close();
    await dispose();
  });

  it('stores, changes, lists by the window and removes with the person', async () => {
    const ctx = session.ctx;
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
    const ctx = session.ctx;
    const kofi = (await createPerson(ctx, { name: 'Kofi Mensah' })).id;
    await setPersonDates(ctx, kofi, [{ kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 }]);
    await expect(setPersonDates(ctx, kofi, [{ kind: 'birthday', label: null, month: 1, day: 1, year: null }, { kind: 'birthday', label: null, month: 13, day: 40, year: null }])).rejects.toThrow();
    expect(await listPersonDates(ctx, kofi)).toEqual([{ kind: 'anniversary', label: null, month: 6, day: 1, year: 2010 }]);
  });

  it("another workspace neither sees nor changes a person's dates", async () => {
    const ctx = session.ctx;
    const mine = (await createPerson(ctx, { name: 'Private Person' })).id;
    await setPersonDates(ctx, mine, [{ kind: 'birthday', label: null, month: 11, day: 23, year: null }]);
    const other = { ...ctx, workspaceId: await ensureWorkspace(ctx.db, ctx.clock, 'Europe/London', 'ws_other') };
    await expect(listPersonDates(other, mine)).rejects.toThrow(/No person/);
    await expect(setPersonDates(other, mine, [])).rejects.toThrow(/No person/);
    expect((await upcomingDates(other, 366)).dates).toEqual([]);
    expect(await listPersonDates(ctx, mine)).toHaveLength(1);
  });
});
