import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../services/people.js';
import { updateProfile } from '../services/workspace.js';
import { gmailTakeoutMbox, outlookCalendarExport } from '../test-support/capture-fixtures.js';
import { startServer, type RunningServer } from './serve.js';
import { freshSession } from '../test-support/fresh-session.js';

/** Capture through POST /api/imports over real HTTP: the same route, query and errors as the contact import. */
describe('capture through POST /api/imports', () => {
  const world = freshSession('sqlite', { timeZone: 'Europe/London' });
  let server: RunningServer;
  let bomb: Uint8Array;

  beforeAll(async () => {
    // 100 MB of zeros in about 100 KB: refused after 16 MB of it. Made before any request: on a
    // loaded machine this takes seconds, past the server's keep-alive, and a request after it
    // would land on a connection the server had closed.
    bomb = zipSync({ 'messages.csv': new Uint8Array(100 * 1024 * 1024), 'Invitations.csv': strToU8('From,To\n') });
    await updateProfile(world.session.ctx, { emails: ['me@example.org'] });
    await createPerson(world.session.ctx, { name: 'Ana Silva', channels: [{ kind: 'email', value: 'ana@example.org' }] });
    await createPerson(world.session.ctx, { name: 'Kofi Mensah', channels: [{ kind: 'email', value: 'kofi@example.org' }] });
    server = await startServer(world.session, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (query: string, body: Uint8Array | string, accept?: string) =>
    fetch(`${server.url}/api/imports?${query}`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream', ...(accept ? { accept } : {}) } });

  it('recognises a calendar by its content, previews with progress lines, then logs all but the one skipped', async () => {
    const response = await post('dryRun=true&fileName=export', outlookCalendarExport(), 'application/x-ndjson');
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { progress?: unknown; outcome?: { format: string; proposals: { key: string; occurredOn: string }[] } });
    expect(lines[0]).toMatchObject({ progress: { phase: 'reading' } });
    const preview = lines.at(-1)!.outcome!;
    expect(preview.format).toBe('calendar');
    expect(preview.proposals.map((p) => p.occurredOn)).toEqual(['2026-05-15', '2026-06-15', '2026-08-15', '2026-11-19']);
    const june = preview.proposals[1]!.key;
    const done = (await (await post(`skip=${june}`, outlookCalendarExport())).json()) as { summary: { logged: number; declined: number } };
    expect(done.summary).toMatchObject({ logged: 3, declined: 1 });
    const again = (await (await post('dryRun=true', outlookCalendarExport())).json()) as { summary: { proposed: number } };
    expect(again.summary.proposed).toBe(0);
  });

  it('takes a mailbox as the body and answers with the last contacts', async () => {
    const outcome = (await (await post('dryRun=true&format=mbox', gmailTakeoutMbox())).json()) as { items: number; lastContacts: { name: string; on: string }[] };
    expect(outcome.items).toBe(10);
    expect(outcome.lastContacts.map((c) => [c.name, c.on])).toEqual([
      ['Ana Silva', '2026-11-04'],
      ['Kofi Mensah', '2026-10-10'],
    ]);
  });

  it('refuses hostile and broken input with a 400 that says where and why, and stores nothing', async () => {
    const before = (await (await fetch(`${server.url}/api/exchanges`)).json()) as { items: unknown[] };
    const broken = outlookCalendarExport().replace('END:VEVENT\r\nBEGIN:VEVENT', 'END:VEVENT\r\nnot a calendar line\r\nBEGIN:VEVENT');
    const line = broken.split('\r\n').indexOf('not a calendar line') + 1;
    const refused = await post('', broken);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'validation', message: `line ${line}: not a calendar line (NAME;PARAM=VALUE:VALUE expected): "not a calendar line"`, line } });
    const cut = gmailTakeoutMbox().slice(0, gmailTakeoutMbox().indexOf('From 1866666666666666666') + 60);
    expect(((await (await post('', cut)).json()) as { error: { message: string } }).error.message).toMatch(/the mailbox ends in the middle of the headers/);
    const exploded = await post('fileName=archive.zip', bomb);
    expect(exploded.status).toBe(400);
    expect(((await exploded.json()) as { error: { message: string } }).error.message).toBe('messages.csv in the archive inflates over 100 times its size: refused (a ZIP bomb, or a damaged archive)');
    const after = (await (await fetch(`${server.url}/api/exchanges`)).json()) as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
    // Last: refused by the query's check before the body is read, the server may close this connection.
    const badKey = await post('skip=cap_nothing', outlookCalendarExport());
    expect(badKey.status).toBe(400);
    expect(((await badKey.json()) as { error: { message: string } }).error.message).toMatch(/is not a proposal key/);
  });
});
