import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Person } from '../core/model.js';
import { channelsList, isPostgres, parsedJson, postgresJson, sqliteJson } from './json-dialects.js';
import { isoFromPostgresTimestamp } from './postgres-timestamps.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { PERSON_COLUMNS, personColumnsFrom } from './person-columns.js';
import { dataVersion, postgresVersionNamed, postgresVersionSql } from './data-version.js';
import { pageRowsKept } from './page-rows-kept.js';
import { preparedOnPostgres } from './prepared-statements.js';
import type { Database } from './schema.js';
import { withoutPlugins } from './without-plugins.js';

/*
 * A page of people read by their ids (taken from a listing's kept order, people-list.ts), with
 * their channels, in one statement and one round trip. The text is written once per dialect and
 * is the same for any page length (the ids are one value: an array on PostgreSQL, a JSON list on
 * SQLite), so PostgreSQL keeps it prepared and SQLite keeps it compiled. A page used to be two
 * statements built by Kysely (the rows, then their channels), each a round trip through the
 * pool on PostgreSQL. The page comes as one JSON value parsed in one call, as the whole list does
 * on SQLite (people-whole-list.ts): cheaper than the driver building each row's object column by
 * column (better-sqlite3, or node-postgres's parser of its 31 text columns: on PostgreSQL about
 * 1.6 ms of the server's CPU for a page of 50, most of what a page that was not kept cost it).
 */

/** A page's row: the person's columns, and what a cursor to the next page names (people-keyset.ts). */
export type PageRow = PersonColumns & Pick<Selectable<Database['people']>, 'sortName' | 'nextContactDue'>;

interface RowWithChannels extends PageRow {
  channels: Selectable<Database['contactPoints']>[] | string;
}

const KEYSET_COLUMNS = { sortName: 'sort_name', nextContactDue: 'next_contact_due' };

let postgresText: string | undefined;
let sqliteText: string | undefined;

/**
 * PostgreSQL: a page's rows as one JSON array (null when there are none), each row an array of its
 * values: the person's columns in PERSON_COLUMNS's order (personColumnsFrom), the keyset's, then the
 * channels. JSON carries text, integers and dates as the driver reads them; a timestamp in PostgreSQL's
 * own JSON form, read back by fromValues as the ISO string the driver's reading gives (storage/postgres.ts).
 */
function postgresRowsJson(where: string): string {
  const values = Object.values({ ...PERSON_COLUMNS, ...KEYSET_COLUMNS }).map((column) => `p.${column}`);
  return `(select json_agg(json_build_array(${values.join(', ')}, ${channelsList(postgresJson, 'p')})) from people p where ${where})`;
}
const PERSON_VALUES = Object.keys(PERSON_COLUMNS).length;

/** A row of postgresRowsJson as the page's row. */
function fromValues(v: readonly unknown[]): RowWithChannels {
  const row = personColumnsFrom(v) as RowWithChannels;
  row.createdAt = isoFromPostgresTimestamp(row.createdAt);
  row.updatedAt = isoFromPostgresTimestamp(row.updatedAt);
  row.sortName = v[PERSON_VALUES] as string;
  row.nextContactDue = v[PERSON_VALUES + 1] as string;
  row.channels = v[PERSON_VALUES + 2] as RowWithChannels['channels'];
  return row;
}
const rowsOf = (json: unknown): RowWithChannels[] => (json === null || json === undefined ? [] : parsedJson<unknown[][]>(json).map(fromValues));

function postgresStatement(): string {
  return `select ${postgresRowsJson('p.workspace_id = $1 and p.id = any($2::text[])')} as "rows"`;
}

/** What a cursor after a page's person names (people-keyset.ts cursorFor). */
export type PageKeys = Pick<PageRow, 'id' | 'sortName' | 'nextContactDue' | 'lastExchangeOn'>;

/** A page's person as read: the person, and what a cursor after them names. */
export type PagePerson = { row: PageKeys; person: Person };

/** A row read with its channels as the page's person. */
function pagePerson(row: RowWithChannels): PagePerson {
  const channels = parsedJson<Selectable<Database['contactPoints']>[]>(row.channels).map(toContactPoint);
  return { row: { id: row.id, sortName: row.sortName, nextContactDue: row.nextContactDue, lastExchangeOn: row.lastExchangeOn }, person: toPerson(row, row.lastExchangeOn ?? null, channels) };
}

/**
 * A page's person made read-only, to be kept and handed to every page that shows them
 * (page-rows-kept.ts): its objects and lists, as pagePerson makes them, frozen one by one.
 */
function frozenPagePerson(read: PagePerson): PagePerson {
  const { person } = read;
  for (const channel of person.channels) Object.freeze(channel);
  Object.freeze(person.channels);
  Object.freeze(person.tags);
  if (person.nextContact) Object.freeze(person.nextContact);
  Object.freeze(person);
  Object.freeze(read.row);
  return Object.freeze(read);
}

/** A page's rows, with their channels as rows, in the order of `ids` (an id not found is left out). */
function inIdsOrder(rows: RowWithChannels[], ids: readonly string[]): PagePerson[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [pagePerson(row)] : [];
  });
}

function sqliteStatement(): string {
  const pairs = Object.fromEntries(Object.entries({ ...PERSON_COLUMNS, ...KEYSET_COLUMNS }).map(([key, column]) => [key, `p.${column}`]));
  const row = sqliteJson.object({ ...pairs, channels: channelsList(sqliteJson, 'p') });
  return `select json_group_array(${row}) as list from people p where p.workspace_id = ? and p.id in (select value from json_each(?))`;
}

/**
 * How many bytes a page's person weighs, parsed, for each byte of its JSON: its objects, and strings
 * of their own (measured at 1.09 on the import bench's 30,000 people: 926 bytes of heap for 851 of
 * JSON; rounded up).
 */
