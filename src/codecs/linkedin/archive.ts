/**
 * LinkedIn's full data export, as it comes: a ZIP holding, among much else,
 * Connections.csv (imported as the contact import does), messages.csv (one
 * social-media exchange per conversation and day) and Invitations.csv (an
 * invitation sent moves someone still "to meet" to "reached out").
 *
 * The ZIP is read with fflate, as a stream: only the three entries are
 * inflated, each counted as it inflates and refused past its limit, so a
 * ZIP bomb (a small file that inflates to gigabytes) costs nothing but the
 * refusal. Entry sizes written in the archive are not trusted.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import type { CapturedActivity, Participant } from '../../core/capture.js';
import { dayFinder } from '../../core/dates.js';
import { profileKey } from '../../core/import-merge.js';
import { ImportFileError } from '../../core/import-types.js';
import { readRecords, withoutBom } from '../csv/reader.js';
import { joinBytes } from '../bytes.js';

/** The most one entry may inflate to. */
export const MAX_ENTRY_BYTES = 200 * 1024 * 1024;
/**
 * Past this much inflated, an entry may be at most MAX_RATIO times the archive
 * read so far: CSV compresses about 5 to 10 to 1, a bomb a thousand to 1, so a
 * bomb is stopped after 16 MB instead of 200.
 */
const RATIO_AFTER_BYTES = 16 * 1024 * 1024;
const MAX_RATIO = 100;

const WANTED = { 'connections.csv': 'connections', 'messages.csv': 'messages', 'invitations.csv': 'invitations' } as const;
type Entry = (typeof WANTED)[keyof typeof WANTED];

export type ArchiveEntries = Partial<Record<Entry, Uint8Array>>;

