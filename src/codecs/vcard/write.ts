/**
 * vCard export: 4.0 by default, 3.0 on request (phones read it better). CRLF line
 * ends, lines folded at 75 octets without splitting a UTF-8 sequence, text escaped
 * (`\\` `\,` `\;` `\n`). Notes about people are private: they are written only when
 * asked for. Every card carries the person's id (X-WAGGLE-ID, and UID in 4.0), so a
 * file exported and imported again can be recognised.
 */
import { toBase64, type PhotoType } from '../../core/photo.js';
import type { DayOfYear, PersonDate } from '../../core/person-dates.js';
import type { ContactPoint, Person } from '../../core/model.js';
import type { ContactKind } from '../../core/vocabulary.js';
import { classifyUrl } from '../../core/contact-links.js';

export type VcardVersion = '4.0' | '3.0';

export interface VcardOptions {
  /** Write each person's notes (NOTE); off by default. */
  includeNotes?: boolean;
  /** Each person's dates that matter, by person id: BDAY, ANNIVERSARY, and Apple's X-ABDATE for named dates. */
  dates?: ReadonlyMap<string, readonly PersonDate[]>;
  /** Each person's photo, by person id: written into the card (PHOTO), never as a link. */
  photos?: ReadonlyMap<string, { mediaType: PhotoType; bytes: Uint8Array }>;
}

/** The card's PHOTO: 4.0 a data: URI (RFC 6350 6.2.4); 3.0 base64 with ENCODING=b and the image type (RFC 2426 3.1.4). */
function photoLine(photo: { mediaType: PhotoType; bytes: Uint8Array }, version: VcardVersion): string {
  const data = toBase64(photo.bytes);
  return version === '4.0' ? `PHOTO:data:${photo.mediaType};base64,${data}` : `PHOTO;ENCODING=b;TYPE=${photo.mediaType.slice('image/'.length).toUpperCase()}:${data}`;
}

