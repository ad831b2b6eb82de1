import type { Selectable } from 'kysely';
import { nextContact } from '../core/next-contact.js';
import type { ContactPoint, Person } from '../core/model.js';
import type { Channel, ContactKind, PersonCategory, Stage } from '../core/vocabulary.js';
import { parseJsonList } from './columns.js';
import type { Database, PeopleTable } from './schema.js';

/*
 * The people aggregate: a person's row and its channels. The database's check constraints
 * guarantee the closed sets, so the casts here only restore what the storage layer erased.
 */

export function toPerson(row: Selectable<PeopleTable>, lastExchangeOn: string | null, channels: ContactPoint[]): Person {
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