/** Whether bytes start as a ZIP does (a local file header). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** The three CSV files of the archive, inflated within their limits. */
export function unpackLinkedInArchive(bytes: Uint8Array, limit = MAX_ENTRY_BYTES): ArchiveEntries {
  if (!looksLikeZip(bytes)) throw new ImportFileError(null, 'not a ZIP archive: LinkedIn\'s export comes as a .zip (Settings → Data privacy → Get a copy of your data)');
  const found: ArchiveEntries = {};
  let failure: ImportFileError | null = null;
  let pushed = 0;
  const unzip = new Unzip((file) => {
    const base = file.name.split('/').pop()?.toLowerCase() ?? '';
    const entry = (WANTED as Record<string, Entry | undefined>)[base];
    if (!entry || found[entry] || failure) return;
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new ImportFileError(null, `${file.name} in the archive cannot be read: ${error.message}`);
        return;
      }
      size += data.byteLength;
      if (size > limit) {
        failure = new ImportFileError(null, `${file.name} in the archive inflates past ${Math.round(limit / 1024 / 1024)} MB: refused (a damaged archive, or a ZIP bomb)`);
        file.terminate();
        return;
      }
      if (size > RATIO_AFTER_BYTES && size > pushed * MAX_RATIO) {
        failure = new ImportFileError(null, `${file.name} in the archive inflates over ${MAX_RATIO} times its size: refused (a ZIP bomb, or a damaged archive)`);
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) found[entry] = joinBytes(parts);
    };
    try {
      file.start();
    } catch (error) {
      failure = new ImportFileError(null, `${file.name} in the archive cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Fed in slices, so that a bomb is stopped early in its entry, not after it.
    for (let at = 0; at < bytes.byteLength && !failure; at += 64 * 1024) {
      const slice = bytes.subarray(at, Math.min(bytes.byteLength, at + 64 * 1024));
      pushed += slice.byteLength;
      unzip.push(slice, at + 64 * 1024 >= bytes.byteLength);
    }
  } catch (error) {
    if (!failure) failure = new ImportFileError(null, `the archive cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (failure) throw failure;
  if (!found.connections && !found.messages && !found.invitations) throw new ImportFileError(null, 'the archive holds none of Connections.csv, messages.csv or Invitations.csv: is it LinkedIn\'s data export?');
  return found;
}

/** A CSV entry's rows as objects by lower-cased header, each with its line; a broken file names its entry and line. */
function rowsOf(entry: string, bytes: Uint8Array): { line: number; get: (column: string) => string }[] {
  const text = withoutBom(new TextDecoder('utf-8').decode(bytes));
  let rows: ReturnType<typeof readRecords>;
  try {
    rows = readRecords(text, 1);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportFileError(error.line, `${entry}: ${error.reason}`);
    throw error;
  }
  const [head, ...body] = rows;
  const columns = new Map((head?.cells ?? []).map((name, i) => [name.trim().toLowerCase(), i]));
  return body.map((row) => ({ line: row.line, get: (column: string) => (row.cells[columns.get(column) ?? -1] ?? '').trim() }));
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** messages.csv's DATE ("2026-03-18 16:57:46 UTC"); null when unreadable. */
export function parseMessageDate(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(?:UTC|Z|GMT)?$/i.exec(value.trim());
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** Invitations.csv's "Sent At" ("3/18/26, 4:57 PM", in UTC); null when unreadable. */
export function parseInvitationDate(value: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})\s*([AP]M)?$/i.exec(value.trim());
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let hour = Number(m[4]);
  if (m[6]) hour = (hour % 12) + (m[6].toUpperCase() === 'PM' ? 12 : 0);
  const ms = Date.UTC(year, Number(m[1]) - 1, Number(m[2]), hour, Number(m[5]));
  return Number.isNaN(ms) ? null : ms;
}

export interface ArchiveRead {
  activities: CapturedActivity[];
  /** Messages and invitations read. */
  items: number;
  /** Lines whose date could not be read. */
  undated: number[];
}

/**
 * The archive's messages and invitations as activities. The user is not named
 * in the export: they are the one profile in every conversation, so the
 * profile (or, in older exports without links, the name) found in the most
 * messages is taken as theirs.
 */
export function linkedInActivities(entries: ArchiveEntries, timeZone: string): ArchiveRead {
  const dayOf = dayFinder(timeZone);
  const activities: CapturedActivity[] = [];
  const undated: number[] = [];
  let items = 0;
  if (entries.messages) {
    const rows = rowsOf('messages.csv', entries.messages).filter((r) => r.get('is message draft').toLowerCase() !== 'yes');
    items += rows.length;
    const people = (r: (typeof rows)[number]) => {
      const sender: Participant = { email: null, name: r.get('from') || null, profile: r.get('sender profile url') ? profileKey(r.get('sender profile url')) : null };
      const names = splitList(r.get('to'));
      const links = splitList(r.get('recipient profile urls'));
      const recipients: Participant[] = links.length
        ? links.map((link, i) => ({ email: null, name: names.length === links.length ? (names[i] ?? null) : null, profile: profileKey(link) }))
        : names.map((name) => ({ email: null, name, profile: null }));
      return { sender, recipients };
    };
    const idOf = (p: Participant) => p.profile ?? `name:${p.name ?? ''}`;
    const seen = new Map<string, number>();
    for (const r of rows) {
      const { sender, recipients } = people(r);
      for (const p of [sender, ...recipients]) seen.set(idOf(p), (seen.get(idOf(p)) ?? 0) + 1);
    }
    const me = [...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const groups = new Map<string, { line: number; at: number; fromMe: boolean; count: number; participants: Map<string, Participant>; title: string }>();
    for (const r of rows) {
      const at = parseMessageDate(r.get('date'));
      if (at === null) {
        undated.push(r.line);
        continue;
      }
      const conversation = r.get('conversation id') || `line ${r.line}`;
      const key = `linkedin:${conversation}|${dayOf(at)}`;
      const { sender, recipients } = people(r);
      let group = groups.get(key);
      if (!group) {
        group = { line: r.line, at, fromMe: idOf(sender) === me, count: 0, participants: new Map(), title: r.get('conversation title') };
        groups.set(key, group);
      } else if (at < group.at) Object.assign(group, { line: r.line, at, fromMe: idOf(sender) === me });
      group.count += 1;
      for (const p of [sender, ...recipients]) if (idOf(p) !== me && !group.participants.has(idOf(p))) group.participants.set(idOf(p), p);
    }
    for (const [sourceKey, g] of groups) {
      activities.push({
        sourceKey,
        line: g.line,
        occurredOn: dayOf(g.at),
        channel: 'social-media',
        channelReason: `${g.count} LinkedIn message${g.count === 1 ? '' : 's'} that day (messages.csv)`,
        initiatedBy: g.fromMe ? 'me' : 'them',
        note: g.title || null,
        participants: [...g.participants.values()],
      });
    }
  }
  if (entries.invitations) {
    const rows = rowsOf('Invitations.csv', entries.invitations);
    items += rows.length;
    for (const r of rows) {
      const at = parseInvitationDate(r.get('sent at'));
      if (at === null) {
        undated.push(r.line);
        continue;
      }
      const outgoing = r.get('direction').toUpperCase() === 'OUTGOING';
      const link = r.get('inviteeprofileurl');
      const invitee: Participant = { email: null, name: r.get('to') || null, profile: link ? profileKey(link) : null };
      activities.push({
        sourceKey: `linkedin-invitation:${invitee.profile ?? invitee.name ?? r.line}|${dayOf(at)}`,
        line: r.line,
        occurredOn: dayOf(at),
        channel: 'social-media',
        channelReason: 'an invitation you sent on LinkedIn (Invitations.csv)',
        initiatedBy: 'me',
        note: r.get('message') || null,
        participants: outgoing ? [invitee] : [],
        stageTo: 'reached-out',
        ...(outgoing ? {} : { leftOut: 'invitation-to-you' as const }),
      });
    }
  }
  return { activities, items, undated };
}
