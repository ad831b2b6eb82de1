/**
 * vCard 2.1, 3.0 and 4.0 import: one or many cards per file, as Apple Contacts,
 * Google, Outlook and Android write them.
 *
 * Why our own reader and not ical.js: ical.js reads 3.0 and 4.0 well, but not 2.1
 * (quoted-printable with a charset, bare `TEL;CELL` types, base64 blocks ended by a
 * blank line), it gives no line numbers, so a card or an error cannot name its line,
 * and it throws on vendor quirks a phone happily writes. It would also build every
 * photo as a string before we drop it. This reader is line-based and linear: it walks
 * the physical lines once with `indexOf`, never slices the continuation lines of a
 * property it does not use (photos, logos, keys…), and uses no regular expression
 * that can backtrack.
 *
 * The rules, all or nothing: a file that is not vCard, an END without BEGIN, a BEGIN
 * inside a card, a file ending inside a card or a property line without a colon is
 * refused with its line (`ImportFileError`). A readable card with no FN, N or ORG is
 * skipped with its line. Every contact carries the line of its BEGIN:VCARD.
 */
import { MAX_PHOTO_BYTES, photoFromVcardValue, sniffPhotoType } from '../../core/photo.js';
import { classifyUrl } from '../../core/contact-links.js';
import iconv from 'iconv-lite';
import { daysInMonth } from '../../core/dates.js';
import { ImportFileError, type ImportedChannel, type ImportedContact, type ParsedFile } from '../../core/import-types.js';
import { CONTACT_KINDS, type ContactKind } from '../../core/vocabulary.js';

/** Properties the reader uses; the continuation lines of every other one are skipped unread. */
const USED = new Set(['BEGIN', 'END', 'VERSION', 'FN', 'N', 'PHOTO', 'ORG', 'TITLE', 'ROLE', 'EMAIL', 'TEL', 'URL', 'X-SOCIALPROFILE', 'ADR', 'NOTE', 'BDAY', 'ANNIVERSARY', 'X-ANNIVERSARY', 'CATEGORIES', 'X-ABLABEL', 'X-ABDATE']);

/** 2.1 writes encodings as bare parameters (`NOTE;QUOTED-PRINTABLE:`); every other bare parameter is a type. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Types that say nothing a person would call a label. */
const GENERIC_TYPES = new Set(['pref', 'internet', 'x400', 'voice', 'msg']);

/** Google puts every contact in its "My Contacts" system group: not a tag anyone chose. */
const SYSTEM_CATEGORIES = new Set(['myContacts']);

const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;

/** The physical lines of a text, one at a time, without copying the ones nobody reads. */
class LineReader {
  /** The current line: `[start, end)` in the text, without its line break. */
  start = 0;
  end = 0;
  /** Its 1-based number, counting every physical line. */
  number = 0;
  done = false;
  private next: number;
  private readonly breakChar: string;

  constructor(private readonly text: string) {
    this.breakChar = text.includes('\n') ? '\n' : '\r';
    this.next = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.advance();
  }

  advance(): void {
    const { text } = this;
    if (this.next >= text.length) {
      this.done = true;
      this.start = this.end = text.length;
      return;
    }
    this.number += 1;
    this.start = this.next;
    const found = text.indexOf(this.breakChar, this.start);
    const stop = found < 0 ? text.length : found;
    this.next = found < 0 ? text.length : found + 1;
    this.end = stop > this.start && text.charCodeAt(stop - 1) === 0x0d ? stop - 1 : stop;
  }

  firstChar(): number {
    return this.start < this.end ? this.text.charCodeAt(this.start) : -1;
  }

  lastChar(): number {
    return this.start < this.end ? this.text.charCodeAt(this.end - 1) : -1;
  }

