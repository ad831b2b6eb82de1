import type { PersonFilter } from '../contract/filters.js';
import type { PersonDetail } from '../core/person-detail.js';
import { filterReads, SORT_READS, type PeoplePage } from '../storage/people-list.js';

/**
 * What an answer depends on (server/answer-dependencies.ts), worked out where the names of what is
 * read live: the people it shows or refers to, and what else it reads, in listingVersion's names.
 */
export interface ReadFrom {
  people: ReadonlySet<string>;
  reads: readonly string[];
}

/**
 * A page of people: the people on it, and what decides who is on it and where (the filter's
 * columns and tables, the sort's key, the name and id every order ends with). Someone else's write
 * that leaves those alone leaves who matches, the total, the order, and so the page, as they were.
 * Null for a listing without a limit (everyone a filter matches): any write may change it.
 */
export function peoplePageReads(filter: PersonFilter, page: PeoplePage): ReadFrom | null {
  if (filter.limit === undefined) return null;
  return { people: new Set(page.items.map((person) => person.id)), reads: [...filterReads(filter), 'people.sort_name', ...SORT_READS[filter.sort ?? 'name']] };
}

/**
 * A person's page: them and everyone it names (ties, introductions, exchanges shared, follow-ups).
 * Their exchanges, dates and channels are theirs: a write to other people adds none. What else it
 * shows (goals, networks, ties, introductions) no write to a few people writes (people-writes.ts).
 */
export function personPageReads(detail: PersonDetail): ReadFrom {
  const people = new Set<string>([detail.person.id, ...Object.keys(detail.names)]);
  for (const tie of detail.ties) people.add(tie.person.id);
  for (const exchange of detail.exchanges) for (const id of exchange.personIds) people.add(id);
  for (const intro of detail.introductions) for (const id of [intro.byId, intro.personId, intro.toId]) if (id) people.add(id);
  for (const followUp of detail.followUps) if (followUp.personId) people.add(followUp.personId);
  return { people, reads: [] };
}
