import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { compiledOnce } from './compiled-once.js';
import { lowerCase } from '../core/lower-case.js';
import { nameKey, sortKey } from '../core/names.js';
import { nextContact } from '../core/next-contact.js';
import { searchText } from '../core/search-text.js';
import type { ContactPoint, Person } from '../core/model.js';
import type { Channel, ContactKind, PersonCategory, Stage } from '../core/vocabulary.js';
import { chunks } from './chunks.js';
import { flag, parseJsonList } from './columns.js';
import type { Database, PeopleTable } from './schema.js';
import { channelsOfPerson, SEARCHED_COLUMNS, type SearchedRow } from './search-index.js';
import { isPostgres } from './json-dialects.js';
import { preparedOnPostgres } from './prepared-statements.js';

/*
 * The people aggregate: a person's row and its channels. The database's check constraints
 * guarantee the closed sets, so the casts here only restore what the storage layer erased.
 */

/** What a person's row holds for the person as the core has them: the keys kept for sorting and searching aside. */
export type PersonColumns = Omit<Selectable<PeopleTable>, 'workspaceId' | 'nameKey' | 'sortName' | 'searchText' | 'goalRelevance' | 'nextContactDue' | JournalColumnName>;
/** What a person's row keeps of the journal for the network check (storage/derived.ts): not the person's own. */
type JournalColumnName = 'journalExchanges' | 'journalGave' | 'journalReceived' | 'journalOnlineOnly';

export function toPerson(row: PersonColumns, lastExchangeOn: string | null, channels: ContactPoint[]): Person {
  // One object literal with the next contact last, not the person spread into a new object with it
  // added: the spread cost ~25 µs a person, a tenth of `waggle check` reading 5,000 (issue 15).
  return {
    id: row.id,
    name: row.name,
    familyName: row.familyName,
    organisation: row.organisation,
    role: row.role,
    location: row.location,
    howMet: row.howMet,
    category: row.category as PersonCategory | null,
    tags: parseJsonList<string>(row.tags),
    notes: row.notes,
    strength: row.strength,
    importance: row.importance,
    knowAndLike: row.knowAndLike === 1,
    canHelp: row.canHelp === 1,
    canHelpHow: row.canHelpHow,
    stage: row.stage as Stage,
    cadence: row.cadence,
    preferredChannel: row.preferredChannel as Channel | null,
    lostJobList: row.lostJobList === 1,
    nextContactOn: row.nextContactOn,
    nextContactSetOn: row.nextContactSetOn,
    tieBeganOn: row.tieBeganOn,
    channels,
    source: row.source,
    importedOn: row.importedOn,
    addedOn: row.addedOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastExchangeOn,
    nextContact: nextContact({
      nextContactOn: row.nextContactOn,
      cadence: row.cadence,
      lastExchangeOn,
      addedOn: row.addedOn,
    }),
  };
}

export function toContactPoint(row: Selectable<Database['contactPoints']>): ContactPoint {
  return { kind: row.kind as ContactKind, value: row.value, label: row.label };
}

/** A channel's match key: the same address however it was typed (an import finds a person again by it). */
export function contactKey(value: string): string {
  return lowerCase(value.trim());
}

/** A channel as given by the user or a file: the label may be left out. */
export type ChannelInput = Pick<ContactPoint, 'kind' | 'value'> & { label?: string | null | undefined };

/** A channel as its row, at its place in the person's list: the one builder, so the match key never drifts. */
export function toContactPointRow(personId: string, position: number, channel: ChannelInput): Insertable<Database['contactPoints']> {
  return { personId, position, kind: channel.kind, value: channel.value, valueKey: contactKey(channel.value), label: channel.label ?? null };
}

/** What a person's own row holds, as the core has it: the person without their channels and what is worked out from other rows. */
export type StoredPerson = Omit<Person, 'channels' | 'lastExchangeOn' | 'nextContact'>;

/** The keys a person's row is found and listed by, worked out from their name. */
export interface PersonKeys {
  nameKey: string;
  sortName: string;
}

/**
 * A person's name key and sort name, each name's key worked out once: toPersonRow's, and an
 * import's, which orders its new rows by sort name before building them (services/imports.ts).
 * `nameKeyOfName`, when the caller has it (an import's plan matched by it), is `nameKey(person.name)`.
 */
export function personKeys(person: Pick<StoredPerson, 'name' | 'familyName'>, nameKeyOfName?: string): PersonKeys {
  const key = nameKeyOfName ?? nameKey(person.name);
  return { nameKey: key, sortName: sortKey(person.name, person.familyName, key) };
}

/**
 * A person as their row: lists and flags in the databases' forms, and the keys worked out from
 * the person (name key, sort name, search text over the person and `channelValues`). The one
 * builder for a person added, imported, bulk-loaded or restored, so the keys never drift (`keys`:
 * personKeys(person), given when the caller worked them out already). The
 * dates worked out from the journal (last exchange, next contact due) are services/rhythm.ts's.
 */