  line(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Whether the line opens or closes a card: a quoted-printable soft break never runs into one. */
  isCardBoundary(): boolean {
    const head = this.text.slice(this.start, Math.min(this.end, this.start + 12)).trimEnd().toUpperCase();
    return head === 'BEGIN:VCARD' || head === 'END:VCARD';
  }

  /** A line of bare base64, as some 2.1 writers leave a photo's lines unindented. */
  isBase64(): boolean {
    if (this.start === this.end) return false;
    for (let i = this.start; i < this.end; i++) {
      const c = this.text.charCodeAt(i);
      const ok = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === EQUALS;
      if (!ok) return false;
    }
    return true;
  }
}

interface Property {
  group: string | null;
  /** Upper-cased, without its group. */
  name: string;
  /** Upper-cased parameter names; values without their quotes. */
  params: Map<string, string[]>;
  /** Lower-cased TYPE values, with 2.1's bare parameters. */
  types: string[];
  /** The value as written, before decoding or unescaping. */
  raw: string;
}

/** Where a property's name and parameters end: the first colon outside double quoted parameter values, or -1. */
function colonIn(text: string, start: number, end: number): number {
  let quoted = false;
  let inParameters = false;
  let firstColon = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) {
      if (!quoted) return i;
      if (firstColon < 0) firstColon = i;
    } else if (c === 0x3b) inParameters = true;
    else if (c === 0x22 && inParameters) quoted = !quoted;
  }
  return firstColon;
}

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

function parseProperty(logical: string, colon: number): Property {
  const header = logical.slice(0, colon);
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(header, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).trim().toUpperCase() : null;
  const name = (dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).trim().toUpperCase();
  const params = new Map<string, string[]>();
  const types: string[] = [];
  const add = (key: string, values: string[]) => {
    const list = params.get(key) ?? [];
    for (const value of values) list.push(value);
    params.set(key, list);
  };
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    if (equals < 0) {
      const bare = param.trim();
      if (!bare) continue;
      if (BARE_ENCODINGS.has(bare.toUpperCase())) add('ENCODING', [bare]);
      else types.push(bare);
      continue;
    }
    const key = param.slice(0, equals).trim().toUpperCase();
    let values = splitOutsideQuotes(param.slice(equals + 1), ',').map(unquote);
    // 4.0 quotes a list of types as one value: TYPE="cell,voice".
    if (key === 'TYPE') values = values.flatMap((value) => value.split(','));
    add(key, values);
    if (key === 'TYPE') for (const value of values) types.push(value);
  }
  return {
    group,
    name,
    params,
    types: types.map((t) => (t.toLowerCase().startsWith('x-') ? t : t.toLowerCase())).filter((t) => t !== ''),
    raw: logical.slice(colon + 1),
  };
}

function param(property: Property, key: string): string | null {
  return property.params.get(key)?.[0] ?? null;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text in the named charset; without one (or an unknown one), UTF-8 when valid, else Windows-1252 as Outlook writes. */
function decodeBytes(bytes: Uint8Array, charset: string | null): string {
  const name = charset?.trim() ?? '';
  try {
    if (name && iconv.encodingExists(name)) return iconv.decode(Buffer.from(bytes), name);
  } catch {
    // an unreadable charset name: fall through to the guess
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
}

/** Quoted-printable (soft line breaks already joined): `=XX` bytes decoded with the charset; a stray `=` is kept. */
function decodeQuotedPrintable(raw: string, charset: string | null): string {
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    out += decodeBytes(Uint8Array.from(bytes), charset);
    bytes.length = 0;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === EQUALS && i + 2 < raw.length) {
      const high = hexDigit(raw.charCodeAt(i + 1));
      const low = hexDigit(raw.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    if (c < 0x80) bytes.push(c);
    else {
      // Already text (the file was decoded before): keep the character as it is.
      flush();
      out += raw[i];
    }
  }
  flush();
  return out;
}

/** The value decoded from its transfer encoding, still escaped. */
function decodedValue(property: Property): string {
  const encoding = (param(property, 'ENCODING') ?? '').toUpperCase();
  const charset = param(property, 'CHARSET');
  if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(property.raw, charset);
  if (encoding === 'B' || encoding === 'BASE64') return decodeBytes(Buffer.from(property.raw.replace(/\s+/g, ''), 'base64'), charset);
  return property.raw;
}

/** Splits a value on an unescaped separator (or not at all, with null) and undoes `\,` `\;` `\:` `\\` `\n`. */
function unescapeSplit(raw: string, separator: string | null): string[] {
  const parts: string[] = [];
  let current = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const escaped = raw[i + 1];
      current += raw.slice(from, i);
      if (escaped === 'n' || escaped === 'N') current += '\n';
      else if (escaped === ',' || escaped === ';' || escaped === ':' || escaped === '\\') current += escaped;
      else current += `\\${escaped}`;
      i += 1;
      from = i + 1;
    } else if (c === separator) {
      parts.push(current + raw.slice(from, i));
      current = '';
      from = i + 1;
    }
  }
  parts.push(current + raw.slice(from));
  return parts;
}

