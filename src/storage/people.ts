import type { Insertable, Kysely, Selectable } from 'kysely';
import { nameKey, sortKey } from '../core/names.js';
import { nextContact } from '../core/next-contact.js';
import { searchText } from '../core/search-text.js';
import type { ContactPoint, Person } from '../core/model.js';
import type { Channel, ContactKind, PersonCategory, Stage } from '../core/vocabulary.js';
import { flag, parseJsonList } from './columns.js';
import type { Database, PeopleTable } from './schema.js';

/*
 * The people aggregate: a person's row and its channels. The database's check constraints
 * guarantee the closed sets, so the casts here only restore what the storage layer erased.
 */

/** What a person's row holds for the person as the core has them: the keys kept for sorting and searching aside. */
export type PersonColumns = Omit<Selectable<PeopleTable>, 'workspaceId' | 'nameKey' | 'sortName' | 'searchText' | 'goalRelevance' | 'nextContactDue'>;

export function toPerson(row: PersonColumns, lastExchangeOn: string | null, channels: ContactPoint[]): Person {
  const person: Omit<Person, 'nextContact'> = {
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
  };
  return {
    ...person,
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

/** What a person's own row holds, as the core has it: the person without their channels and what is worked out from other rows. */
export type StoredPerson = Omit<Person, 'channels' | 'lastExchangeOn' | 'nextContact'>;

/**
 * A person as their row: lists and flags in the databases' forms, and the keys worked out from
 * the person (name key, sort name, search text over the person and `channelValues`). The one
 * builder for a person added, imported, bulk-loaded or restored, so the keys never drift. The
 * dates worked out from the journal (last exchange, next contact due) are services/rhythm.ts's.
 */
export function toPersonRow(workspaceId: string, person: StoredPerson, channelValues: readonly string[]): Insertable<PeopleTable> {
  const stored = {
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
  } satisfies Record<keyof StoredPerson, unknown>;
  return { ...stored, workspaceId, nameKey: nameKey(person.name), sortName: sortKey(person.name, person.familyName), searchText: searchText(person, channelValues) };
}

/** Marks the person changed now, as a change to their dates or photo does. */
export async function touchPerson(db: Kysely<Database>, workspaceId: string, personId: string, now: string): Promise<void> {
  await db.updateTable('people').set({ updatedAt: now }).where('id', '=', personId).where('workspaceId', '=', workspaceId).execute();
}