export function toPersonRow(workspaceId: string, person: StoredPerson, channelValues: readonly string[], keys: PersonKeys = personKeys(person)): Insertable<PeopleTable> {
  // One object literal, not the person's columns spread into one with the keys added: V8 builds
  // a literal of this size in one go, where the spread-and-add cost ~30 µs a row, a third of
  // building an import's 30,000 rows (issue 15).
  return {
    id: person.id,
    name: person.name,
    familyName: person.familyName,
    organisation: person.organisation,
    role: person.role,
    location: person.location,
    howMet: person.howMet,
    category: person.category,
    tags: JSON.stringify(person.tags),
    notes: person.notes,
    strength: person.strength,
    importance: person.importance,
    knowAndLike: flag(person.knowAndLike),
    canHelp: flag(person.canHelp),
    canHelpHow: person.canHelpHow,
    stage: person.stage,
    cadence: person.cadence,
    preferredChannel: person.preferredChannel,
    lostJobList: flag(person.lostJobList),
    nextContactOn: person.nextContactOn,
    nextContactSetOn: person.nextContactSetOn,
    tieBeganOn: person.tieBeganOn,
    source: person.source,
    importedOn: person.importedOn,
    addedOn: person.addedOn,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
    workspaceId,
    nameKey: keys.nameKey,
    sortName: keys.sortName,
    searchText: searchText(person, channelValues, keys.nameKey),
  } satisfies Record<keyof StoredPerson, unknown> & Insertable<PeopleTable>;
}

/** Marks the person changed now, as a change to their dates or photo does. */
export async function touchPerson(db: Kysely<Database>, workspaceId: string, personId: string, now: string): Promise<void> {
  await db.updateTable('people').set({ updatedAt: now }).where('id', '=', personId).where('workspaceId', '=', workspaceId).execute();
}

export async function insertPerson(db: Kysely<Database>, row: Insertable<PeopleTable>): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

/** What an edit may change on a person's own row, as the core has it, with the time of the change. */
export type PersonChanges = Partial<Omit<StoredPerson, 'id' | 'source' | 'importedOn' | 'addedOn' | 'createdAt'>> & { updatedAt: string };

/** The changes as columns: lists and flags in the databases' forms, the name's key with the name. */
function toPersonChanges(changes: PersonChanges): Updateable<PeopleTable> {
  const { tags, knowAndLike, canHelp, lostJobList, ...plain } = changes;
  const row: Updateable<PeopleTable> = { ...plain };
  if (plain.name !== undefined) row.nameKey = nameKey(plain.name);
  if (tags !== undefined) row.tags = JSON.stringify(tags);
  if (knowAndLike !== undefined) row.knowAndLike = flag(knowAndLike);
  if (canHelp !== undefined) row.canHelp = flag(canHelp);
  if (lostJobList !== undefined) row.lostJobList = flag(lostJobList);
  return row;
}

/**
 * What an edit reads of the person before it writes (services/people.ts, carried with the write's lock
 * on PostgreSQL: people-list-patch.ts readFirst): what the search text is made from, the text stored now,
 * the family name (a new name's sort key needs both) and the channels in order (on SQLite as a JSON
 * array: personBeforeEditRows reads either).
 */
const personBeforeEdit = compiledOnce((db, { workspaceId, id }: { workspaceId: string; id: string }) =>
  db
    .selectFrom('people')
    .select([...SEARCHED_COLUMNS, 'familyName'])
    .select(isPostgres(db) ? channelsOfPerson() : sql<string>`(select json_group_array(value) from (select cp.value from contact_points cp where cp.person_id = people.id order by cp.position))`.as('channels'))
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id),
);

export function personBeforeEditRead(db: Kysely<Database>, workspaceId: string, id: string) {
  return personBeforeEdit.compiled(db, { workspaceId, id });
}

export type PersonBeforeEdit = SearchedRow & { familyName: string | null; channels: string[] };

/** personBeforeEditRead's rows, the channels a list whichever way they came. */
export function personBeforeEditRows(rows: readonly { channels: string | string[] }[]): PersonBeforeEdit[] {
  return rows.map((row) => ({ ...(row as PersonBeforeEdit), channels: typeof row.channels === 'string' ? parseJsonList<string>(row.channels) : row.channels }));
}

/**
 * Changes what `changes` names on one person's row, in one statement, from the row as it read it first
 * (`before`, personBeforeEditRead): a new name's sort key, and the search text when the edit moves it
 * (the channels as they were: an edit of them writes the text after them, search-index.ts). False when
 * the workspace has no person `id` (nothing written).
 */