/** Line breaks as `\n`, whatever the writer used (quoted-printable `=0D=0A`, or `\r\n` escaped). */
function normaliseBreaks(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

function text(property: Property): string {
  return normaliseBreaks(unescapeSplit(decodedValue(property), null)[0] ?? '').trim();
}

function components(property: Property): string[] {
  return unescapeSplit(decodedValue(property), ';').map((part) => normaliseBreaks(part).trim());
}

function orNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const SOCIAL_TYPES: Record<string, ContactKind> = {
  linkedin: 'linkedin',
  twitter: 'x',
  x: 'x',
  github: 'github',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  orcid: 'orcid',
};

function isContactKind(value: string): value is ContactKind {
  return (CONTACT_KINDS as readonly string[]).includes(value);
}

/** Apple writes its standard labels as `_$!<Mobile>!$_`. */
function cleanLabel(label: string): string | null {
  const trimmed = label.trim();
  if (trimmed.startsWith('_$!<') && trimmed.endsWith('>!$_')) return orNull(trimmed.slice(4, -4).toLowerCase());
  return orNull(trimmed);
}

function labelFromTypes(types: string[], skip: ReadonlySet<string>): string | null {
  const labels: string[] = [];
  for (const type of types) {
    let label: string;
    if (type.toLowerCase().startsWith('x-')) label = type.slice(2);
    else if (GENERIC_TYPES.has(type) || skip.has(type)) continue;
    else label = type === 'cell' ? 'mobile' : type;
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels.length > 0 ? labels.join(',') : null;
}

const NO_SKIP: ReadonlySet<string> = new Set();
const SOCIAL_SKIP: ReadonlySet<string> = new Set(Object.keys(SOCIAL_TYPES));

/** Year-less or full: `1985-02-03`, `19850203`, `--0203`, `--02-03`, Apple's omitted year → `YYYY-MM-DD` or `--MM-DD`. */
function birthday(value: string, omitYear: string | null): string | null {
  let date = value.trim();
  const time = date.indexOf('T');
  if (time >= 0) date = date.slice(0, time);
  let year: string | null;
  let rest: string;
  if (date.startsWith('--')) {
    year = null;
    rest = date.slice(2);
  } else if (date.length === 8 && !date.includes('-')) {
    year = date.slice(0, 4);
    rest = date.slice(4);
  } else if (date.length === 10 && date[4] === '-') {
    year = date.slice(0, 4);
    rest = date.slice(5);
  } else return null;
  if (rest.length === 5 && rest[2] === '-') rest = rest.slice(0, 2) + rest.slice(3);
  if (rest.length !== 4 || (year !== null && !/^\d{4}$/.test(year)) || !/^\d{4}$/.test(rest)) return null;
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2));
  if (year !== null && omitYear !== null && omitYear.trim() === year) year = null;
  // Year-less: any day a year can have, 29 February included.
  const maxDay = daysInMonth(year === null ? 2000 : Number(year), month);
  if (month < 1 || month > 12 || day < 1 || day > maxDay || year === '0000') return null;
  const mmdd = `${rest.slice(0, 2)}-${rest.slice(2)}`;
  return year === null ? `--${mmdd}` : `${year}-${mmdd}`;
}

interface GroupedChannel extends ImportedChannel {
  group: string | null;
}

/** More named dates than a person can hold (the API's limit is 50 dates in all), or with a longer name than a date takes, go to the notes as written. */
const MAX_NAMED_DATES = 48;
const MAX_LABEL = 120;

