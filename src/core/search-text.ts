/**
 * What people search a person by, folded once when the person is written: name,
 * organisation, role, location, tags, notes and contact details, each lower-cased,
 * without accents and with spacing collapsed, joined by a separator no query can
 * hold, so that a search reads one column and never matches across two fields.
 * A profile link (LinkedIn, X, GitHub, ORCID, Bluesky) is held by its handle, and a
 * query that is such a link is folded to its handle too, so a pasted link still finds
 * its person: the network's address around the handle is the same for everyone who has
 * one, found "linkedin" in all 30,000 people of a LinkedIn import, and made a third of
 * their search text and of its trigram index (issue 15).
 */
import { profileHandle } from './contact-links.js';
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

/**
 * What search reads of a person: each field folded (foldForSearch), apart by a separator.
 * `nameFolded`, when the caller has it, is `foldForSearch(person.name)` (the name's key, which
 * the person's row holds beside it: storage/people.ts).
 */
export function searchText(person: Searchable, channels: readonly string[], nameFolded?: string): string {
  // Appended field by field, not through a list filtered, mapped and joined: the text is made
  // for each of an import's 30,000 rows (issue 15). An empty or missing field is left out.
  let text = '';
  let first = true;
  const add = (field: string | null, folded?: string) => {
    if (field === null || field === '') return;
    const fold = folded ?? foldForSearch(field);
    text = first ? fold : `${text}${SEARCH_FIELD_SEPARATOR}${fold}`;
    first = false;
  };
  add(person.name, nameFolded);
  add(person.organisation);
  add(person.role);
  add(person.location);
  for (const tag of person.tags) add(tag);
  add(person.notes);
  for (const channel of channels) add(profileHandle(channel) ?? channel);
  return text;
}

/** A query folded the same way, control characters (the separator among them) taken out; a profile link, its handle. */
export function foldQuery(query: string): string {
  return foldForSearch((profileHandle(query) ?? query).replace(/\p{Cc}/gu, ' '));
}
