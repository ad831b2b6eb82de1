import type { PersonColumns } from './people.js';

/**
 * A person's own columns by the names the core gives them: what a statement written
 * without the camel-case plugin selects (`family_name as "familyName"`), so that its
 * rows are `PersonColumns` as they come from the driver, with no per-row copy.
 */
export const PERSON_COLUMNS: Record<keyof PersonColumns, string> = {
  id: 'id',
  name: 'name',
  familyName: 'family_name',
  organisation: 'organisation',
  role: 'role',
  location: 'location',
  howMet: 'how_met',
  category: 'category',
  tags: 'tags',
  notes: 'notes',
  strength: 'strength',
  importance: 'importance',
  knowAndLike: 'know_and_like',
  canHelp: 'can_help',
  canHelpHow: 'can_help_how',
  stage: 'stage',
  cadence: 'cadence',
  preferredChannel: 'preferred_channel',
  lostJobList: 'lost_job_list',
  nextContactOn: 'next_contact_on',
  nextContactSetOn: 'next_contact_set_on',
  tieBeganOn: 'tie_began_on',
  source: 'source',
  importedOn: 'imported_on',
  addedOn: 'added_on',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastExchangeOn: 'last_exchange_on',
};

/** The select list of a person's columns from `table` (an alias), each named as the core names it. */
export function personColumnList(table: string): string {
  return Object.entries(PERSON_COLUMNS)
    .map(([key, column]) => `${table}.${column} as "${key}"`)
    .join(', ');
}

/**
 * A person's columns from their values in PERSON_COLUMNS's order (as `json_array` over
 * `Object.values(PERSON_COLUMNS)` gives them): one object literal, which V8 builds in one go,
 * where setting the 28 names one at a time cost half again the whole list's read.
 */
export function personColumnsFrom(v: readonly unknown[]): PersonColumns {
  const row = {
    id: v[0],
    name: v[1],
    familyName: v[2],
    organisation: v[3],
    role: v[4],
    location: v[5],
    howMet: v[6],
    category: v[7],
    tags: v[8],
    notes: v[9],
    strength: v[10],
    importance: v[11],
    knowAndLike: v[12],
    canHelp: v[13],
    canHelpHow: v[14],
    stage: v[15],
    cadence: v[16],
    preferredChannel: v[17],
    lostJobList: v[18],
    nextContactOn: v[19],
    nextContactSetOn: v[20],
    tieBeganOn: v[21],
    source: v[22],
    importedOn: v[23],
    addedOn: v[24],
    createdAt: v[25],
    updatedAt: v[26],
    lastExchangeOn: v[27],
  } satisfies Record<keyof PersonColumns, unknown>;
  return row as PersonColumns;
}