/** Apple's own labels, `_$!<Anniversary>!$_`: the word inside, capitalised ("Anniversary", "Other"), or null for a label of the user's. */
function appleLabel(label: string): string | null {
  const trimmed = label.trim();
  if (!trimmed.startsWith('_$!<') || !trimmed.endsWith('>!$_') || trimmed.length <= 8) return null;
  const word = trimmed.slice(4, -4);
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Apple's X-ABDATE: a date whose meaning is in the X-ABLabel of its group, which may come before or after it. */
interface GroupedDate {
  group: string | null;
  /** In ImportedContact's form, or null when unreadable. */
  date: string | null;
  written: string;
}

class Card {
  fn: string | null = null;
  name: string | null = null;
  familyName: string | null = null;
  /** The card's own photo, when it carries one that is a PNG, JPEG, WebP or GIF (core/photo.ts); a linked one is never fetched. */
  photo: Uint8Array | null = null;
  organisation: string | null = null;
  title: string | null = null;
  role: string | null = null;
  location: string | null = null;
  notes: string[] = [];
  birthday: string | null = null;
  anniversary: string | null = null;
  tags: string[] = [];
  private readonly tagSet = new Set<string>();
  channels: GroupedChannel[] = [];
  /** `kind value` of every channel taken: a card with 40,000 EMAIL lines is checked in linear time. */
  private readonly channelKeys = new Set<string>();
  labels = new Map<string, string>();
  private readonly abDates: GroupedDate[] = [];
  /** Groups whose X-ABLabel is one of Apple's own (see appleLabel). */
  private readonly appleLabels = new Map<string, string>();

  constructor(readonly line: number) {}

  take(property: Property): void {
    switch (property.name) {
      case 'FN':
        this.fn ??= orNull(text(property));
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(property);
        this.name ??= orNull([prefix, given, additional, family, suffix].filter((part) => part !== '').join(' '));
        this.familyName ??= orNull(family.trim());
        break;
      }
      case 'PHOTO':
        if (this.photo === null) {
          const encoding = param(property, 'ENCODING') ?? (property.types.includes('base64') || property.types.includes('b') ? 'b' : null);
          const bytes = photoFromVcardValue(property.raw, encoding);
          // Only a photo an upload would take: anything else (an SVG, a huge file) is left out, as a web address is.
          if (bytes !== null && bytes.length <= MAX_PHOTO_BYTES && sniffPhotoType(bytes) !== null) this.photo = bytes;
        }
        break;
      case 'ORG':
        this.organisation ??= orNull(components(property).find((part) => part !== ''));
        break;
      case 'TITLE':
        this.title ??= orNull(text(property));
        break;
      case 'ROLE':
        this.role ??= orNull(text(property));
        break;
      case 'EMAIL': {
        let value = text(property);
        if (value.toLowerCase().startsWith('mailto:')) value = value.slice(7).trim();
        this.channel('email', value, property, NO_SKIP);
        break;
      }
      case 'TEL': {
        let value = text(property);
        if (value.toLowerCase().startsWith('tel:')) value = value.slice(4).trim();
        this.channel('phone', value, property, NO_SKIP);
        break;
      }
      case 'URL': {
        const value = text(property);
        const declared = param(property, 'X-WAGGLE-KIND')?.toLowerCase() ?? '';
        this.channel(isContactKind(declared) ? declared : classifyUrl(value), value, property, NO_SKIP);
        break;
      }
      case 'X-SOCIALPROFILE': {
        let value = text(property);
        if (value.toLowerCase().startsWith('x-apple:')) value = (param(property, 'X-USER') ?? value.slice(8)).trim();
        const byType = property.types.map((type) => SOCIAL_TYPES[type.toLowerCase()]).find((kind) => kind !== undefined);
        const byHost = classifyUrl(value);
        this.channel(byType ?? (byHost === 'web' ? 'other' : byHost), value, property, SOCIAL_SKIP);
        break;
      }
      case 'ADR':
        if (this.location === null) {
          const parts = components(property);
          const locality = parts[3] || parts[4] || '';
          this.location = orNull([locality, parts[6] ?? ''].filter((part) => part !== '').join(', '));
        }
        break;
      case 'NOTE': {
        const note = text(property);
        if (note) this.notes.push(note);
        break;
      }
      case 'BDAY':
        this.birthday ??= birthday(text(property), param(property, 'X-APPLE-OMIT-YEAR'));
        break;
      case 'ANNIVERSARY':
      case 'X-ANNIVERSARY':
        this.anniversary ??= birthday(text(property), param(property, 'X-APPLE-OMIT-YEAR'));
        break;
      case 'CATEGORIES':
        for (const tag of unescapeSplit(decodedValue(property), ',')) {
          const trimmed = tag.trim();
          if (trimmed && !SYSTEM_CATEGORIES.has(trimmed) && !this.tagSet.has(trimmed)) {
            this.tagSet.add(trimmed);
            this.tags.push(trimmed);
          }
        }
        break;
      case 'X-ABDATE': {
        const written = text(property);
        if (written) this.abDates.push({ group: property.group, date: birthday(written, param(property, 'X-APPLE-OMIT-YEAR')), written });
        break;
      }
      case 'X-ABLABEL':
        if (property.group !== null) {
          const written = text(property);
          const label = cleanLabel(written);
          if (label !== null) this.labels.set(property.group, label);
          const apple = appleLabel(written);
          if (apple !== null) this.appleLabels.set(property.group, apple);
        }
        break;
      default:
        break;
    }
  }

  private channel(kind: ContactKind, value: string, property: Property, skip: ReadonlySet<string>): void {
    if (value === '') return;
    const key = `${kind} ${value}`;
    if (this.channelKeys.has(key)) return;
    this.channelKeys.add(key);
    this.channels.push({ kind, value, label: labelFromTypes(property.types, skip), group: property.group });
  }

  /** The contact, or null when the card has no name at all. */
  contact(): ImportedContact | null {
    const name = this.fn ?? this.name;
    if (name === null && this.organisation === null) return null;
    return {
      line: this.line,
      name,
      ...(this.familyName ? { familyName: this.familyName } : {}),
      ...(this.photo ? { photo: this.photo } : {}),
      organisation: this.organisation,
      role: this.title ?? this.role,
      location: this.location,
      channels: this.channels.map(({ kind, value, label, group }) => ({ kind, value, label: (group !== null ? this.labels.get(group) : undefined) ?? label })),
      tieBeganOn: null,
      ...this.dates(),
      tags: this.tags,
    };
  }

  /**
   * Birthday, anniversary and Apple's labelled dates. `_$!<Anniversary>!$_` is Apple's
   * own anniversary (taken when the card has no ANNIVERSARY, else kept as a date named
   * "Anniversary"); any other label names a date of the user's own naming; an unlabelled
   * one is called "Date". A date that cannot be read, one with an over-long name, and
   * any past what a person holds, is kept in the notes as written: nothing is dropped.
   */
  private dates(): Pick<ImportedContact, 'birthday' | 'anniversary' | 'namedDates' | 'notes'> {
    let anniversary = this.anniversary;
    const named: { label: string; date: string }[] = [];
    const kept: string[] = [];
    for (const { group, date, written } of this.abDates) {
      const apple = group !== null ? this.appleLabels.get(group) : undefined;
      const label = apple ?? (group !== null ? this.labels.get(group) : undefined) ?? 'Date';
      if (date !== null && apple === 'Anniversary' && anniversary === null) anniversary = date;
      else if (date !== null && label.length <= MAX_LABEL && named.length < MAX_NAMED_DATES) named.push({ label, date });
      else kept.push(`${label}: ${written}`);
    }
    const notes = [...this.notes, ...(kept.length > 0 ? [kept.join('\n')] : [])];
    return {
      notes: notes.length > 0 ? notes.join('\n\n') : null,
      birthday: this.birthday,
      ...(anniversary ? { anniversary } : {}),
      ...(named.length > 0 ? { namedDates: named } : {}),
    };
  }
}

