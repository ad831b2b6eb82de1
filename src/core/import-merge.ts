import type { ImportedChannel, ImportedContact, ParsedFile, SkippedRecord } from './import-types.js';
import type { ContactPoint } from './model.js';
import { lowerCase } from './lower-case.js';
import { nameKey } from './names.js';
import { holdsDate, parseDayOfYear, PersonDateError, type DayOfYear, type PersonDate } from './person-dates.js';

/**
 * Deciding, line by line, what an import does: create a person, merge into one
 * that exists (in the map or earlier in the same file), or skip. Duplicates are
 * found by email, then by profile link, then by name and organisation together.
 * A merge only fills what is empty and adds new channels and tags: it never
 * overwrites what the user typed.
 *
 * A different profile link means a different person: two records (or a record
 * and a person in the map) that both hold a link of one profile kind (LinkedIn,
 * GitHub, ORCID…) and share none of those links are never merged, whatever else
 * they share. They are listed as possible duplicates, for the user to judge.
 */

/** The fields an import reads and writes, whether the person exists already or is new. */
interface ImportableFields {
  name: string;
  organisation: string | null;
  role: string | null;
  location: string | null;
  notes: string | null;
  tieBeganOn: string | null;
  tags: string[];
}

/** What the planner needs of a person already in the map. */
export interface ExistingPerson extends ImportableFields {
  id: string;
  channels: ContactPoint[];
}

export type MatchRule = 'email' | 'profile' | 'name-and-organisation';

/** The fields an import may fill when they are empty. */
export type FillableField = 'organisation' | 'role' | 'location' | 'notes' | 'tieBeganOn';
const FILLABLE: readonly FillableField[] = ['organisation', 'role', 'location', 'notes', 'tieBeganOn'];
/** The `filled` of every line that fills nothing (a new person, a skip): one list for all, never written to, not one each of 30,000. */
const NOTHING_FILLED: FillableField[] = Object.freeze([]) as unknown as FillableField[];

export interface PlannedPerson extends ImportableFields {
  /** An existing person's id, or a key `new:<n>` for one this import creates. */
  ref: string;
  channels: ImportedChannel[];
  /** The line that created it (new people only). */
  line: number | null;
  /** Birthday and anniversary read from the file (at most one of each), and dates of the user's own naming. */
  dates?: PersonDate[];
  /** The file's family name, for new people (an existing person's is never changed by a file). */
  familyName?: string | null;
  /** The name's key (`nameKey`), as the plan matched it: new people only, whose rows hold it (storage/people.ts personKeys). */
  nameKey?: string;
  /** The file's photo, for new people (an existing person's photo is never replaced by a file). */
  photo?: Uint8Array;
}

export interface LineDecision {
  line: number;
  action: 'create' | 'merge' | 'skip';
  name: string | null;
  /** For merges: whom, and by which rule. */
  into: string | null;
  matchedBy: MatchRule | null;
  /** For merges: which empty fields the line fills, and how many channels and tags it adds. */
  filled: FillableField[];
  channelsAdded: number;
  tagsAdded: number;
  reason: string;
  /** For a new person kept apart from a namesake by a different profile link: whom it may duplicate. */
  possibleDuplicateOf?: string;
}

/** Two records (or a record and a person in the map) alike in name and more, told apart only by their profile links. */
export interface PossibleDuplicate {
  line: number;
  name: string;
  /** The person in the map (an id) or `line N` of this file it resembles. */
  of: string;
  ofName: string;
  reason: string;
}

export interface ImportPlan {
  records: number;
  creates: PlannedPerson[];
  /** Existing people that gain something, with only the changes. */
  /** `addDates`: the file's birthday or anniversary, stored only where the person has none of that kind, and named dates the person lacks. */
  updates: { id: string; fill: Partial<Record<FillableField, string>>; addChannels: ImportedChannel[]; addTags: string[]; addDates?: PersonDate[] }[];
  lines: LineDecision[];
  possibleDuplicates: PossibleDuplicate[];
  summary: { records: number; created: number; merged: number; skipped: number };
}

/** How names and organisations are compared: the same key as search uses. */
export const matchKey = nameKey;

