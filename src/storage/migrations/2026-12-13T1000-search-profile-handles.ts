import { sql, type Kysely } from 'kysely';
import { profileHandle } from '../../core/contact-links.js';
import { searchText } from '../../core/search-text.js';

/*
 * A person's search text holds a profile link (LinkedIn, X, GitHub, ORCID, Bluesky) by its
 * handle, where it held the whole address (core/search-text.ts): the text of every person
 * who has such a link is written again, so that a search finds the people written before this
 * as it finds those written after (on SQLite the search index follows by its update trigger;
 * PostgreSQL's trigram index is an index). People without such a link keep their text.
 * Frozen once shipped.
 */

/** People read and written this many at a time. */
const BATCH = 500;

interface SearchedRow {
  id: string;
  name: string;
  organisation: string | null;
  role: string | null;
  location: string | null;
  tags: string;
  notes: string | null;
  search_text: string;
}

export async function up(db: Kysely<any>): Promise<void> {
  // Whoever has a link a handle can be read from, whatever kind it was given ('web', 'other').
  const points = (await db.selectFrom('contact_points').select(['person_id', 'value']).execute()) as { person_id: string; value: string }[];
  const ids = [...new Set(points.filter((p) => profileHandle(p.value) !== null).map((p) => p.person_id))];
  for (let from = 0; from < ids.length; from += BATCH) {
    const batch = ids.slice(from, from + BATCH);
    const people = (await db.selectFrom('people').select(['id', 'name', 'organisation', 'role', 'location', 'tags', 'notes', 'search_text']).where('id', 'in', batch).execute()) as SearchedRow[];
    const channels = new Map<string, string[]>();
    const held = (await db.selectFrom('contact_points').select(['person_id', 'value']).where('person_id', 'in', batch).orderBy('person_id').orderBy('position').execute()) as { person_id: string; value: string }[];
    for (const point of held) channels.set(point.person_id, [...(channels.get(point.person_id) ?? []), point.value]);
    const changed: [id: string, text: string][] = [];
    for (const person of people) {
      const text = searchText({ ...person, tags: tagList(person.tags) }, channels.get(person.id) ?? []);
      if (text !== person.search_text) changed.push([person.id, text]);
    }
    // One statement a batch, not one a person: on PostgreSQL each is a round trip, and a server may hold many workspaces of 30,000.
    // A VALUES list's columns are column1 and column2 on both databases.
    if (changed.length) {
      const rows = sql.join(changed.map(([id, text]) => sql`(${id}, ${text})`));
      await sql`update people set search_text = v.column2 from (values ${rows}) as v where people.id = v.column1`.execute(db);
    }
  }
}

/** A row's tags as written (a JSON list of strings); anything else, none, so that one odd row never stops the upgrade. */
function tagList(json: string): string[] {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

/** Nothing to undo: the text is worked out from the person, and the code before this one writes it whole on the next change. */
export async function down(): Promise<void> {}
