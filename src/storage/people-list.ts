import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import { CURSOR_SORTS, encodePersonCursor, type CursorSort } from '../contract/person-cursor-text.js';
import type { PersonFilter, PersonSort } from '../contract/filters.js';
import { PERSON_QUADRANT_SIGNS } from '../core/check/quadrants.js';
import { IMPORTANT_MIN_IMPORTANCE, IMPORTANT_MIN_RELEVANCE, STRONG_MIN_STRENGTH } from '../core/check/thresholds.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { DEFAULT_DUE_WINDOW_DAYS } from '../core/due.js';
import type { ContactPoint, Person } from '../core/model.js';
import { foldQuery } from '../core/search-text.js';
import { chunks } from './chunks.js';
import { containsPattern } from './like.js';
import { indexableSearch, matchesSearch, searchesByFts } from './search-index.js';
import { committingWrite, dataVersion, listingVersion, listingVersionOf, postgresVersionNamed, postgresVersionOf, sawDataVersion, wantsDataVersionSeen, withDataVersionRead } from './data-version.js';
import { KeptPerVersion } from './kept-per-version.js';
import { selectIdsInOrder } from './ids-in-order.js';
import type { CountOwed, OrderOwed } from './people-list-catch-up.js';
import { idsBytes } from '../core/byte-budget.js';
import { IdOrder } from '../core/id-order.js';
import { isPostgres } from './json-dialects.js';
import { executePrepared, idIn } from './prepared-statements.js';
import { toContactPoint, toPerson } from './people.js';
import { selectWholeList } from './people-whole-list.js';
import { afterCursor, checkCursor, cursorFor, dueDate, lastExchange } from './people-keyset.js';
import { selectOrderAndPage, selectPageByIds, selectPageByIdsSeeing, type PagePerson } from './people-page.js';
import type { Database } from './schema.js';

/*
 * The people list: one query for both databases over the filter, in the sort's order (each
 * order has its index), paged by offset or by cursor (people-keyset.ts), with the total of
 * the whole match, and the page's channels.
 */

export interface Page<T> {
  items: T[];
  /** How many match the filter, before limit and offset. */
  total: number;
}

/** A page of people: on the sorts keyset paging serves, with where the next page starts (null on the last). */
export type PeoplePage = Page<Person> & { nextCursor?: string | null };

/**
 * The person a page read past its end to know there is a next one (a keyset page reads one row more
 * than it shows), by page: not part of the page's answer, but what its kept answer can lean on
 * (services/answer-reads.ts): while that person stays after the page, someone else leaving what
 * stands after it cannot leave it the last.
 */
const readPast = new WeakMap<PeoplePage, string>();
export const personReadPast = (page: PeoplePage): string | undefined => readPast.get(page);

const isCursorSort = (sort: string): sort is CursorSort => (CURSOR_SORTS as readonly string[]).includes(sort);

/** A query in the list's order: each order has its index (migration 2026-12-03T1000-read-speed), written here exactly as the index has it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same order on the rows' query and on the page's ids
export function inOrder<Q extends { orderBy: (...args: any[]) => any }>(query: Q, sort: string): Q {
  let q = query;
  if (sort === 'strength' || sort === 'importance') q = q.orderBy(`people.${sort}`, 'desc');
  // People never met sort last, people with nothing planned too, whatever the database does with nulls.
  if (sort === 'last-exchange') q = q.orderBy(lastExchange, 'desc');
  if (sort === 'next-contact') q = q.orderBy(dueDate);
  if (sort === 'added') q = q.orderBy('people.addedOn', 'desc');
  // Names sort without their titles ("Dr Ana Silva" under A); the id keeps pages stable between equal names.
  return q.orderBy('people.sortName').orderBy('people.id');
}

/** What a listing's pages share, whatever their place: the filter, less where the page is and its order. */
export function listingKey(workspaceId: string, today: IsoDate, filter: PersonFilter): string {
  const { limit: _limit, offset: _offset, cursor: _cursor, sort: _sort, ...matching } = filter;
  return `${workspaceId}\u0000${today}\u0000${JSON.stringify(matching)}`;
}

