/**
 * What people search a person by, folded once when the person is written: name,
 * organisation, role, location, tags, notes and contact details, each lower-cased,
 * without accents and with spacing collapsed, joined by a separator no query can
 * hold, so that a search reads one column and never matches across two fields.
 */
import { nameKey } from './names.js';

export const SEARCH_FIELD_SEPARATOR = '\u001f';

/** Folded as names are compared (nameKey): lower-cased, without accents, spacing collapsed. */
export function foldForSearch(text: string): string {
  return nameKey(text);
}

export interface Searchable {
  name: string;
  organisation: string | null;
  role: string | null;
  location: string | null;
  tags: readonly string[];
  notes: string | null;
}

export function searchText(person: Searchable, channels: readonly string[]): string {
  return [person.name, person.organisation, person.role, person.location, ...person.tags, person.notes, ...channels]
    .filter((field): field is string => field !== null && field !== '')
    .map(foldForSearch)
    .join(SEARCH_FIELD_SEPARATOR);
}

/** A query folded the same way, control characters (the separator among them) taken out. */
export function foldQuery(query: string): string {
  return foldForSearch(query.replace(/\p{Cc}/gu, ' '));
}
