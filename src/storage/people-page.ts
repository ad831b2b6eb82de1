import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Person } from '../core/model.js';
import { channelsList, isPostgres, parsedJson, postgresJson, sqliteJson } from './json-dialects.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { PERSON_COLUMNS, personColumnList } from './person-columns.js';
import { postgresVersionNamed, postgresVersionSql } from './data-version.js';
import { preparedOnPostgres } from './prepared-statements.js';
import type { Database } from './schema.js';

/*
 * A page of people read by their ids (taken from a listing's kept order, people-list.ts), with
 * their channels, in one statement and one round trip. The text is written once per dialect and
 * is the same for any page length (the ids are one value: an array on PostgreSQL, a JSON list on
 * SQLite), so PostgreSQL keeps it prepared and SQLite keeps it compiled. A page used to be two
 * statements built by Kysely (the rows, then their channels), each a round trip through the
 * pool on PostgreSQL. On SQLite the page comes as one JSON text parsed in one call, as the whole
 * list does (people-whole-list.ts): cheaper than better-sqlite3 building each row's object.
 */

/** A page's row: the person's columns, and what a cursor to the next page names (people-keyset.ts). */
export type PageRow = PersonColumns & Pick<Selectable<Database['people']>, 'sortName' | 'nextContactDue'>;

interface RowWithChannels extends PageRow {
  channels: Selectable<Database['contactPoints']>[] | string;
}

const KEYSET_COLUMNS = { sortName: 'sort_name', nextContactDue: 'next_contact_due' };

let postgresText: string | undefined;
let sqliteText: string | undefined;

/** PostgreSQL: what a page's row holds, the person's columns, the keyset's and the channels. */
function postgresColumns(): string {
  const keyset = Object.entries(KEYSET_COLUMNS).map(([key, column]) => `p.${column} as "${key}"`);
  return `${personColumnList('p')}, ${keyset.join(', ')}, ${channelsList(postgresJson, 'p')} as "channels"`;
}

function postgresStatement(): string {
  return `select ${postgresColumns()}
    from people p where p.workspace_id = $1 and p.id = any($2::text[])`;
}

/** A page's rows, with their channels as rows, in the order of `ids` (an id not found is left out). */
function inIdsOrder(rows: RowWithChannels[], ids: readonly string[]): { row: PageRow; person: Person }[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const channels = parsedJson<Selectable<Database['contactPoints']>[]>(row.channels).map(toContactPoint);
    return [{ row, person: toPerson(row, row.lastExchangeOn ?? null, channels) }];
  });
}

function sqliteStatement(): string {
  const pairs = Object.fromEntries(Object.entries({ ...PERSON_COLUMNS, ...KEYSET_COLUMNS }).map(([key, column]) => [key, `p.${column}`]));
  const row = sqliteJson.object({ ...pairs, channels: channelsList(sqliteJson, 'p') });
  return `select json_group_array(${row}) as list from people p where p.workspace_id = ? and p.id in (select value from json_each(?))`;
}

/** The workspace's people of `ids`, with their channels, in the order of `ids` (an id not found is left out). */
export async function selectPageByIds(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<{ row: PageRow; person: Person }[]> {
  if (ids.length === 0) return [];
  const raw = db.withoutPlugins();
  let rows: RowWithChannels[];
  if (isPostgres(db)) {
    const text = (postgresText ??= preparedOnPostgres(db, postgresStatement()));
    rows = (await raw.executeQuery<RowWithChannels>(CompiledQuery.raw(text, [workspaceId, ids]))).rows;
  } else {
    const text = (sqliteText ??= sqliteStatement());
    const { rows: [first] } = await raw.executeQuery<{ list: string }>(CompiledQuery.raw(text, [workspaceId, JSON.stringify(ids)]));
    rows = JSON.parse(first?.list ?? '[]') as RowWithChannels[];
  }
  return inIdsOrder(rows, ids);
}

let postgresSeeingText: string | undefined;

/**
 * PostgreSQL: the workspace's people of `ids` as selectPageByIds reads them, and the workspace's data
 * version read in the same statement (one snapshot with the rows): a page taken from a kept order,
 * for a kept answer's miss (server/answer-cache.ts), is this one round trip, where reading the version
 * first was one more. The version comes on a row of its own making, so an empty page still says it.
 */
export async function selectPageByIdsSeeing(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<{ version: string; page: { row: PageRow; person: Person }[] }> {
  const text = (postgresSeeingText ??= preparedOnPostgres(
    db,
    `select s.v as "dataVersion", r.* from (select ${postgresVersionSql('$1')} as v) s left join lateral (
      select ${postgresColumns()} from people p where p.workspace_id = $1 and p.id = any($2::text[])) r on true`,
  ));
  const { rows } = await db.withoutPlugins().executeQuery<RowWithChannels & { dataVersion: string | null }>(CompiledQuery.raw(text, [workspaceId, ids]));
  return { version: postgresVersionNamed(rows[0]?.dataVersion), page: inIdsOrder(rows.filter((row) => row.id !== null), ids) };
}

/**
 * PostgreSQL: a listing's whole order (the ids `order` selects, in its order) and the page of it
 * from `offset`, `take` long, with their rows and channels, in one statement: one round trip and one
 * snapshot where reading the order and then the page by its ids took two. A network's or a goal's
 * first page (people-list.ts reads them from their kept order) is read this way whenever its order
 * is not kept yet, as the first deep page of any order is, and a first page or a cursor's next page
 * (`order` then is the page's own ids, walked on the order's index). The order comes as one array (ARRAY of a
 * subquery keeps the subquery's order); one row of the page carries it (any one, by row_number over
 * nothing), and an empty page still gives it on a row of nulls. `prepared`: the order's values are
 * keys alone (a network, a goal), so PostgreSQL may keep the statement prepared (prepared-statements.ts).
 */
export async function selectOrderAndPage(
  db: Kysely<Database>,
  workspaceId: string,
  order: CompiledQuery<{ id: string }>,
  page: { offset: number; take: number },
  prepared: boolean,
): Promise<{ ids: string[]; page: { row: PageRow; person: Person }[]; version: string }> {
  const n = order.parameters.length;
  // The workspace's data version beside, read in the same snapshot as the order: what the order is kept under.
  const text = `with o as (select array(${order.sql}) as ids)
    select case when r.one is null or r.one = 1 then o.ids end as "orderIds", ${postgresVersionSql(`$${n + 1}`)} as "dataVersion", r.* from o left join lateral (
      select row_number() over () as one, ${postgresColumns()}
      from people p where p.workspace_id = $${n + 1} and p.id = any(o.ids[$${n + 2}::int : $${n + 3}::int])) r on true`;
  const values = [...order.parameters, workspaceId, page.offset + 1, page.offset + page.take];
  const { rows } = await db.withoutPlugins().executeQuery<RowWithChannels & { orderIds: string[] | null; one: number | null; dataVersion: string | null }>(CompiledQuery.raw(prepared ? preparedOnPostgres(db, text) : text, values));
  const ids = rows.find((row) => row.orderIds !== null)?.orderIds ?? [];
  const pageRows = rows.filter((row) => row.id !== null);
  return { ids, page: inIdsOrder(pageRows, ids.slice(page.offset, page.offset + page.take)), version: postgresVersionNamed(rows[0]?.dataVersion) };
}
