import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { linkedInArchiveFiles } from '../../test-support/capture-fixtures.js';
import { linkedInActivities, parseInvitationDate, parseMessageDate, unpackLinkedInArchive } from './archive.js';

const zip = (files: Record<string, string | Uint8Array>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, body]) => [name, typeof body === 'string' ? strToU8(body) : body])));

describe("LinkedIn's archive", () => {
  it('takes Connections.csv, messages.csv and Invitations.csv from the ZIP, wherever they sit, and nothing else', () => {
    const files = linkedInArchiveFiles();
    const entries = unpackLinkedInArchive(zip({ ...files, 'Basic_LinkedInDataExport_11-22-2026/messages.csv': 'ignored: the first one counts' }));
    expect(Object.keys(entries).sort()).toEqual(['connections', 'invitations', 'messages']);
    expect(new TextDecoder().decode(entries.messages)).toBe(files['messages.csv']);
  });

  it('gives one activity per conversation and day, knows the user as the profile in every message, and turns invitations sent into stage steps', () => {
    const read = linkedInActivities(unpackLinkedInArchive(zip(linkedInArchiveFiles())), 'Europe/London');
    expect(read.items).toBe(8);
    expect(read.activities.map((a) => [a.occurredOn, a.initiatedBy, a.stageTo ?? a.channel, a.leftOut ?? '', a.participants.map((p) => p.name).join(', ')])).toEqual([
      ['2026-10-01', 'me', 'social-media', '', 'Ana Silva'],
      ['2026-10-03', 'them', 'social-media', '', 'Ana Silva'],
      ['2026-09-10', 'them', 'social-media', '', 'Kofi Mensah'],
      ['2026-08-01', 'them', 'social-media', '', 'Zed Stranger'],
      ['2026-11-02', 'me', 'reached-out', '', 'Bo Li'],
      ['2025-12-20', 'me', 'reached-out', '', 'Ana Silva'],
      ['2026-11-05', 'me', 'reached-out', 'invitation-to-you', ''],
    ]);
    expect(read.activities[2]!.participants[0]!.profile).toBe('linkedin.com/in/kofi-mensah');
  });

  it('reads the dates as the export writes them', () => {
    expect(parseMessageDate('2026-03-18 16:57:46 UTC')).toBe(Date.parse('2026-03-18T16:57:46Z'));
    expect(parseInvitationDate('3/18/26, 4:57 PM')).toBe(Date.parse('2026-03-18T16:57:00Z'));
    expect(parseInvitationDate('12/1/2025, 12:05 AM')).toBe(Date.parse('2025-12-01T00:05:00Z'));
    expect(parseInvitationDate('yesterday')).toBeNull();
  });

  it('refuses a ZIP bomb while it inflates, whatever sizes the archive claims: by its ratio, and by the entry limit', () => {
    const zeros = zip({ 'messages.csv': new Uint8Array(40 * 1024 * 1024) });
    expect(() => unpackLinkedInArchive(zeros)).toThrow('messages.csv in the archive inflates over 100 times its size: refused (a ZIP bomb, or a damaged archive)');
    // 20 MB of zeros deflates to about 20 KB; the limit here is 1 MB.
    const bomb = zip({ 'messages.csv': new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(() => unpackLinkedInArchive(bomb, 1024 * 1024)).toThrow('messages.csv in the archive inflates past 1 MB: refused (a damaged archive, or a ZIP bomb)');
  });

  it('refuses what is not an archive, a cut-off archive and one without the files, saying why', () => {
    expect(() => unpackLinkedInArchive(strToU8('First Name,Last Name\n'))).toThrow(/not a ZIP archive/);
    const whole = zip(linkedInArchiveFiles());
    expect(() => unpackLinkedInArchive(whole.subarray(0, Math.floor(whole.byteLength / 3)))).toThrow(/cannot be read|holds none/);
    expect(() => unpackLinkedInArchive(zip({ 'Profile.csv': 'First Name\nMe\n' }))).toThrow(/holds none of Connections.csv, messages.csv or Invitations.csv/);
  });

  it('names the entry and line of a broken CSV inside', () => {
    const files = { ...linkedInArchiveFiles(), 'messages.csv': 'CONVERSATION ID,FROM,DATE\r\n1,"Ana,2026-10-01 09:00:00 UTC\r\n' };
    expect(() => linkedInActivities(unpackLinkedInArchive(zip(files)), 'UTC')).toThrow(/^line 2: messages.csv: /);
  });
});