function shown(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/** Reads every card of a vCard file (2.1, 3.0 or 4.0), or refuses the whole file with the line at fault. */
export function parseVcards(input: string): ParsedFile {
  const reader = new LineReader(input);
  const contacts: ImportedContact[] = [];
  const skipped: ParsedFile['skipped'] = [];
  let card: Card | null = null;
  let cards = 0;

  while (!reader.done) {
    const lineNumber = reader.number;
    if (reader.start === reader.end) {
      reader.advance();
      continue;
    }
    const firstColon = colonIn(input, reader.start, reader.end);
    const headEnd = firstColon < 0 ? reader.end : firstColon;
    const header = input.slice(reader.start, headEnd);
    const headerUpper = header.toUpperCase();
    const semicolon = header.indexOf(';');
    const fullName = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toUpperCase();
    const name = fullName.slice(fullName.lastIndexOf('.') + 1);
    const quotedPrintable = headerUpper.includes('QUOTED-PRINTABLE');
    const base64 = semicolon >= 0 && (headerUpper.includes('BASE64') || /;\s*ENCODING\s*=\s*"?B"?\s*(?:;|$)/.test(headerUpper));

    // A property nobody reads (a photo, a logo, a key): step over its lines without copying them.
    if (card !== null && firstColon >= 0 && !USED.has(name)) {
      let last = reader.lastChar();
      reader.advance();
      while (!reader.done) {
        const first = reader.firstChar();
        if (quotedPrintable && last === EQUALS && !reader.isCardBoundary()) {
          // soft line break: the next line continues the value whatever it starts with
        } else if (first === SPACE || first === TAB) {
          // folded line
        } else if (base64 && reader.isBase64()) {
          // 2.1 base64 left unindented
        } else break;
        last = reader.lastChar();
        reader.advance();
      }
      continue;
    }

    // Every other property: unfold it into one logical line.
    const parts = [reader.line()];
    reader.advance();
    while (!reader.done) {
      const first = reader.firstChar();
      const lastPart = parts[parts.length - 1] ?? '';
      if (quotedPrintable && lastPart.endsWith('=') && !reader.isCardBoundary()) {
        parts[parts.length - 1] = lastPart.slice(0, -1);
        parts.push(reader.line());
      } else if (first === SPACE || first === TAB) {
        parts.push(input.slice(reader.start + 1, reader.end));
      } else if (base64 && reader.isBase64()) {
        parts.push(reader.line());
      } else break;
      reader.advance();
    }
    const logical = parts.length === 1 ? (parts[0] ?? '') : parts.join('');
    if (logical.trim() === '') continue;

    // The colon found on the first physical line is where it was; else look again in the unfolded line.
    const at = firstColon >= 0 ? header.length : colonIn(logical, 0, logical.length);

    if (card === null) {
      const property = at >= 0 ? parseProperty(logical, at) : null;
      const value = property ? text(property).toUpperCase() : '';
      if (property?.name === 'BEGIN' && property.group === null && value === 'VCARD') {
        card = new Card(lineNumber);
        cards += 1;
        continue;
      }
      if (property?.name === 'END' && value === 'VCARD') throw new ImportFileError(lineNumber, 'END:VCARD without a BEGIN:VCARD before it');
      throw new ImportFileError(lineNumber, `not a vCard: expected BEGIN:VCARD, found "${shown(logical)}"`);
    }

    if (at < 0) throw new ImportFileError(lineNumber, `a property line without a colon in the card that begins at line ${card.line}: "${shown(logical)}"`);
    const property = parseProperty(logical, at);
    if (property.name === 'BEGIN') {
      throw new ImportFileError(lineNumber, `BEGIN:${shown(text(property))} inside the card that begins at line ${card.line} (is its END:VCARD missing?)`);
    }
    if (property.name === 'END') {
      const value = text(property);
      if (value.toUpperCase() !== 'VCARD') throw new ImportFileError(lineNumber, `END:${shown(value)} inside the card that begins at line ${card.line}`);
      const contact = card.contact();
      if (contact) contacts.push(contact);
      else skipped.push({ line: card.line, reason: 'no name: the card has no FN, N or ORG' });
      card = null;
      continue;
    }
    card.take(property);
  }

  if (card !== null) throw new ImportFileError(card.line, `the card that begins at line ${card.line} has no END:VCARD: the file ends inside it (line ${reader.number})`);
  if (cards === 0) throw new ImportFileError(1, 'not a vCard: the file holds no BEGIN:VCARD');
  return { format: 'vcard', records: cards, contacts, skipped };
}

export { classifyUrl };