/**
 * How many match a filter, counted once per version of the data: every page of one listing
 * (offset 0, 50, … 29,950) has the same total, and counting 30,000 people is most of what a
 * page costs. A few thousand filters at most: each weighs its key, the number and the listing it
 * is about (its filter, for people-list-patch.ts), a few hundred bytes.
 */
const MAX_KEPT_COUNTS_BYTES = 2 * 1024 * 1024;
/** A listing's kept count or order is moved on by the write to its workspace that is committing (data-version.ts, committingWrite). */
const movingOn = (db: Kysely<Database>, about: KeptListing) => committingWrite(db, about.workspaceId);
const KEPT_LISTING_BYTES = 512;
export const counts = new KeptPerVersion<number, KeptListing, CountOwed>(MAX_KEPT_COUNTS_BYTES, () => KEPT_LISTING_BYTES, movingOn);

/** What a kept count or order was worked out from, so that a write to a few people can patch it (people-list-patch.ts). */
export interface KeptListing {
  workspaceId: string;
  today: IsoDate;
  filter: PersonFilter;
  /** The order's sort; null for a count. */
  sort: PersonSort | null;
  /** What it reads, in listingVersion's names. */
  reads: readonly string[];
}

/**
 * The ids of a whole listing in its order, read once per version of the data (an index-only
 * walk), so that a page at any offset is its own ids taken from the list and its rows read by
 * id: a page deep in the list costs what the first costs, where walking the index past the
 * offset cost every request a walk of the rows before it (15,000 for the middle of 30,000;
 * on PostgreSQL the next-contact order's expression index cannot even answer that walk alone).
 * At most 20 MB of ids kept in all, by core/byte-budget.ts's estimate (about 300,000 ids, ten
 * whole lists of 30,000); a listing heavier than that is walked as before.
 */
const MAX_KEPT_ORDER_BYTES = 20 * 1024 * 1024;

/**
 * Up to how many matches SQLite finds a search's page by its trigram index (each match then read by
 * its rowid and the few sorted) rather than by walking the list's order until the page is full: at
 * 30,000 people the index wins below a few thousand matches (a page of "brook 46", 13 matches: 0.7 ms
 * against 3.8 ms walking), the walk above ("hospital", 6,009 matches: 0.1 ms against 9.6 ms).
 */
const FEW_ENOUGH_TO_LOOK_UP = 2_000;
/**
 * Up to how many matches PostgreSQL finds a search's people first (by its trigram index, in one
 * subquery) and sorts them, rather than leaving the order to its planner, which walks the name index
 * for a short fragment however few hold it: at 30,000 people none holding it took 7.6 ms walking
 * and 0.14 ms found first; 13 matches 0.56 against 0.88 ms; 1,947 matches 6.5 against 38 ms.
 */
const FEW_ENOUGH_TO_LOOK_UP_FIRST_ON_POSTGRES = 200;
/**
 * Up to how long a page is read by its ids (people-page.ts): a page a screen shows. Longer ones (the
 * map's whole list by a filter, say) read their rows in order and their channels by one query.
 */
const MAX_PAGE_BY_IDS = 1_000;
// As many listings as the bytes allow: on PostgreSQL each goal's and each network's pages are taken from its
// kept order (byKeptOrder), and a thousand networks of 45 people each weigh less than one whole list.
// Each order kept in chunks (core/id-order.ts), so that catching it up with a write copies a chunk, not 30,000 ids.
export const orders = new KeptPerVersion<IdOrder, KeptListing, OrderOwed>(MAX_KEPT_ORDER_BYTES, (order) => KEPT_LISTING_BYTES + idsBytes([]) + order.idBytes, movingOn);

/**
 * On PostgreSQL, a page of a goal's people (a twentieth of the workspace, say) or a network's
 * is taken from the listing's kept order, as a deep page is. Walking the name index until 51
 * of a goal's people turned up read a thousand people and probed their goal links one by one
 * (4,800 buffers), and counting them read every person again (3,400); the goal's whole order
 * is one hash join over an index (425 buffers), its length the count, and each page then
 * reads its own rows by id. SQLite walks the index fast enough and keeps doing so.
 */
