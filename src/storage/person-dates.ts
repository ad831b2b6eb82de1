import type { Kysely } from 'kysely';
import type { PersonDate } from '../core/person-dates.js';
import type { Database } from './schema.js';

/* A person's dates (birthdays, anniversaries, dates of the user's naming), in the order the user gave them. */

type PersonDateRow = Database['personDates'];

export function toPersonDate(row: Pick<PersonDateRow, 'kind' | 'label' | 'month' | 'day' | 'year'>): PersonDate {
  return { kind: row.kind, label: row.label, month: row.month, day: row.day, year: row.year };
}

/** Replaces a person's dates with these (the caller has checked the person, inside its own transaction). */
export async function replacePersonDates(db: Kysely<Database>, personId: string, dates: readonly PersonDate[]): Promise<void> {
  await db.deleteFrom('personDates').where('personId', '=', personId).execute();
  if (dates.length === 0) return;
  await db
    .insertInto('personDates')
    .values(dates.map((d, position) => ({ personId, position, kind: d.kind, label: d.kind === 'other' ? d.label : null, month: d.month, day: d.day, year: d.year })))
    .execute();
}

/** The dates of the people named (this workspace's only), by person, in the order given. */
export async function selectDatesOf(db: Kysely<Database>, workspaceId: string, personIds: readonly string[]): Promise<Map<string, PersonDate[]>> {
  const byPerson = new Map<string, PersonDate[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('personDates')
    .innerJoin('people', 'people.id', 'personDates.personId')
    .select(['personDates.personId', 'kind', 'label', 'month', 'day', 'year'])
    .where('people.workspaceId', '=', workspaceId)
    .where('personDates.personId', 'in', [...personIds])
    .orderBy('personDates.personId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byPerson.get(row.personId) ?? [];
    list.push(toPersonDate(row));
    byPerson.set(row.personId, list);
  }
  return byPerson;
}

/** Every date in the workspace, grouped by person with the person's name: a few per person at most. */
export async function selectAllDates(db: Kysely<Database>, workspaceId: string): Promise<{ personId: string; personName: string; dates: PersonDate[] }[]> {
  const rows = await selectDateRows(db, workspaceId);
  const people = new Map<string, { personId: string; personName: string; dates: PersonDate[] }>();
  for (const row of rows) {
    const entry = people.get(row.personId) ?? { personId: row.personId, personName: row.name, dates: [] };
    entry.dates.push(toPersonDate(row));
    people.set(row.personId, entry);
  }
  return [...people.values()];
}

/** Every date in the workspace as stored, with its person's name and its place in their list, by person. */
export async function selectDateRows(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom('personDates')
    .innerJoin('people', 'people.id', 'personDates.personId')
    .select(['personDates.personId', 'people.name', 'position', 'kind', 'label', 'month', 'day', 'year'])
    .where('people.workspaceId', '=', workspaceId)
    .orderBy('personDates.personId')
    .orderBy('position')
    .execute();
}
