/**
 * A vCard's properties mapped to a person: the name (FN, else N), the organisation
 * and role, channels with their labels (Apple's X-ABLabel groups included), the
 * location, notes, tags, the card's own photo, and the dates that matter (BDAY,
 * ANNIVERSARY, Apple's X-ABDATE).
 */
import { classifyUrl } from '../../core/contact-links.js';
import { daysInMonth } from '../../core/dates.js';
import type { ImportedChannel, ImportedContact } from '../../core/import-types.js';
import { MAX_PHOTO_BYTES, photoFromVcardValue, sniffPhotoType } from '../../core/photo.js';
import { CONTACT_KINDS, type ContactKind } from '../../core/vocabulary.js';
import { components, decodedValue, param, text, unescapeSplit, type Property } from './properties.js';

/** Properties a card reads; the continuation lines of every other one are skipped unread. */
export const USED_PROPERTIES: ReadonlySet<string> = new Set(['BEGIN', 'END', 'VERSION', 'FN', 'N', 'PHOTO', 'ORG', 'TITLE', 'ROLE', 'EMAIL', 'TEL', 'URL', 'X-SOCIALPROFILE', 'ADR', 'NOTE', 'BDAY', 'ANNIVERSARY', 'X-ANNIVERSARY', 'CATEGORIES', 'X-ABLABEL', 'X-ABDATE']);

/** Types that say nothing a person would call a label. */
const GENERIC_TYPES = new Set(['pref', 'internet', 'x400', 'voice', 'msg']);

/** Google puts every contact in its "My Contacts" system group: not a tag anyone chose. */
const SYSTEM_CATEGORIES = new Set(['myContacts']);

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

export class Card {
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