export async function updatePersonRow(db: Kysely<Database>, workspaceId: string, id: string, changes: PersonChanges, before: PersonBeforeEdit): Promise<boolean> {
  const row = toPersonChanges(changes);
  if (changes.name !== undefined || changes.familyName !== undefined) {
    row.sortName = sortKey(changes.name ?? before.name, changes.familyName !== undefined ? changes.familyName : before.familyName);
  }
  const after = {
    name: changes.name ?? before.name,
    organisation: changes.organisation !== undefined ? changes.organisation : before.organisation,
    role: changes.role !== undefined ? changes.role : before.role,
    location: changes.location !== undefined ? changes.location : before.location,
    tags: changes.tags ?? parseJsonList<string>(before.tags),
    notes: changes.notes !== undefined ? changes.notes : before.notes,
  };
  const text = searchText(after, before.channels);
  if (text !== before.searchText) row.searchText = text;
  const update = db.updateTable('people').set(row).where('id', '=', id).where('workspaceId', '=', workspaceId).compile();
  // An edit of one field (a note, a stage, a date: the form saves each as it changes) kept prepared on PostgreSQL: its values
  // are what it sets and keys, so one plan fits any, and it was planned anew inside the workspace's lock on every edit. Only
  // one field's: a text for each set of fields, and there are too many sets to name them all (MAX_PREPARED_STATEMENTS).
  if (Object.keys(changes).length <= MAX_FIELDS_PREPARED) preparedOnPostgres(db, update.sql);
  const { numAffectedRows } = await db.executeQuery(update);
  return (numAffectedRows ?? 0n) > 0n;
}

/** An edit's fields, its time of change among them, up to which its statement is kept prepared (updatePersonRow). */
const MAX_FIELDS_PREPARED = 2;

/** The same changes on many people (a judgement set on everyone a filter finds); names are changed one person at a time. */
export async function updatePeopleRows(db: Kysely<Database>, workspaceId: string, ids: readonly string[], changes: Omit<PersonChanges, 'name' | 'familyName'>): Promise<void> {
  const row = toPersonChanges(changes);
  for (const chunk of chunks(ids)) await db.updateTable('people').set(row).where('workspaceId', '=', workspaceId).where('id', 'in', chunk).execute();
}

/** Moves these people from one stage to another, only those still at the first (an invitation sent moves "to meet" on, and nobody further along back). */
export async function advanceStage(db: Kysely<Database>, workspaceId: string, ids: readonly string[], from: Stage, to: Stage, now: string): Promise<void> {
  for (const chunk of chunks(ids)) {
    await db.updateTable('people').set({ stage: to, updatedAt: now }).where('workspaceId', '=', workspaceId).where('id', 'in', chunk).where('stage', '=', from).execute();
  }
}

/** The names of these people, by id, for those of the workspace (a check that a person is one's own, a list of names to show). */
export async function personNames(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const chunk of chunks([...ids])) {
    for (const row of await db.selectFrom('people').select(['id', 'name']).where('workspaceId', '=', workspaceId).where('id', 'in', chunk).execute()) names.set(row.id, row.name);
  }
  return names;
}

/** Deletes a person; their channels, dates, photo, links and follow-ups go with them by the foreign keys (their exchanges do not: see journal.ts). */
export async function deletePerson(db: Kysely<Database>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('people').where('id', '=', id).where('workspaceId', '=', workspaceId).execute();
}

/** The person with this id, if the workspace has them. */
export async function findPersonId(db: Kysely<Database>, workspaceId: string, id: string): Promise<string | undefined> {
  return (await db.selectFrom('people').select('id').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst())?.id;
}

/** Up to ten people whose name has this key: what a person named by the user is looked up in. */
export async function peopleNamed(db: Kysely<Database>, workspaceId: string, key: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('people').select(['id', 'name']).where('workspaceId', '=', workspaceId).where('nameKey', '=', key).limit(10).execute();
}

/** A person's channels, in their order (the caller has checked the person is the workspace's). */
export async function selectContactPoints(db: Kysely<Database>, personId: string): Promise<ContactPoint[]> {
  return (await db.selectFrom('contactPoints').selectAll().where('personId', '=', personId).orderBy('position').execute()).map(toContactPoint);
}

/** Replaces a person's channels with these, in this order (the caller has checked the person, inside its own transaction). */
export async function replaceContactPoints(db: Kysely<Database>, personId: string, channels: readonly ChannelInput[]): Promise<void> {
  await db.deleteFrom('contactPoints').where('personId', '=', personId).execute();
  if (channels.length === 0) return;
  await db
    .insertInto('contactPoints')
    .values(channels.map((c, position) => toContactPointRow(personId, position, c)))
    .execute();
}

/** Everyone in the workspace with their stage: whom a capture can match an activity to. */
export async function selectPeopleStages(db: Kysely<Database>, workspaceId: string): Promise<{ id: string; name: string; stage: string }[]> {
  return db.selectFrom('people').select(['id', 'name', 'stage']).where('workspaceId', '=', workspaceId).execute();
}

/** Every channel of these kinds in the workspace, with whose it is, in no order. */
export async function selectChannelsOfKinds(db: Kysely<Database>, workspaceId: string, kinds: readonly ContactKind[]): Promise<{ personId: string; kind: string; value: string }[]> {
  return db
    .selectFrom('contactPoints')
    .innerJoin('people', 'people.id', 'contactPoints.personId')
    .select(['contactPoints.personId', 'contactPoints.kind', 'contactPoints.value'])
    .where('people.workspaceId', '=', workspaceId)
    .where('contactPoints.kind', 'in', [...kinds])
    .execute();
}
