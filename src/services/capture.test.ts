import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { strToU8, zipSync } from 'fflate';
import { gmailTakeoutMbox, googleCalendarExport, linkedInArchiveFiles, outlookCalendarExport } from '../test-support/capture-fixtures.js';
import { captureFile, type CaptureOutcome } from './capture.js';
import type { ServiceContext } from './context.js';
import { listExchanges, logExchange } from './exchanges.js';
import { createPerson, getPerson, listPeople } from './people.js';
import { updateProfile } from './workspace.js';
import { freshSession } from '../test-support/fresh-session.js';

const bytes = (text: string) => [new TextEncoder().encode(text)];
const dates = (outcome: CaptureOutcome) => outcome.proposals.map((p) => [p.occurredOn, p.channel, p.initiatedBy, p.people.map((x) => x.name).join(' + ')]);

describe.each(DIALECTS)('capturing a calendar on %s', (dialect) => {
  const world = freshSession(dialect, { timeZone: 'Europe/London' });
  /** Each test's own workspace: the user's address, and Ana, Kofi and Bo on the map, nothing captured yet. */
  let workspaces = 0;
  async function calendarWorld(): Promise<{ ctx: ServiceContext; ana: string }> {
    const ctx = await workspaceBeside(world.session.ctx, `ws_calendar_${++workspaces}`);
    await updateProfile(ctx, { emails: ['Me@Example.org'] });
    const ana = (await createPerson(ctx, { name: 'Ana Silva', cadence: '1m', channels: [{ kind: 'email', value: 'ana@example.org' }] })).id;
    await createPerson(ctx, { name: 'Kofi Mensah', channels: [{ kind: 'email', value: 'KOFI@example.org' }] });
    await createPerson(ctx, { name: 'Bo Li' });
    return { ctx, ana };
  }

  it('previews a Google Calendar export: recurrence, an exception, an EXDATE and time zones, each proposal with its reason; nothing stored', async () => {
    const { ctx } = await calendarWorld();
    const preview = await captureFile(ctx, bytes(googleCalendarExport()), { format: 'calendar', dryRun: true });
    expect(preview.window).toEqual({ from: '2025-11-22', to: '2026-11-22' });
    expect(dates(preview)).toEqual([
      ['2026-03-10', 'coffee', 'me', 'Ana Silva'],
      ['2026-09-01', 'call', 'me', 'Bo Li'],
      ['2026-10-06', 'video', 'them', 'Kofi Mensah'],
      ['2026-10-13', 'video', 'them', 'Kofi Mensah'],
      ['2026-10-28', 'video', 'them', 'Kofi Mensah'],
      ['2026-11-03', 'video', 'them', 'Kofi Mensah'],
      ['2026-11-10', 'video', 'them', 'Kofi Mensah'],
    ]);
    const coffee = preview.proposals[0]!;
    expect(coffee.note).toBe('Coffee with Ana (at Café Lisboa, Rua das Flores 12, Porto)');
    expect(coffee.reason).toBe('Ana Silva (by email); coffee: in person at Café Lisboa, Rua das Flores 12, Porto');
    expect(preview.proposals[1]!.reason).toBe('Bo Li (by name); call: a phone number (+44 20 7946 0000)');
    expect(preview.proposals[2]!.reason).toContain('a conference link (meet.google.com)');
    expect(preview.proposals[4]!.note).toBe('Research sync (moved)');
    expect(Object.fromEntries(preview.skipped.map((s) => [s.reason, s.count]))).toEqual({ 'no-one-on-the-map': 1, 'all-day': 1, private: 1, 'in-the-future': 1, 'outside-window': 1 });
    expect(preview.summary).toMatchObject({ proposed: 7, skipped: 5, records: 12, logged: 0 });
    expect((await listExchanges(ctx)).total).toBe(0);
  });

  it('logs every proposal in one go, moves stages and next contacts, and proposes nothing when imported again', async () => {
    const { ctx, ana } = await calendarWorld();
    const outcome = await captureFile(ctx, bytes(googleCalendarExport()), { format: 'calendar' });
    expect(outcome.summary).toMatchObject({ proposed: 7, logged: 7, declined: 0 });
    const journal = await listExchanges(ctx, { personId: ana });
    expect(journal.items.map((e) => [e.occurredOn, e.channel, e.notes])).toEqual([['2026-03-10', 'coffee', 'Coffee with Ana (at Café Lisboa, Rua das Flores 12, Porto)']]);
    const person = await getPerson(ctx, ana);
    expect(person.lastExchangeOn).toBe('2026-03-10');
    expect(person.nextContact?.date).toBe('2026-04-10');

    const again = await captureFile(ctx, bytes(googleCalendarExport()), { format: 'calendar' });
    expect(again.proposals).toEqual([]);
    expect(again.skipped.find((s) => s.reason === 'already-captured')?.count).toBe(7);
    expect((await listExchanges(ctx)).total).toBe(7);
  });

  it('reads an Outlook export (Windows zone names, a cancelled instance) and lets the user choose: the declined one is never proposed again', async () => {
    const { ctx, ana } = await calendarWorld();
    const preview = await captureFile(ctx, bytes(outlookCalendarExport()), { format: 'calendar', dryRun: true });
    expect(dates(preview)).toEqual([
      ['2026-05-15', 'lunch', 'them', 'Kofi Mensah'],
      ['2026-06-15', 'lunch', 'them', 'Kofi Mensah'],
      ['2026-08-15', 'lunch', 'them', 'Kofi Mensah'],
      ['2026-11-19', 'video', 'me', 'Ana Silva + Kofi Mensah'],
    ]);
    expect(preview.skipped).toEqual([{ reason: 'cancelled', count: 1, text: 'cancelled' }]);
    const june = preview.proposals[1]!.key;
    const outcome = await captureFile(ctx, bytes(outlookCalendarExport()), { format: 'calendar', skip: [june] });
    expect(outcome.summary).toMatchObject({ logged: 3, declined: 1 });
    expect(outcome.proposals.find((p) => p.key === june)?.decision).toBe('declined');
    const person = await getPerson(ctx, ana);
    expect(person.lastExchangeOn).toBe('2026-11-19');
    expect(person.nextContact?.date).toBe('2026-12-19');

    const again = await captureFile(ctx, bytes(outlookCalendarExport()), { format: 'calendar', dryRun: true });
    expect(again.proposals).toEqual([]);
    expect(Object.fromEntries(again.skipped.map((s) => [s.reason, s.count]))).toEqual({ 'already-captured': 3, 'already-declined': 1, cancelled: 1 });
  });

  it('another workspace on the same database sees none of it: its own people only, nothing captured before', async () => {
    const { ctx } = await calendarWorld();
    expect((await captureFile(ctx, bytes(googleCalendarExport()), { format: 'calendar' })).summary).toMatchObject({ logged: 7 });
    const other = await workspaceBeside(ctx, `${ctx.workspaceId}_other`);
    await createPerson(other, { name: 'Ana Silva', channels: [{ kind: 'email', value: 'ana@example.org' }] });
    const preview = await captureFile(other, bytes(googleCalendarExport()), { format: 'calendar', dryRun: true });
    // Ana's coffee is proposed anew (the first workspace's answer is its own); Kofi and Bo are not on this map.
    expect(dates(preview)).toEqual([['2026-03-10', 'coffee', 'mutual', 'Ana Silva']]);
    expect(preview.skipped.find((s) => s.reason === 'already-captured')).toBeUndefined();
    await captureFile(other, bytes(googleCalendarExport()), { format: 'calendar' });
    expect((await listExchanges(other)).total).toBe(1);
    expect((await listExchanges(ctx)).total).toBe(7);
  });

  it('refuses a choice that names no proposal, and a broken file with its line, storing nothing', async () => {
    const { ctx } = await calendarWorld();
    const before = (await listExchanges(ctx)).total;
    await expect(captureFile(ctx, bytes(googleCalendarExport()), { format: 'calendar', skip: ['cap_nothing'] })).rejects.toThrow(/cap_nothing is not one of this file's proposals/);
    const broken = googleCalendarExport().replace('SUMMARY:Coffee with Ana', 'SUMMARY Coffee with Ana');
    const line = broken.split('\r\n').findIndex((l) => l === 'SUMMARY Coffee with Ana') + 1;
    await expect(captureFile(ctx, bytes(broken), { format: 'calendar' })).rejects.toThrow(`line ${line}: not a calendar line`);
    const cut = googleCalendarExport().slice(0, googleCalendarExport().indexOf('END:VEVENT'));
    await expect(captureFile(ctx, bytes(cut), { format: 'calendar' })).rejects.toThrow(/BEGIN:VEVENT is never closed: the file is cut off/);
    expect((await listExchanges(ctx)).total).toBe(before);
  });
});

describe.each(DIALECTS)('capturing a mailbox on %s', (dialect) => {
  const world = freshSession(dialect, { timeZone: 'Europe/London' });
  /** Each test's own workspace: four people on the map, the user's own addresses not given yet. */
  let workspaces = 0;
  async function mailboxWorld(): Promise<ServiceContext> {
    const ctx = await workspaceBeside(world.session.ctx, `ws_mailbox_${++workspaces}`);
    await createPerson(ctx, { name: 'Ana Silva', channels: [{ kind: 'email', value: 'ana@example.org' }] });
    await createPerson(ctx, { name: 'Kofi Mensah', channels: [{ kind: 'email', value: 'kofi@example.org' }] });
    await createPerson(ctx, { name: 'Jose Muller' });
    await createPerson(ctx, { name: 'Юлия Смирнова', channels: [{ kind: 'email', value: 'Yulia@Example.ru' }] });
    return ctx;
  }

  it('asks for the user\'s own addresses first: without them, sent and received cannot be told apart', async () => {
    const ctx = await mailboxWorld();
    await expect(captureFile(ctx, bytes(gmailTakeoutMbox()), { format: 'mbox', dryRun: true })).rejects.toThrow(/waggle profile set --email/);
  });

  it('proposes one email exchange per thread and day, who started it, and the last contact with each person', async () => {
    const ctx = await mailboxWorld();
    await updateProfile(ctx, { emails: ['me@example.org'] });
    const preview = await captureFile(ctx, bytes(gmailTakeoutMbox()), { format: 'mbox', dryRun: true });
    expect(preview.items).toBe(10);
    expect(dates(preview)).toEqual([
      ['2026-08-01', 'email', 'me', 'Ana Silva'],
      ['2026-09-15', 'email', 'me', 'Юлия Смирнова'],
      ['2026-10-10', 'email', 'them', 'Jose Muller + Kofi Mensah'],
      ['2026-11-02', 'email', 'me', 'Ana Silva'],
      ['2026-11-04', 'email', 'them', 'Ana Silva'],
    ]);
    expect(preview.proposals[2]!.reason).toBe('Jose Muller (by name), Kofi Mensah (by email); email: 1 message in the thread that day');
    expect(preview.skipped).toEqual([{ reason: 'no-one-on-the-map', count: 1, text: 'no one in it is on your map' }]);
    expect(preview.warnings.map((w) => w.message)).toEqual(['1 message(s) have no readable Date header and were left out']);
    expect(preview.lastContacts.map((c) => [c.name, c.on])).toEqual([
      ['Ana Silva', '2026-11-04'],
      ['Jose Muller', '2026-10-10'],
      ['Kofi Mensah', '2026-10-10'],
      ['Юлия Смирнова', '2026-09-15'],
    ]);
  });

  it('logs them, and a second import proposes nothing; a day already in the journal is not proposed', async () => {
    const ctx = await mailboxWorld();
    await updateProfile(ctx, { emails: ['me@example.org'] });
    const ana = (await listPeople(ctx, { search: 'Ana Silva' })).items[0]!;
    await logExchange(ctx, { personIds: [ana.id], occurredOn: '2026-08-01', channel: 'email', notes: 'typed by hand' });
    const outcome = await captureFile(ctx, bytes(gmailTakeoutMbox()), { format: 'mbox', only: [] });
    expect(outcome.summary).toMatchObject({ logged: 4, declined: 0 });
    expect(outcome.skipped.find((s) => s.reason === 'already-in-journal')?.count).toBe(1);
    expect((await listExchanges(ctx)).items.filter((e) => e.channel === 'email')).toHaveLength(5);
    const again = await captureFile(ctx, bytes(gmailTakeoutMbox()), { format: 'mbox' });
    expect(again.summary).toMatchObject({ proposed: 0, logged: 0 });
    expect(again.skipped.find((s) => s.reason === 'already-captured')?.count).toBe(4);
    expect((await listExchanges(ctx)).total).toBe(5);
  });
});

describe.each(DIALECTS)("capturing LinkedIn's archive on %s", (dialect) => {
  const world = freshSession(dialect, { timeZone: 'Europe/London' });
  const archive = () => [zipSync(Object.fromEntries(Object.entries(linkedInArchiveFiles()).map(([name, body]) => [name, strToU8(body)])))];
  /** Each test's own workspace: Ana (met) and Bo (to meet) on the map, nothing from the archive yet. */
  let workspaces = 0;
  async function archiveWorld(): Promise<{ ctx: ServiceContext; bo: string }> {
    const ctx = await workspaceBeside(world.session.ctx, `ws_archive_${++workspaces}`);
    await createPerson(ctx, { name: 'Ana Silva', stage: 'met', channels: [{ kind: 'email', value: 'ana@example.org' }] });
    const bo = (await createPerson(ctx, { name: 'Bo Li', stage: 'to-meet', channels: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/bo-li/' }] })).id;
    return { ctx, bo };
  }

  it('previews Connections.csv, the messages and the invitations together, and stores nothing', async () => {
    const { ctx } = await archiveWorld();
    const preview = await captureFile(ctx, archive(), { format: 'linkedin-archive', dryRun: true });
    expect(preview.contacts).toEqual({ records: 2, created: 1, merged: 1, skipped: 0 });
    expect(preview.proposals.map((p) => [p.occurredOn, p.kind, p.initiatedBy, p.people.map((x) => `${x.name} by ${x.matchedBy}`).join(', ')])).toEqual([
      ['2026-09-10', 'exchange', 'them', 'Kofi Mensah by profile'],
      ['2026-10-01', 'exchange', 'me', 'Ana Silva by profile'],
      ['2026-10-03', 'exchange', 'them', 'Ana Silva by profile'],
      ['2026-11-02', 'stage', 'me', 'Bo Li by profile'],
    ]);
    expect(preview.proposals[3]!.reason).toBe('Bo Li (by profile); to meet → reached out: an invitation you sent on LinkedIn (Invitations.csv)');
    expect(Object.fromEntries(preview.skipped.map((s) => [s.reason, s.count]))).toEqual({ 'no-one-on-the-map': 1, 'already-further': 1, 'invitation-to-you': 1 });
    expect((await listPeople(ctx)).total).toBe(2);
    expect((await listExchanges(ctx)).total).toBe(0);
  });

  it('imports it all in one transaction: people, exchanges and the stage; and again proposes and creates nothing', async () => {
    const { ctx, bo } = await archiveWorld();
    const outcome = await captureFile(ctx, archive(), { format: 'linkedin-archive' });
    expect(outcome.summary).toMatchObject({ logged: 4, declined: 0 });
    expect((await listPeople(ctx)).items.map((p) => [p.name, p.stage, p.source])).toEqual([
      ['Ana Silva', 'met', 'manual'],
      ['Bo Li', 'reached-out', 'manual'],
      // Imported "dormant"; the exchange logged with him wakes him.
      ['Kofi Mensah', 'in-touch', 'linkedin'],
    ]);
    expect((await getPerson(ctx, bo)).stage).toBe('reached-out');
    expect((await listExchanges(ctx)).items.map((e) => [e.occurredOn, e.channel, e.initiatedBy])).toEqual([
      ['2026-10-03', 'social-media', 'them'],
      ['2026-10-01', 'social-media', 'me'],
      ['2026-09-10', 'social-media', 'them'],
    ]);
    const again = await captureFile(ctx, archive(), { format: 'linkedin-archive' });
    expect(again.contacts).toMatchObject({ created: 0 });
    expect(again.summary).toMatchObject({ proposed: 0, logged: 0 });
    expect((await listPeople(ctx)).total).toBe(3);
    expect((await listExchanges(ctx)).total).toBe(3);
  });
});
