/**
 * The CSV importers (linkedin.ts, google.ts, outlook.ts, over reader.ts): LinkedIn's Connections.csv, Google Contacts (current and
 * legacy layouts) and Outlook. Each reads decoded text (see decode.ts) and
 * returns every record of the file either as a contact or as skipped, each with
 * the physical line it starts on; a file that cannot be read as a whole throws
 * ImportFileError with its line.
 *
 * Decisions, the same for every format:
 * - A contact needs a name. A record without one is skipped, as "no name (only
 *   an email)" when it has an email, "no name at all" otherwise; an email's
 *   local part is never made into a name.
 * - Blank lines are not records. Columns are found by their header names, so
 *   column order does not matter and unknown columns are ignored; a row may
 *   have fewer or more cells than the header.
 * - Names, organisations, roles and locations are trimmed with whitespace
 *   collapsed; any script is kept as written. Notes keep their line breaks.
 * - A value the contact cannot hold (an unreadable `Connected On` or birthday)
 *   is never a reason to skip the record: the field stays null and the value is
 *   kept, as written, in the notes ("Connected On: …", "Birthday: …").
 * - Web addresses become `linkedin`, `github`, `x`, `orcid` or `bluesky`
 *   channels by their host, `web` otherwise; the same channel twice is kept once.
 */
import { daysInMonth } from '../../core/dates.js';
import type { ImportedContact, ImportFormat, ParsedFile, SkippedRecord } from '../../core/import-types.js';
import type { ContactKind } from '../../core/vocabulary.js';

// What the formats make of a cell, the same for each.

export function clean(value: string): string {
  // Most cells are words one space apart already: tested once instead of replaced and trimmed,
  // for each of the cells of an import's 30,000 rows (issue 15).
  if (CLEAN_ALREADY.test(value)) return value;
  return value.replace(/\s+/g, ' ').trim();
}

/** Words (no whitespace, as \s says) one space apart, or nothing: what clean leaves as it is. */
const CLEAN_ALREADY = /^(?:\S+(?: \S+)*)?$/;

export function orNull(value: string): string | null {
  return value === '' ? null : value;
}

export function joinName(...parts: string[]): string {
  // Each part cleaned and the non-empty ones joined: what cleaning them joined by spaces gives, without the joined copy.
  let name = '';
  for (const part of parts) {
    const cleaned = clean(part);
    if (cleaned !== '') name = name === '' ? cleaned : `${name} ${cleaned}`;
  }
  return name;
}

export function noteText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

export function addNote(notes: string | null, note: string): string {
  return notes === null ? note : `${notes}\n${note}`;
}

export function isMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

export function isNoDate(value: string): boolean {
  return value === '' || /^[0\s/.-]+$/.test(value);
}

/** Takes a birthday: sets `birthday`, or keeps an unreadable one in the notes. */
export function takeBirthday(contact: ImportedContact, raw: string, read: (value: string) => string | null): void {
  const value = raw.trim();
  if (isNoDate(value)) return;
  const birthday = read(value);
  if (birthday === null) contact.notes = addNote(contact.notes, `Birthday: ${value}`);
  else contact.birthday = birthday;
}

/**
 * Past this many channels and tags, what a contact holds is looked up in a set kept for it, so
 * that a row with thousands of columns or categories is read in linear time. Below it the lists
 * are scanned: a set (and the WeakMap that holds it) for each of 30,000 LinkedIn rows of one or
 * two channels cost more than reading the rows (issue 15).
 */
const SCANNED_UP_TO = 8;

/** The keys of what each contact holds, for contacts past SCANNED_UP_TO. */
const taken = new WeakMap<ImportedContact, Set<string>>();

const channelKey = (kind: ContactKind, value: string) => `channel ${kind} ${kind === 'email' ? value.toLowerCase() : value}`;
const tagKey = (tag: string) => `tag ${tag}`;

/** Whether the contact holds this key already; the key is taken if not. */
function take(contact: ImportedContact, key: string, scan: () => boolean): boolean {
  let keys = taken.get(contact);
  if (!keys && contact.channels.length + contact.tags.length < SCANNED_UP_TO) return scan();
  if (!keys) taken.set(contact, (keys = new Set([...contact.channels.map((c) => channelKey(c.kind, c.value)), ...contact.tags.map(tagKey)])));
  if (keys.has(key)) return true;
  keys.add(key);
  return false;
}

export function addChannel(contact: ImportedContact, kind: ContactKind, raw: string, label: string | null = null): void {
  const value = raw.trim();
  if (value === '') return;
  // A contact's first channel or tag repeats nothing, and no keys are kept for it yet (see take): no key to make.
  if (contact.channels.length === 0 && contact.tags.length === 0) {
    contact.channels = [{ kind, value, label }];
    return;
  }
  const key = channelKey(kind, value);
  if (take(contact, key, () => contact.channels.some((c) => c.kind === kind && channelKey(c.kind, c.value) === key))) return;
  contact.channels = withItem(contact.channels, { kind, value, label });
}

export function addTag(contact: ImportedContact, raw: string): void {
  const tag = clean(raw);
  if (tag === '' || take(contact, tagKey(tag), () => contact.tags.includes(tag))) return;
  contact.tags = withItem(contact.tags, tag);
}

/** Up to this many items, a list grows by a copy of its exact size (see withItem). */
const EXACT_UP_TO = 4;

/**
 * The list with `item` at its end. A short list (a record's one or two channels or tags) is
 * copied at its exact size: V8 grows an array pushed to from empty to room for 17 items, and
 * 30,000 contacts' lists so grown, kept until the import is written, were megabytes that each
 * young-generation collection copied (issue 15). A long list (a vCard's thousands of EMAIL
 * lines) is pushed to, as copying it each time would cost its length squared.
 */
function withItem<T>(list: T[], item: T): T[] {
  if (list.length >= EXACT_UP_TO) {
    list.push(item);
    return list;
  }
  return [...list, item];
}

/**
 * A new contact's channels and tags: one empty list for all, frozen, never added to (addChannel and
 * addTag put a new list in its place), not two of their own for each of 30,000 contacts (issue 15).
 */
const NO_CHANNELS = Object.freeze([]) as unknown as ImportedContact['channels'];
const NO_TAGS = Object.freeze([]) as unknown as string[];

export function newContact(line: number): ImportedContact {
  // Every field a CSV parser sets is in the literal (familyName among them): one set after would
  // give each contact a second, out-of-object store for it.
  return { line, name: null, familyName: null, organisation: null, role: null, location: null, notes: null, channels: NO_CHANNELS, tieBeganOn: null, birthday: null, tags: NO_TAGS };
}

function skipReason(contact: ImportedContact): string {
  return contact.channels.some((c) => c.kind === 'email') ? 'no name (only an email)' : 'no name at all';
}

export function result(format: ImportFormat, drafts: ImportedContact[]): ParsedFile {
  const contacts: ImportedContact[] = [];
  const skipped: SkippedRecord[] = [];
  for (const draft of drafts) {
    if (draft.name === null) skipped.push({ line: draft.line, reason: skipReason(draft) });
    else contacts.push(draft);
  }
  return { format, records: drafts.length, contacts, skipped };
}

export function location(...parts: string[]): string | null {
  return orNull(parts.map(clean).filter((part) => part !== '').join(', '));
}