/** A date as vCard writes it: 4.0 `19850412` or `--0412` (RFC 6350 4.3.1); 3.0 `1985-04-12`, or Apple's 1604 for a missing year. */
function vcardDate(date: DayOfYear, version: VcardVersion): { params: string; value: string } {
  const md = `${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
  if (version === '4.0') return { params: '', value: date.year === null ? `--${md}` : `${String(date.year).padStart(4, '0')}${md}` };
  const year = date.year === null ? '1604' : String(date.year).padStart(4, '0');
  return { params: date.year === null ? ';X-APPLE-OMIT-YEAR=1604' : '', value: `${year}-${md.slice(0, 2)}-${md.slice(2)}` };
}

function dateLines(dates: readonly PersonDate[], version: VcardVersion, nextGroup: () => string): string[] {
  const lines: string[] = [];
  for (const date of dates) {
    const { params, value } = vcardDate(date, version);
    if (date.kind === 'birthday') lines.push(`BDAY${params}:${value}`);
    // ANNIVERSARY is 4.0's; 3.0 readers (Android, Evolution) know X-ANNIVERSARY.
    else if (date.kind === 'anniversary') lines.push(`${version === '4.0' ? 'ANNIVERSARY' : 'X-ANNIVERSARY'}${params}:${value}`);
    else {
      const group = nextGroup();
      lines.push(`${group}.X-ABDATE${params}:${value}`, `${group}.X-ABLabel:${escapeText(date.label ?? '')}`);
    }
  }
  return lines;
}

/** Labels every reader understands as a TYPE, per property; any other label goes in an Apple-style X-ABLabel. */
const STANDARD_TYPES: Record<'EMAIL' | 'TEL' | 'URL', ReadonlySet<string>> = {
  EMAIL: new Set(['home', 'work']),
  TEL: new Set(['home', 'work', 'cell', 'fax', 'voice', 'pager', 'text', 'video', 'textphone', 'main', 'iphone']),
  URL: new Set(['home', 'work']),
};

/**
 * Escapes a text value: backslash, comma and line breaks; semicolons too in a
 * structured value (N, ORG, ADR), where they separate the components. A single
 * text value keeps its semicolons as they are, as RFC 6350 says and as readers
 * (ical.js among them) expect: they do not unescape `\;` there.
 */
function escapeText(value: string, structured = false): string {
  let out = '';
  for (const c of value.replace(/\r\n?/g, '\n')) {
    if (c === '\\' || c === ',' || (c === ';' && structured)) out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else out += c;
  }
  return out;
}

/** A URI or phone number is not escaped (readers do not unescape it); line breaks cannot be in one. */
function rawValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds a content line at 75 octets; each continuation starts with a space, and no character is cut. */
export function foldLine(line: string): string {
  // At most 25 characters, or 75 of ASCII, is at most 75 octets: nothing to fold. (A longer line that fits comes out of the loop unchanged.)
  // eslint-disable-next-line no-control-regex
  if (line.length <= 25 || (line.length <= 75 && /^[\u0000-\u007f]*$/.test(line))) return line;
  let out = '';
  let octets = 0;
  for (const c of line) {
    const size = utf8Length(c.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += c;
    octets += size;
  }
  return out;
}

/** The family name where it is known and part of the name, the rest as given names; else best effort: the last word is the family name. */
function nameParts(name: string, familyName: string | null): { family: string; given: string } {
  const known = familyName?.trim() ?? '';
  const at = known === '' ? -1 : name.lastIndexOf(known);
  if (at >= 0) return { family: known, given: `${name.slice(0, at)} ${name.slice(at + known.length)}`.replace(/\s+/g, ' ').trim() };
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const family = words.pop() ?? '';
  return { family, given: words.join(' ') };
}

/** The label as TYPE values when every part of it is a standard type, else null. */
function standardTypes(property: 'EMAIL' | 'TEL' | 'URL', label: string): string[] | null {
  const parts = label
    .toLowerCase()
    .split(',')
    .map((part) => part.trim())
    .map((part) => (property === 'TEL' && part === 'mobile' ? 'cell' : part))
    .filter((part) => part !== '');
  if (parts.length === 0) return [];
  return parts.every((part) => STANDARD_TYPES[property].has(part)) ? parts : null;
}

const PROPERTY_OF: Record<ContactKind, 'EMAIL' | 'TEL' | 'URL'> = {
  email: 'EMAIL',
  phone: 'TEL',
  web: 'URL',
  linkedin: 'URL',
  x: 'URL',
  mastodon: 'URL',
  bluesky: 'URL',
  github: 'URL',
  orcid: 'URL',
  other: 'URL',
};

function channelLines(channel: ContactPoint, version: VcardVersion, nextGroup: () => string): string[] {
  const value = channel.value.trim();
  if (value === '') return [];
  const property = PROPERTY_OF[channel.kind];
  const params: string[] = [];
  const types: string[] = property === 'EMAIL' && version === '3.0' ? ['INTERNET'] : [];
  let customLabel: string | null = null;
  const label = channel.label?.trim() ?? '';
  if (label !== '') {
    const standard = standardTypes(property, label);
    if (standard === null) customLabel = label;
    else types.push(...standard);
  }
  if (types.length > 0) params.push(`TYPE=${types.join(',')}`);
  // A kind the address alone does not tell (a Mastodon profile, a handle) rides along for Waggle's own reader.
  if (property === 'URL' && classifyUrl(value) !== channel.kind) params.push(`X-WAGGLE-KIND=${channel.kind}`);
  const written = property === 'EMAIL' ? escapeText(value) : rawValue(value);
  const head = [property, ...params].join(';');
  if (customLabel === null) return [`${head}:${written}`];
  const group = nextGroup();
  return [`${group}.${head}:${written}`, `${group}.X-ABLabel:${escapeText(customLabel)}`];
}

function personLines(person: Person, version: VcardVersion, options: VcardOptions): string[] {
  const name = person.name.trim();
  const { family, given } = nameParts(name, person.familyName);
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Waggle//Waggle//EN'];
  if (version === '4.0') lines.push(`UID:urn:waggle:${encodeURIComponent(person.id)}`);
  lines.push(`FN:${escapeText(name)}`, `N:${escapeText(family, true)};${escapeText(given, true)};;;`);
  const organisation = person.organisation?.trim();
  if (organisation) lines.push(`ORG:${escapeText(organisation, true)}`);
  const role = person.role?.trim();
  if (role) lines.push(`TITLE:${escapeText(role)}`);
  const location = person.location?.trim();
  if (location) lines.push(`ADR:;;;${escapeText(location, true)};;;`);
  let groups = 0;
  const nextGroup = () => `item${(groups += 1)}`;
  for (const channel of person.channels) lines.push(...channelLines(channel, version, nextGroup));
  lines.push(...dateLines(options.dates?.get(person.id) ?? [], version, nextGroup));
  const photo = options.photos?.get(person.id);
  if (photo) lines.push(photoLine(photo, version));
  const tags = person.tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (tags.length > 0) lines.push(`CATEGORIES:${tags.map((tag) => escapeText(tag)).join(',')}`);
  const notes = person.notes?.trim();
  if (options.includeNotes === true && notes) lines.push(`NOTE:${escapeText(notes)}`);
  lines.push(`X-WAGGLE-ID:${escapeText(person.id)}`, 'END:VCARD');
  return lines;
}

/** Every person as a vCard, one after another, CRLF line ends and folded lines. */
export function writeVcards(people: Person[], version: VcardVersion, options: VcardOptions = {}): string {
  const out: string[] = [];
  for (const person of people) for (const line of personLines(person, version, options)) out.push(`${foldLine(line)}\r\n`);
  return out.join('');
}
