import type { PersonFilter } from '../contract/filters.js';
import { addDays } from '../core/dates.js';
import { DEFAULT_DUE_WINDOW_DAYS, type DueReport } from '../core/due.js';
import type { Placing } from '../core/listing-placement.js';
import type { Person } from '../core/model.js';
import type { PersonDetail } from '../core/person-detail.js';
import { IN_PROGRESS_STAGES } from '../core/plan.js';
import { NO_LAST_EXCHANGE, NO_NEXT_CONTACT } from '../storage/derived.js';
import { foldQuery } from '../core/search-text.js';
import { filterReads, personReadPast, SORT_READS, type PeoplePage } from '../storage/people-list.js';
import type { PlanView } from './plan.js';

/**
 * What an answer depends on (server/answer-dependencies.ts), worked out where the names of what is
 * read live: the people it shows or refers to, and what else it reads, in listingVersion's names.
 */
export interface ReadFrom {
  people: ReadonlySet<string>;
  reads: readonly string[];
  /**
   * A search's folded query, when the answer is a search's page: a write to the text a search matches
   * (people.search_text, not among `reads` then) has it worked out again only if it moved someone into
   * or out of the search (core/listing-placement.ts searchMoved): editing the notes of someone the
   * search does not find, before or after, leaves it as it was.
   */
  search?: string;
  /**
   * Where the people it does not show stand (core/listing-placement.ts), for the columns a write to
   * them may move that `reads` leaves out (stage, next contact, last exchange): a write that moves
   * someone within what is shown, or across its edge, has it worked out again.
   */
  placing?: Placing;
}

/** The columns `placing` answers for, in listingVersion's names. */
const PLACED = ['people.stage', 'people.next_contact_due', 'people.last_exchange_on'];

/**
 * A page of people: the people on it, and what decides who is on it and where (the filter's
 * columns and tables, the sort's key, the name and id every order ends with). Someone else's write
 * that leaves those alone leaves who matches, the total, the order, and so the page, as they were.
 * Null for a listing without a limit (everyone a filter matches): any write may change it.
 */
export function peoplePageReads(filter: PersonFilter, page: PeoplePage, today: string): ReadFrom | null {
  if (filter.limit === undefined) return null;
  const people = new Set(page.items.map((person) => person.id));
  // The person read past the page (a keyset page's look-ahead): a write to them may leave it the last page.
  const past = personReadPast(page);
  if (past !== undefined) people.add(past);
  const sort = filter.sort ?? 'name';
  const folded = filter.search?.trim() ? foldQuery(filter.search.trim()) : '';
  // A search's text is said as the search (searchMoved), not as a read: the listing folds the query so too (people-list.ts).
  const searched = folded ? { search: folded } : {};
  const reads = [...filterReads(filter), 'people.sort_name', ...SORT_READS[sort]].filter((name) => !folded || name !== 'people.search_text');
  // A filter or an order by the placed columns (a stage, what is due, the dates) is said as placing; anything else by its reads.
  const placedFilter = filter.stage !== undefined || filter.due !== undefined || filter.dueBy !== undefined || filter.dueFrom !== undefined;
  const byDate = sort === 'next-contact' || sort === 'last-exchange' ? sort : null;
  if (!placedFilter && !byDate) return { people, reads, ...searched };
  const dueUntil = [
    ...(filter.due === 'overdue' ? [{ date: today, inclusive: false }] : filter.due ? [{ date: addDays(today, DEFAULT_DUE_WINDOW_DAYS), inclusive: true }] : []),
    ...(filter.dueBy ? [{ date: filter.dueBy, inclusive: true }] : []),
  ];
  const placing: Placing = {
    ...(filter.stage ? { stages: [filter.stage] } : {}),
    ...(dueUntil.length > 0 ? { dueUntil } : {}),
    ...(filter.dueFrom ? { dueFrom: filter.dueFrom } : {}),
    order: byDate ? dateOrder(byDate, filter, page) : 'fixed',
  };
  return { people, reads: reads.filter((name) => !PLACED.includes(name)), placing, ...searched };
}

/** A person's key in a date order, as its index has it. */
const dateKey = (by: 'next-contact' | 'last-exchange', person: Person) => (by === 'next-contact' ? (person.nextContact?.date ?? NO_NEXT_CONTACT) : (person.lastExchangeOn ?? NO_LAST_EXCHANGE));

/**
 * A page's edges in its date order: before it, whatever sorts before its cursor or, deeper than
 * the first page, before its first person; after it, whatever sorts after its last person, when
 * there is more after it (a next cursor). An empty page deeper than the first: all stand before it.
 */
function dateOrder(by: 'next-contact' | 'last-exchange', filter: PersonFilter, page: PeoplePage): Placing['order'] {
  const first = page.items[0];
  const last = page.items.at(-1);
  if (!filter.cursor && filter.offset && !first) return 'fixed';
  const before = filter.cursor ? (filter.cursor.key ?? null) : filter.offset && first ? dateKey(by, first) : null;
  const after = page.nextCursor && last ? dateKey(by, last) : null;
  return { by, before, after, paging: filter.cursor ? 'cursor' : 'offset', ...(filter.cursor && page.nextCursor && personReadPast(page) !== undefined ? { standsAfterKnown: true } : {}) };
}

/**
 * What is due: the people it lists and those its follow-ups name, the follow-ups, and where
 * everyone else due stands: past the last date listed when the list was cut, else anyone due
 * (or coming due) changes it.
 */
export function dueReportReads(report: DueReport): ReadFrom {
  const people = new Set<string>(report.contacts.map((contact) => contact.personId));
  for (const { followUp } of report.followUps) if (followUp.personId) people.add(followUp.personId);
  const cut = report.contactsTotal > report.contacts.length;
  const lastDate = report.contacts.reduce<string | null>((latest, contact) => (latest === null || contact.date > latest ? contact.date : latest), null);
  return {
    people,
    reads: ['follow_ups'],
    placing: { dueUntil: [{ date: addDays(report.today, report.withinDays), inclusive: true }], order: { by: 'next-contact', before: null, after: cut ? lastDate : null, paging: 'offset' } },
  };
}

/**
 * The month's plan: its targets' people; anyone else only by whether they count as in progress (the
 * cap). Not `plan_targets` as a whole: a told write writes only its own people's targets (an exchange
 * meeting one, people-writes.ts), and adding or dropping a target is not told, so a write to targets
 * of people not on this plan leaves it as it was (every exchange touches the table, met or not).
 */
export function planReads(view: PlanView): ReadFrom {
  return { people: new Set(view.targets.map((target) => target.personId)), reads: [], placing: { stages: IN_PROGRESS_STAGES, order: 'fixed' } };
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