const PARSED_BYTES_PER_JSON_BYTE = 1.25;

/** SQLite: the people of `ids` (in no order), read as one JSON list and parsed in one call, and the bytes of that JSON. */
async function sqliteRows(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<{ rows: RowWithChannels[]; jsonBytes: number }> {
  const text = (sqliteText ??= sqliteStatement());
  const { rows: [first] } = await withoutPlugins(db).executeQuery<{ list: string }>(CompiledQuery.raw(text, [workspaceId, JSON.stringify(ids)]));
  const list = first?.list ?? '[]';
  return { rows: JSON.parse(list) as RowWithChannels[], jsonBytes: list.length };
}

/**
 * The workspace's people of `ids`, with their channels, in the order of `ids` (an id not found is left out).
 * `version`: the data's version (dataVersion) if the caller read it before choosing the ids; read here otherwise.
 */
export async function selectPageByIds(db: Kysely<Database>, workspaceId: string, ids: readonly string[], version?: string): Promise<PagePerson[]> {
  if (ids.length === 0) return [];
  if (isPostgres(db)) {
    const text = (postgresText ??= preparedOnPostgres(db, postgresStatement()));
    return inIdsOrder(rowsOf((await withoutPlugins(db).executeQuery<{ rows: unknown }>(CompiledQuery.raw(text, [workspaceId, ids]))).rows[0]?.rows), ids);
  }
  // In a transaction, read as its snapshot has them: nothing kept is taken or kept.
  if (db.isTransaction) return inIdsOrder((await sqliteRows(db, workspaceId, ids)).rows, ids);
  // The people kept since a page last showed them are not read again (page-rows-kept.ts), and are shared: frozen.
  return pageRowsKept(db, workspaceId, version ?? (await dataVersion(db, workspaceId)), ids, async (missing) => {
    const { rows, jsonBytes } = await sqliteRows(db, workspaceId, missing);
    // Each weighed as the list's average: what one person's JSON took was not asked of SQLite.
    const bytes = rows.length ? Math.ceil((jsonBytes / rows.length) * PARSED_BYTES_PER_JSON_BYTE) : 0;
    return rows.map((row) => ({ id: row.id, value: frozenPagePerson(pagePerson(row)), bytes }));
  });
}

let postgresSeeingText: string | undefined;

/**
 * PostgreSQL: the workspace's people of `ids` as selectPageByIds reads them, and the workspace's data
 * version read in the same statement (one snapshot with the rows): a page taken from a kept order,
 * for a kept answer's miss (server/answer-cache.ts), is this one round trip, where reading the version
 * first was one more. The version comes on a row of its own making, so an empty page still says it.
 */
export async function selectPageByIdsSeeing(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<{ version: string; page: PagePerson[] }> {
  const text = (postgresSeeingText ??= preparedOnPostgres(db, `select ${postgresVersionSql('$1')} as "dataVersion", ${postgresRowsJson('p.workspace_id = $1 and p.id = any($2::text[])')} as "rows"`));
  const { rows: [first] } = await withoutPlugins(db).executeQuery<{ dataVersion: string | null; rows: unknown }>(CompiledQuery.raw(text, [workspaceId, ids]));
  return { version: postgresVersionNamed(first?.dataVersion), page: inIdsOrder(rowsOf(first?.rows), ids) };
}

/**
 * PostgreSQL: a listing's whole order (the ids `order` selects, in its order) and the page of it
 * from `offset`, `take` long, with their rows and channels, in one statement: one round trip and one
 * snapshot where reading the order and then the page by its ids took two. A network's or a goal's
 * first page (people-list.ts reads them from their kept order) is read this way whenever its order
 * is not kept yet, as the first deep page of any order is, and a first page or a cursor's next page
 * (`order` then is the page's own ids, walked on the order's index). One row: the order as one array
 * (ARRAY of a subquery keeps the subquery's order), the version, and the page's rows as one JSON value
 * (postgresRowsJson), null when the page is empty. `prepared`: the order's values are
 * keys alone (a network, a goal), so PostgreSQL may keep the statement prepared (prepared-statements.ts).
 */
export async function selectOrderAndPage(
  db: Kysely<Database>,
  workspaceId: string,
  order: CompiledQuery<{ id: string }>,
  page: { offset: number; take: number },
  prepared: boolean,
): Promise<{ ids: string[]; page: PagePerson[]; version: string }> {
  const n = order.parameters.length;
  // The workspace's data version beside, read in the same snapshot as the order: what the order is kept under.
  // The order as JSON too: parsed in one call, where the driver's parser of a text[] walks 30,000 ids in script.
  const text = `with o as (select array(${order.sql}) as ids)
    select array_to_json(o.ids) as "orderIds", ${postgresVersionSql(`$${n + 1}`)} as "dataVersion",
      ${postgresRowsJson(`p.workspace_id = $${n + 1} and p.id = any(o.ids[$${n + 2}::int : $${n + 3}::int])`)} as "rows" from o`;
  const values = [...order.parameters, workspaceId, page.offset + 1, page.offset + page.take];
  const { rows: [first] } = await withoutPlugins(db).executeQuery<{ orderIds: unknown; dataVersion: string | null; rows: unknown }>(CompiledQuery.raw(prepared ? preparedOnPostgres(db, text) : text, values));
  const ids = first?.orderIds === null || first?.orderIds === undefined ? [] : parsedJson<string[]>(first.orderIds);
  return { ids, page: inIdsOrder(rowsOf(first?.rows), ids.slice(page.offset, page.offset + page.take)), version: postgresVersionNamed(first?.dataVersion) };
}