/**
 * A profile link without its scheme, "www.", query or trailing slash, lower-cased: what these
 * replaces leave, one after the other, `.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '')
 * .replace(/[?#].*$/, '').replace(/\/+$/, '')` (import-merge.test.ts holds it to them). The
 * scheme and "www." go in one replace, and the query and slash only when there is one: an
 * import keys each of 30,000 LinkedIn links, most with neither (issue 15).
 */
export function profileKey(url: string): string {
  const link = lowerCase(url.trim()).replace(SCHEME_AND_WWW, '');
  return QUERY_OR_TRAILING_SLASH.test(link) ? link.replace(/[?#].*$/, '').replace(/\/+$/, '') : link;
}

const SCHEME_AND_WWW = /^(?:[a-z]+:\/\/)?(?:www\.)?/;
const QUERY_OR_TRAILING_SLASH = /[?#]|\/$/;

const isProfile = (c: { kind: string }) => c.kind !== 'email' && c.kind !== 'phone';

/** The kinds of link that name one person: two people never share one, and one person has one of each. */
export const IDENTITY_KINDS: ReadonlySet<string> = new Set(['linkedin', 'x', 'mastodon', 'bluesky', 'github', 'orcid']);

/** The identity kind on which two sets of channels disagree (both hold links of it, none in common), or null. */
export function profileConflict(a: readonly { kind: string; value: string }[], b: readonly { kind: string; value: string }[]): string | null {
  for (const kind of IDENTITY_KINDS) {
    const mine = a.filter((c) => c.kind === kind).map((c) => profileKey(c.value));
    if (mine.length === 0) continue;
    const theirs = new Set(b.filter((c) => c.kind === kind).map((c) => profileKey(c.value)));
    if (theirs.size > 0 && !mine.some((key) => theirs.has(key))) return kind;
  }
  return null;
}

const KIND_NAMES: Record<string, string> = { linkedin: 'LinkedIn profile', x: 'X profile', mastodon: 'Mastodon profile', bluesky: 'Bluesky profile', github: 'GitHub profile', orcid: 'ORCID iD' };

/** How many namesakes a record is compared with before it is taken as new (bounds a file of thousands of one name). */
const NAMESAKES_COMPARED = 50;

function channelKey(c: { kind: string; value: string }): string {
  if (c.kind === 'email') return `email:${lowerCase(c.value.trim())}`;
  if (c.kind === 'phone') return `phone:${c.value.replace(/[^\d+]/g, '')}`;
  return `link:${profileKey(c.value)}`;
}

/** The key name and organisation are matched by; `key` is the name's own, when the caller has it. */
function nameOrgKey(name: string, organisation: string | null, key = matchKey(name)): string {
  return `${key}|${organisation ? matchKey(organisation) : ''}`;
}

/** Plans an import of `file` into a map holding `existing` people. Pure: nothing is written. */
export function planImport(file: ParsedFile, existing: readonly ExistingPerson[]): ImportPlan {
  const planner = startPlan(existing);
  // Counted, not iterated: the loop runs 30,000 times before V8 has optimised it, and each turn of
  // an iterator made an object for its result until then (issue 15).
  for (let at = 0; at < file.contacts.length; at++) planner.add(file.contacts[at]!);
  return planner.finish(file.records, file.skipped);
}

/** A plan made a record at a time: each contact planned as it is read, so none need be kept once planned. */
export interface Planner {
  add(contact: ImportedContact): void;
  finish(records: number, skipped: readonly SkippedRecord[]): ImportPlan;
}

/** Starts a plan of an import into a map holding `existing` people (planImport, a record at a time). */
export function startPlan(existing: readonly ExistingPerson[]): Planner {
  // Each person the plan knows, and apart from them the people already in the map as they were: kept
  // apart rather than as fields on each person, so that a new person is handed on as it is, not copied.
  const people = new Map<string, PlannedPerson>();
  const originals = new Map<string, ExistingPerson>();
  // Emails and profile links by their channel key (channelKey: `email:…`, `link:…`), names by name and organisation.
  const byChannel = new Map<string, string>();
  // A name and organisation held by one person maps to its ref, by several to their refs: one list less for each of 30,000 new names.
  const byNameOrg = new Map<string, string | string[]>();
  /** Indexes a person under its channels' keys (computed once per record by the caller, or here) and its name and organisation. */
  const index = (ref: string, p: { name: string; organisation: string | null; channels: readonly { kind: string; value: string }[] }, keys: readonly string[] = p.channels.map(channelKey), nameOrg = nameOrgKey(p.name, p.organisation)) => {
    p.channels.forEach((c, i) => {
      if (c.kind !== 'phone') byChannel.set(keys[i]!, ref);
    });
    const refs = byNameOrg.get(nameOrg);
    if (refs === undefined) byNameOrg.set(nameOrg, ref);
    else if (typeof refs === 'string') {
      if (refs !== ref) byNameOrg.set(nameOrg, [refs, ref]);
    } else if (!refs.includes(ref) && refs.length < NAMESAKES_COMPARED) refs.push(ref);
  };
  for (const e of existing) {
    people.set(e.id, {
      ref: e.id,
      name: e.name,
      organisation: e.organisation,
      role: e.role,
      location: e.location,
      notes: e.notes,
      tieBeganOn: e.tieBeganOn,
      tags: [...e.tags],
      channels: e.channels.map((c) => ({ kind: c.kind, value: c.value, label: c.label })),
      line: null,
    });
    originals.set(e.id, e);
    index(e.id, e);
  }

  const lines: LineDecision[] = [];
  const possibleDuplicates: PossibleDuplicate[] = [];
  let created = 0;
  let merged = 0;
  // The first birthday and anniversary the file gives a person win, like the fields an import fills; named dates add up.
  const datesByRef = new Map<string, PersonDate[]>();
  const takeDates = (ref: string, contact: ImportedContact) => {
    // Most records (every LinkedIn one) hold no dates: nothing is made for them.
    if (!contact.birthday && !contact.anniversary && !contact.namedDates?.length) return;
    const dates = datesByRef.get(ref) ?? [];
    for (const date of contactDates(contact)) if (!holdsDate(dates, date)) dates.push(date);
    if (dates.length) datesByRef.set(ref, dates);
  };
  const channelsOf = (ref: string) => people.get(ref)!.channels;
  const add = (contact: ImportedContact): void => {
    const name = contact.name?.trim() || null;
    if (!name) {
      lines.push({ line: contact.line, action: 'skip', name: null, into: null, matchedBy: null, filled: NOTHING_FILLED, channelsAdded: 0, tagsAdded: 0, reason: 'no name' });
      return;
    }
    // Each key computed once per record: matching, dropping repeated channels and indexing the new person all read them (issue 15).
    const keys = contact.channels.map(channelKey);
    const key = matchKey(name);
    const nameOrg = nameOrgKey(name, contact.organisation, key);
    const { ref, rule, apart } = findMatch(contact, keys, nameOrg, channelsOf, byChannel, byNameOrg);
    if (ref === null) {
      const newRef = `new:${created}`;
      created += 1;
      // One literal, the photo set after: a spread among its fields made V8 build each of 30,000 people slowly (issue 15).
      const { channels, keys: plannedKeys } = dedupeChannels(contact.channels, keys);
      const planned: PlannedPerson = {
        ref: newRef,
        name,
        familyName: contact.familyName ?? null,
        nameKey: key,
        organisation: contact.organisation,
        role: contact.role,
        location: contact.location,
        notes: notesWithBirthday(contact),
        tieBeganOn: contact.tieBeganOn,
        tags: contact.tags.length > 1 ? [...new Set(contact.tags)] : contact.tags.slice(),
        channels,
        line: contact.line,
      };
      if (contact.photo) planned.photo = contact.photo;
      people.set(newRef, planned);
      index(newRef, planned, plannedKeys, nameOrg);
      takeDates(newRef, contact);
      if (apart === null) {
        lines.push({ line: contact.line, action: 'create', name, into: null, matchedBy: null, filled: NOTHING_FILLED, channelsAdded: planned.channels.length, tagsAdded: planned.tags.length, reason: 'new person' });
        return;
      }
      const twin = people.get(apart.ref)!;
      const twinExists = originals.has(twin.ref);
      const of = twinExists ? twin.ref : `line ${twin.line}`;
      const whom = twinExists ? `${twin.name}, already in your map` : `${twin.name} from line ${twin.line}`;
      const reason = `new person: same ${apart.rule === 'email' ? 'email' : 'name and organisation'} as ${whom}, but a different ${KIND_NAMES[apart.kind] ?? 'profile link'}, so kept apart (a possible duplicate: check it)`;
      possibleDuplicates.push({ line: contact.line, name, of, ofName: twin.name, reason });
      lines.push({ line: contact.line, action: 'create', name, into: null, matchedBy: null, filled: NOTHING_FILLED, channelsAdded: planned.channels.length, tagsAdded: planned.tags.length, reason, possibleDuplicateOf: of });
      return;
    }
    const target = people.get(ref)!;
    const filled: FillableField[] = [];
    const incoming: Record<FillableField, string | null> = {
      organisation: contact.organisation,
      role: contact.role,
      location: contact.location,
      notes: notesWithBirthday(contact),
      tieBeganOn: contact.tieBeganOn,
    };
    for (const field of FILLABLE) {
      if (target[field] === null && incoming[field] !== null) {
        target[field] = incoming[field];
        filled.push(field);
      }
    }
    const known = new Set(target.channels.map(channelKey));
    let channelsAdded = 0;
    contact.channels.forEach((c, i) => {
      if (known.has(keys[i]!)) return;
      known.add(keys[i]!);
      target.channels.push(c);
      channelsAdded += 1;
    });
    let tagsAdded = 0;
    const tagsKnown = new Set(target.tags);
    for (const tag of contact.tags) {
      if (!tagsKnown.has(tag)) {
        tagsKnown.add(tag);
        target.tags.push(tag);
        tagsAdded += 1;
      }
    }
    index(ref, target);
    takeDates(ref, contact);
    merged += 1;
    const what = [filled.length ? `fills ${filled.join(', ')}` : '', channelsAdded ? `adds ${channelsAdded} channel${channelsAdded === 1 ? '' : 's'}` : '', tagsAdded ? `adds ${tagsAdded} tag${tagsAdded === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(', ');
    const targetExists = originals.has(ref);
    const whom = targetExists ? `${target.name}, already in your map` : `${target.name} from line ${target.line}`;
    lines.push({
      line: contact.line,
      action: 'merge',
      name,
      into: targetExists ? ref : `line ${target.line}`,
      matchedBy: rule,
      filled,
      channelsAdded,
      tagsAdded,
      reason: `same ${rule === 'email' ? 'email' : rule === 'profile' ? 'profile link' : 'name and organisation'} as ${whom}${what ? `; ${what}` : '; nothing new'}`,
    });
  };
  const finish = (records: number, unnamed: readonly SkippedRecord[]): ImportPlan => {
    for (const s of unnamed) lines.push({ line: s.line, action: 'skip', name: null, into: null, matchedBy: null, filled: NOTHING_FILLED, channelsAdded: 0, tagsAdded: 0, reason: s.reason });
    lines.sort((a, b) => a.line - b.line);

    const creates: PlannedPerson[] = [];
    const updates: ImportPlan['updates'] = [];
    // forEach, not an iterator: no object made for each of 30,000 people before V8 optimises the loop.
    people.forEach((p) => {
      const dates = datesByRef.get(p.ref);
      const original = originals.get(p.ref);
      if (!original) {
        if (dates) p.dates = dates;
        creates.push(p);
        return;
      }
      const fill: Partial<Record<FillableField, string>> = {};
      for (const field of FILLABLE) if (original[field] === null && p[field] !== null) fill[field] = p[field]!;
      const knownBefore = new Set(original.channels.map(channelKey));
      const addChannels = p.channels.filter((c) => !knownBefore.has(channelKey(c)));
      const tagsBefore = new Set(original.tags);
      const addTags = p.tags.filter((t) => !tagsBefore.has(t));
      if (Object.keys(fill).length || addChannels.length || addTags.length || dates) updates.push({ id: p.ref, fill, addChannels, addTags, ...(dates ? { addDates: dates } : {}) });
    });
    const skipped = lines.filter((l) => l.action === 'skip').length;
    possibleDuplicates.sort((a, b) => a.line - b.line);
    return { records, creates, updates, lines, possibleDuplicates, summary: { records, created, merged, skipped } };
  };
  return { add, finish };
}

interface Match {
  ref: string | null;
  rule: MatchRule | null;
  /** When the only match found was refused for a different profile link: whom, by which rule, on which kind. */
  apart: { ref: string; rule: MatchRule; kind: string } | null;
}

function findMatch(
  contact: ImportedContact,
  keys: readonly string[],
  nameOrg: string,
  channelsOf: (ref: string) => readonly { kind: string; value: string }[],
  byChannel: Map<string, string>,
  byNameOrg: Map<string, string | string[]>,
): Match {
  // Written as plain loops, with no function or list made for each record: it runs for each of
  // 30,000, most of them matching no one (issue 15).
  let apart: Match['apart'] = null;
  // Emails first, then profile links: a shared email says more than a shared page.
  for (let pass = 0; pass < 2; pass++) {
    const profiles = pass === 1;
    const rule: MatchRule = profiles ? 'profile' : 'email';
    for (let i = 0; i < contact.channels.length; i++) {
      const c = contact.channels[i]!;
      if (profiles ? !isProfile(c) : c.kind !== 'email') continue;
      const ref = byChannel.get(keys[i]!);
      if (!ref) continue;
      const kind = profileConflict(contact.channels, channelsOf(ref));
      if (kind === null) return { ref, rule, apart: null };
      apart ??= { ref, rule, kind };
    }
  }
  const namesakes = byNameOrg.get(nameOrg);
  if (namesakes !== undefined) {
    for (const ref of typeof namesakes === 'string' ? [namesakes] : namesakes) {
      const kind = profileConflict(contact.channels, channelsOf(ref));
      if (kind === null) return { ref, rule: 'name-and-organisation', apart: null };
      apart ??= { ref, rule: 'name-and-organisation', kind };
    }
  }
  return apart === null ? NO_MATCH : { ref: null, rule: null, apart };
}

/** What findMatch finds for a record like no one: one answer for all of them. */
const NO_MATCH: Match = Object.freeze({ ref: null, rule: null, apart: null });

/**
 * `channels` with each once (by its key, `keys[i]` for `channels[i]`), and the keys of those kept.
 * The list is a copy of its exact size, not one grown by pushes: V8 grows an array pushed to from
 * empty to room for 17, and 30,000 new people's lists, kept until they are written, were
 * megabytes each young-generation collection copied (issue 15). A copy, not the file's own list:
 * a later line merged into this person adds to its channels.
 */
function dedupeChannels(channels: readonly ImportedChannel[], keys: readonly string[]): { channels: ImportedChannel[]; keys: readonly string[] } {
  // Most records' one or two channels repeat nothing: copied as they are, with their keys.
  if (keys.length < 2 || (keys.length === 2 && keys[0] !== keys[1])) return { channels: channels.slice(), keys };
  const kept: string[] = [];
  const into: ImportedChannel[] = [];
  // A record's few channels are compared in a list; a vCard of thousands, in a set.
  const seen = channels.length > 8 ? new Set<string>() : null;
  channels.forEach((c, i) => {
    const key = keys[i]!;
    if (seen ? seen.has(key) : kept.includes(key)) return;
    seen?.add(key);
    kept.push(key);
    into.push(c);
  });
  return { channels: into.slice(), keys: kept };
}

/** A birthday Waggle cannot read as a date is kept as a line in the notes, as written; a readable one becomes a date that matters. */
function notesWithBirthday(contact: ImportedContact): string | null {
  if (!contact.birthday) return contact.notes?.trim() || null;
  const unreadable = contact.birthday && readDate(contact.birthday) === null ? `Birthday: ${contact.birthday}` : null;
  const parts = [contact.notes?.trim() || null, unreadable].filter((x): x is string => x !== null);
  return parts.length ? parts.join('\n') : null;
}

function readDate(text: string): DayOfYear | null {
  try {
    return parseDayOfYear(text);
  } catch (error) {
    if (error instanceof PersonDateError) return null;
    throw error;
  }
}

/** The contact's birthday, anniversary and named dates as dates that matter (the readable ones). */
function contactDates(contact: ImportedContact): PersonDate[] {
  const out: PersonDate[] = [];
  for (const kind of ['birthday', 'anniversary'] as const) {
    const text = contact[kind];
    const date = text ? readDate(text) : null;
    if (date) out.push({ kind, label: null, ...date });
  }
  for (const named of contact.namedDates ?? []) {
    const date = readDate(named.date);
    if (date) out.push({ kind: 'other', label: named.label, ...date });
  }
  return out;
}