function byKeptOrder(db: Kysely<Database>, filter: PersonFilter): boolean {
  return (filter.goalId !== undefined || filter.networkId !== undefined) && db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * What each part of a filter reads (data-version.ts, listingVersion): a count or an order is kept
 * until one of these is written, so logging an exchange leaves the listings by name, category or
 * network as they were. A Record, so a new filter does not compile until it says what it reads.
 */
const FILTER_READS: Record<keyof PersonFilter, readonly string[]> = {
  ids: [],
  search: ['people.search_text'],
  category: ['people.category'],
  stage: ['people.stage'],
  tag: ['people.tags'],
  goalId: ['person_goals'],
  networkId: ['memberships'],
  source: ['people.source'],
  unjudged: ['people.strength', 'people.importance'],
  quadrant: ['people.strength', 'people.importance', 'people.goal_relevance'],
  due: ['people.next_contact_due'],
  dueBy: ['people.next_contact_due'],
  dueFrom: ['people.next_contact_due'],
  sort: [],
  limit: [],
  offset: [],
  cursor: [],
};
/** What each order reads besides the name and id every order ends with (inOrder). */
export const SORT_READS: Record<PersonSort, readonly string[]> = {
  name: [],
  strength: ['people.strength'],
  importance: ['people.importance'],
  added: ['people.added_on'],
  'last-exchange': ['people.last_exchange_on'],
  'next-contact': ['people.next_contact_due'],
};
export const filterReads = (filter: PersonFilter) =>
  (Object.keys(filter) as (keyof PersonFilter)[]).filter((key) => filter[key] !== undefined && filter[key] !== false).flatMap((key) => FILTER_READS[key]);

/** A filter whose only values are keys (a goal, a network) besides its page and order: its order's query is kept prepared. */
const KEYS_AND_PAGING: readonly (keyof PersonFilter)[] = ['goalId', 'networkId', 'sort', 'limit', 'offset'];
/** The filter's keys that say something (neither left out nor false). */
const keysSet = (filter: PersonFilter) => (Object.keys(filter) as (keyof PersonFilter)[]).filter((key) => filter[key] !== undefined && filter[key] !== false);
const byKeysAlone = (filter: PersonFilter) => keysSet(filter).every((key) => KEYS_AND_PAGING.includes(key));
const PAGING: readonly (keyof PersonFilter)[] = ['sort', 'limit', 'offset'];

/**
 * Whether PostgreSQL plans a first page's (or a cursor's next page's) walk the same for any of its values, so that
 * the statement is kept prepared with one plan (prepared-statements.ts) rather than planned on every request: keys
 * alone (above); a cursor alone, a place on the index the order walks; one stage, category or source in the name
 * order, an index whose key goes on with the name; a due date alone in the next-contact order, a range on that order's
 * own index. Planning these took a fifth of PostgreSQL's time for the first pages of the mixed run (issue 15). Not the
 * rest: the due filter in the name order, say, is best walked by name when many are due and by date when few are, and
 * one plan for every date would be wrong for some.
 */
export function pagePlannedAlike(filter: PersonFilter, sort: PersonSort): boolean {
  if (byKeysAlone(filter)) return !filter.cursor;
  const set = keysSet(filter).filter((key) => !PAGING.includes(key));
  if (set.length !== 1) return false;
  const [only] = set;
  if (only === 'cursor') return true;
  if (sort === 'name') return only === 'stage' || only === 'category' || only === 'source';
  if (sort === 'next-contact') return only === 'due' || only === 'dueBy' || only === 'dueFrom';
  return false;
}

/**
 * The page lengths whose walk is kept prepared (with the row that says whether a next page follows): the
 * lengths the web app and the command line ask for. Any other length is written in the text all the same,
 * and planned each time: a client asking for every length from 1 to 1,000 would otherwise take every
 * name a connection keeps (MAX_PREPARED_STATEMENTS) for walks nobody asks again.
 */
const PREPARED_PAGE_LENGTHS: ReadonlySet<number> = new Set([10, 20, 25, 50, 100]);

/**
 * People by their ids alone (a person's page, read again after every write to them; the due list's, the plan's): the
 * ids are keys, so one plan fits any of them and PostgreSQL keeps the statement prepared (prepared-statements.ts),
 * where it was planned on each of those reads.
 */
const byIdsAlone = (filter: PersonFilter) => filter.ids !== undefined && keysSet(filter).every((key) => key === 'ids' || key === 'sort');

/** No filter, no page, the name order: everyone, as the check and the exports read them. */
function isWholeList(filter: PersonFilter): boolean {
  return Object.entries(filter).every(([key, value]) => value === undefined || value === false || (key === 'sort' && value === 'name'));
}

/** The people a filter matches but for its search (which the list finds its own way, selectPeople): the rows of `people`, unordered. */
export function peopleMatching(db: Kysely<Database>, workspaceId: string, today: IsoDate, filter: PersonFilter) {
  let base = db.selectFrom('people').where('people.workspaceId', '=', workspaceId);
  // On PostgreSQL one text for one id (`= $n`) and one for any number of them (`= any($n)`), so a person's page read after each write stays prepared (selectPeopleAt).
  if (filter.ids) base = base.where(idIn(db, 'people.id', filter.ids));
  if (filter.category === 'none') base = base.where('people.category', 'is', null);
  else if (filter.category) base = base.where('people.category', '=', filter.category);
  if (filter.stage) base = base.where('people.stage', '=', filter.stage);
  if (filter.source) base = base.where('people.source', '=', filter.source);
  if (filter.unjudged) base = base.where('people.strength', '=', 0).where('people.importance', '=', 0);
  if (filter.tag) {
    // Tags are a JSON list of strings; the quoted form matches one whole tag.
    base = base.where(sql<boolean>`${sql.ref('people.tags')} like ${containsPattern(JSON.stringify(filter.tag))} escape '\\'`);
  }
  if (filter.goalId) {
    const goalId = filter.goalId;
    // From the goal's links to the people (an index), not from every person to their links.
    base = base.where('people.id', 'in', (eb) => eb.selectFrom('personGoals').select('personGoals.personId').where('personGoals.goalId', '=', goalId));
  }
  if (filter.networkId) {
    const networkId = filter.networkId;
    // A join from the network's memberships (its key starts with network_id; a person is in a network once), not
    // `id in (…)`: SQLite then reads the members' rows straight from the key's walk, a third less work a page than
    // building the list first; EXISTS per person walked the whole list (ten times the work).
    base = base.innerJoin('memberships', 'memberships.personId', 'people.id').where('memberships.networkId', '=', networkId);
  }
  if (filter.quadrant) {
    // The same rule as the check's personQuadrant, in SQL so a page of ten thousand stays one query.
    const signs = PERSON_QUADRANT_SIGNS[filter.quadrant];
    // goal_relevance is the best relevance to an active goal, kept current (services/goal-relevance.ts).
    const important = sql<boolean>`(people.importance >= ${IMPORTANT_MIN_IMPORTANCE} or people.goal_relevance >= ${IMPORTANT_MIN_RELEVANCE})`;
    const strong = sql<boolean>`people.strength >= ${STRONG_MIN_STRENGTH}`;
    base = base.where(signs.important ? important : sql<boolean>`not ${important}`).where(signs.strong ? strong : sql<boolean>`not (${strong})`);
  }
  if (filter.due) {
    // next_contact_due is kept current on every write (services/rhythm.ts): the due filter is a range on an index.
    const now = today;
    // Written as the index people_by_next_contact has it; "nothing planned" (the far date) is never before the bound.
    base = base.where(dueDate, filter.due === 'overdue' ? '<' : '<=', filter.due === 'overdue' ? now : addDays(now, DEFAULT_DUE_WINDOW_DAYS));
  }
  if (filter.dueBy) base = base.where(dueDate, '<=', filter.dueBy);
  if (filter.dueFrom) base = base.where(dueDate, '>=', filter.dueFrom);

  return base;
}

/**
 * A page deep in a listing, or any of a goal's or a network's, unsearched: taken from the listing's
 * kept order, counted by its length, its rows read by id. On PostgreSQL, when asked for the version
 * its reads saw (a kept answer's miss, server/answer-cache.ts), such a page learns the version in
 * the statement that reads its rows (seeingPage) rather than by a round trip before it.
 */
const pageOfKeptOrder = (filter: Pick<PersonFilter, 'limit' | 'offset' | 'goalId' | 'networkId' | 'search'> & { cursor?: unknown }) =>
  filter.limit !== undefined && !filter.cursor && ((filter.offset !== undefined && filter.offset > 0) || filter.goalId !== undefined || filter.networkId !== undefined) && !filter.search?.trim();

/**
 * Whether a listing of `db` by such a filter reads its data's version in the statement that reads
 * its page (PostgreSQL, a page of a kept order): then a kept answer's miss need not read the
 * version first (server/answer-cache.ts). Any other filter, asked the same, reads it first itself.
 */
export const listingSeesItsVersion = (db: Kysely<Database>, filter: Parameters<typeof pageOfKeptOrder>[0]) => isPostgres(db) && !db.isTransaction && pageOfKeptOrder(filter);

/**
 * The people list, as selectPeopleAt reads it. Asked for the version its reads saw (withDataVersionSeen:
 * a kept answer's miss), it names that version: read first and standing for the version in every read
 * after it (on SQLite no round trip), or on PostgreSQL, for a page of a kept order, read in the page's
 * own statement.
 */
export async function selectPeople(db: Kysely<Database>, workspaceId: string, today: IsoDate, filter: PersonFilter): Promise<PeoplePage> {
  if (!wantsDataVersionSeen(db, workspaceId)) return selectPeopleAt(db, workspaceId, today, filter, false);
  if (listingSeesItsVersion(db, filter)) return selectPeopleAt(db, workspaceId, today, filter, true);
  const version = await dataVersion(db, workspaceId);
  sawDataVersion(db, workspaceId, version);
  return withDataVersionRead(db, workspaceId, version, () => selectPeopleAt(db, workspaceId, today, filter, false));
}

/**
 * PostgreSQL: a page of the order kept under `key`, its rows and the version they were read at in one
 * statement, when some order is kept for the listing; good if that is the version the order is kept
 * under (nothing was written since it was worked out). Otherwise the version is what the statement
 * said (a newer one), or, with no order kept, one read now; the order is then taken as at that
 * version (kept, or worked out by `read` once for everyone asking), and the page is left to be read
 * by its ids. A goal's or a network's order, a few hundred people, is read with its page and its
 * version in one statement instead (`readSeeing`), and kept under that version.
 */
async function seeingPage(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
  about: KeptListing,
  slice: { offset: number; take: number },
  read: () => Promise<readonly string[]>,
  readSeeing: (() => Promise<{ ids: string[]; page: PagePerson[]; version: string }>) | null,
): Promise<{ version: string; listed: IdOrder; page: PagePerson[] | null }> {
  const latest = orders.latest(db, key);
  let version: string;
  if (latest) {
    const seen = await selectPageByIdsSeeing(db, workspaceId, latest.value.slice(slice.offset, slice.offset + slice.take));
    sawDataVersion(db, workspaceId, seen.version);
    if (seen.version === latest.version) return { version: seen.version, listed: latest.value, page: seen.page };
    version = seen.version;
  } else if (readSeeing) {
    const both = await readSeeing();
    sawDataVersion(db, workspaceId, both.version);
    const listed = IdOrder.of(both.ids);
    orders.offer(db, key, both.version, listed, about);
    return { version: both.version, listed, page: both.page };
  } else {
    version = await dataVersion(db, workspaceId);
    sawDataVersion(db, workspaceId, version);
  }
  return { version, listed: await orders.get(db, key, version, async () => IdOrder.of(await read()), about), page: null };
}

async function selectPeopleAt(db: Kysely<Database>, workspaceId: string, today: IsoDate, filter: PersonFilter, seeing: boolean): Promise<PeoplePage> {
  if (isWholeList(filter)) {
    const items = await selectWholeList(db, workspaceId);
    return { items, total: items.length };
  }
  let base = peopleMatching(db, workspaceId, today, filter);
  const search = filter.search?.trim();
  const folded = search ? foldQuery(search) : '';
  const paged = filter.limit !== undefined || filter.offset !== undefined;
  const sort = filter.sort ?? 'name';
  // A page deep in the list: its ids taken from the listing's order (kept per version, below; in a
  // transaction found on the sort's index alone), and only its own rows read, not every row before it.
  // On PostgreSQL every page of a goal's or a network's people too (byKeptOrder).
  const deep = filter.limit !== undefined && !filter.cursor && ((filter.offset !== undefined && filter.offset > 0) || byKeptOrder(db, filter));
  const orderReads = [...filterReads(filter), 'people.sort_name', ...SORT_READS[sort]];
  // Such a page, unsearched, is counted by its order's length: one version to read, the order's
  // (on PostgreSQL each version read is a round trip).
  const byOrderAlone = deep && !folded;
  // A version read before anything else: a count kept under it is never older than it says.
  // Seeing (selectPeople): read with the page's rows, below.
  // The whole data's version first, and the listing's from it: the whole one is what a page's people are kept under (page-rows-kept.ts).
  const wholeVersion = paged && !seeing ? await dataVersion(db, workspaceId) : null;
  let version = wholeVersion === null ? null : listingVersionOf(wholeVersion, byOrderAlone ? orderReads : filterReads(filter));
  const unsearched = base;
  const count = async (query: typeof base) => Number((await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  const countOf = (query: typeof base) => {
    if (version === null || db.isTransaction) return count(query);
    const about: KeptListing = { workspaceId, today, filter, sort: null, reads: filterReads(filter) };
    // PostgreSQL: counted with the version its snapshot holds, and kept under that one (getSeeing).
    if (isPostgres(db)) return counts.getSeeing(db, listingKey(workspaceId, today, filter), version, () => countSeeing(query), about);
    return counts.get(db, listingKey(workspaceId, today, filter), version, () => count(query), about);
  };
  const countSeeing = async (query: typeof base) => {
    const row = await db.selectNoFrom([query.select((eb) => eb.fn.countAll<number>().as('n')).as('count'), postgresVersionOf(workspaceId).as('version')]).executeTakeFirstOrThrow();
    return { value: Number(row.count), version: postgresVersionNamed(row.version) };
  };
  let counted: Promise<number> | null = null;
  if (folded) {
    // Search (search-index.ts): where a trigram index can be asked, the count says which way finds the page
    // sooner: a fragment few people hold by the index, one many hold by walking the list's order. SQLite counts
    // by its trigram table (its planner cannot see inside it); PostgreSQL's planner counts the LIKE by its own index.
    if (version !== null && indexableSearch(folded)) {
      const fts = searchesByFts(db);
      counted = countOf(unsearched.where(matchesSearch(db, workspaceId, folded, fts ? 'trigrams' : 'walk')));
      const fewEnough = fts ? FEW_ENOUGH_TO_LOOK_UP : FEW_ENOUGH_TO_LOOK_UP_FIRST_ON_POSTGRES;
      base = unsearched.where(matchesSearch(db, workspaceId, folded, (await counted) <= fewEnough ? 'trigrams' : 'walk'));
    } else {
      base = unsearched.where(matchesSearch(db, workspaceId, folded, 'walk'));
    }
  }
  // Built when a branch below reads them, not before: a page of a kept order needs neither, and
  // building them (Kysely's query nodes) was a tenth of such a page's time on the requests' thread.
  const rowsInOrder = () => {
    const rows = inOrder(deep ? db.selectFrom('people').where('people.workspaceId', '=', workspaceId).selectAll('people') : base.selectAll('people'), sort);
    return filter.cursor ? rows.where(afterCursor(filter.cursor, { postgres: isPostgres(db) })) : rows;
  };
  const pageIds = () => inOrder(base.select('people.id'), sort);
  if (filter.cursor) checkCursor(filter.cursor, sort, filter.offset);
  let rowsQuery: ReturnType<typeof rowsInOrder> | null = null;
  // On the sorts a cursor can continue, one row past the page tells whether there is a next one.
  const keyset = filter.limit !== undefined && isCursorSort(sort) ? sort : null;
  let listed: IdOrder | null = null;
  let pageByIds: readonly string[] | null = null;
  /** The page's rows, when they were read with the listing's order (PostgreSQL). */
  let pagedWithOrder: PagePerson[] | null = null;
  if (deep) {
    const take = keyset ? (filter.limit as number) + 1 : (filter.limit as number);
    const offset = filter.offset ?? 0;
    if (seeing) {
      const order = () => pageIds().compile();
      const prepared = byKeysAlone(filter);
      const readWithOrder: { page?: PagePerson[] } = {};
      const read = async () => {
        const both = await selectOrderAndPage(db, workspaceId, order(), { offset, take }, prepared);
        readWithOrder.page = both.page;
        return both.ids;
      };
      const readSeeing = byKeptOrder(db, filter) ? () => selectOrderAndPage(db, workspaceId, order(), { offset, take }, prepared) : null;
      const found = await seeingPage(db, workspaceId, `${sort}\u0000${listingKey(workspaceId, today, filter)}`, { workspaceId, today, filter, sort, reads: orderReads }, { offset, take }, read, readSeeing);
      version = found.version;
      listed = found.listed;
      pagedWithOrder = found.page ?? readWithOrder.page ?? null;
      pageByIds = listed.slice(offset, offset + take);
    } else if (version !== null && !db.isTransaction) {
      const orderVersion = byOrderAlone ? version : await listingVersion(db, workspaceId, orderReads);
      // Only keys for values (a network, a goal, the workspace): one plan fits them all, so PostgreSQL keeps it prepared.
      const prepared = byKeysAlone(filter);
      // PostgreSQL: the order and this page's rows in one statement (people-page.ts), when the order is read at all.
      const readWithOrder: { page?: PagePerson[] } = {};
      const read = async () => {
        if (!isPostgres(db)) return selectIdsInOrder(db, pageIds().compile());
        const both = await selectOrderAndPage(db, workspaceId, pageIds().compile(), { offset, take }, prepared);
        readWithOrder.page = both.page;
        return both.ids;
      };
      listed = await orders.get(db, `${sort}\u0000${listingKey(workspaceId, today, filter)}`, orderVersion, async () => IdOrder.of(await read()), { workspaceId, today, filter, sort, reads: orderReads });
      pagedWithOrder = readWithOrder.page ?? null;
      pageByIds = listed.slice(offset, offset + take);
    } else {
      rowsQuery = rowsInOrder().where('people.id', 'in', pageIds().limit(take).offset(offset));
    }
  } else if (filter.limit !== undefined && filter.limit <= MAX_PAGE_BY_IDS) {
    // A first page, or the next by cursor: its ids walked on the order's index (the index holds them),
    // then its rows and channels by id, as a kept order's page is read.
    const take = keyset ? filter.limit + 1 : filter.limit;
    const postgres = isPostgres(db);
    // PostgreSQL: the page's length (and its offset, 0 here or none: deeper pages are read from a kept order) written
    // in the text. As values, a plan for any values costs the walk for any length (a tenth of the list, by its rule),
    // so PostgreSQL planned the statement anew on every request even when it was kept prepared. Named only at the
    // usual lengths (PREPARED_PAGE_LENGTHS): this branch takes up to MAX_PAGE_BY_IDS.
    const lengthInText = postgres && Number.isSafeInteger(take) && (filter.offset === undefined || filter.offset === 0);
    let ids = lengthInText ? pageIds().limit(sql.lit(take)) : pageIds().limit(take);
    if (filter.cursor) ids = ids.where(afterCursor(filter.cursor, { postgres }));
    if (filter.offset !== undefined && !lengthInText) ids = ids.offset(filter.offset);
    if (postgres) {
      // The walk and the rows it finds in one statement: one round trip, not two (people-page.ts). Kept
      // prepared when its plan is one for any of its values (pagePlannedAlike).
      const both = await selectOrderAndPage(db, workspaceId, ids.compile(), { offset: 0, take }, lengthInText && PREPARED_PAGE_LENGTHS.has(filter.limit) && pagePlannedAlike(filter, sort));
      pageByIds = both.ids;
      pagedWithOrder = both.page;
    } else {
      pageByIds = (await ids.execute()).map((row) => row.id);
    }
  } else {
    rowsQuery = rowsInOrder();
    if (filter.limit !== undefined) rowsQuery = rowsQuery.limit(keyset ? filter.limit + 1 : filter.limit);
    if (filter.offset !== undefined) rowsQuery = (filter.limit === undefined ? rowsQuery.limit(Number.MAX_SAFE_INTEGER) : rowsQuery).offset(filter.offset);
  }
  // A page's rows and their channels by their ids, one statement (people-page.ts).
  const rows: PagePerson[] = pageByIds
    ? (pagedWithOrder ?? (await selectPageByIds(db, workspaceId, pageByIds, wholeVersion ?? undefined)))
    : (byIdsAlone(filter) ? await executePrepared(db, rowsQuery ?? rowsInOrder()) : await (rowsQuery ?? rowsInOrder()).execute()).map((row) => ({ row, person: toPerson(row, row.lastExchangeOn ?? null, []) }));
  const more = keyset !== null && rows.length > (filter.limit as number);
  const past = more ? rows.pop()?.row.id : undefined;
  const lastRow = rows.at(-1)?.row;
  const nextCursor = keyset === null ? undefined : more && lastRow ? encodePersonCursor(cursorFor(keyset, lastRow)) : null;
  // A first page with room to spare holds every match: its length is the count (a network's 45 people, say).
  const complete = filter.limit !== undefined && !filter.cursor && !deep && (keyset !== null ? !more : rows.length < filter.limit);
  // In a transaction the count is the transaction's own business (countOf); a whole listing read for its order is its own count.
  const whole = listed;
  const total = version === null || complete ? rows.length : whole ? whole.length : await (counted ?? countOf(base));

  const channelsByPerson = new Map<string, ContactPoint[]>();
  const addPoint = (point: Selectable<Database['contactPoints']>) => {
    const list = channelsByPerson.get(point.personId);
    if (list) list.push(toContactPoint(point));
    else channelsByPerson.set(point.personId, [toContactPoint(point)]);
  };
  if (pageByIds) {
    // Read with the rows.
  } else if (rows.length > 1000) {
    // Many people (a whole map): one query for the workspace's contact points beats many `in` lists.
    const points = await db
      .selectFrom('contactPoints')
      .innerJoin('people', 'people.id', 'contactPoints.personId')
      .selectAll('contactPoints')
      .where('people.workspaceId', '=', workspaceId)
      .orderBy('contactPoints.personId')
      .orderBy('contactPoints.position')
      .execute();
    for (const point of points) addPoint(point);
  } else {
    for (const chunk of chunks(rows.map((r) => r.person.id))) {
      const points = await executePrepared(db, db.selectFrom('contactPoints').selectAll().where(idIn(db, 'personId', chunk)).orderBy('personId').orderBy('position'));
      for (const point of points) addPoint(point);
    }
  }
  const page: PeoplePage = {
    items: pageByIds ? rows.map(({ person }) => person) : rows.map(({ person }) => ({ ...person, channels: channelsByPerson.get(person.id) ?? [] })),
    total,
    ...(nextCursor === undefined ? {} : { nextCursor }),
  };
  if (past !== undefined) readPast.set(page, past);
  return page;
}

