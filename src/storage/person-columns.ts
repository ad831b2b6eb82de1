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
