import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Person } from '../core/model.js';
import { channelsList, isPostgres, parsedJson, postgresJson, sqliteJson } from './json-dialects.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { PERSON_COLUMNS, personColumnList } from './person-columns.js';
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

function postgresStatement(): string {
  const keyset = Object.entries(KEYSET_COLUMNS).map(([key, column]) => `p.${column} as "${key}"`);
  return `select ${personColumnList('p')}, ${keyset.join(', ')}, ${channelsList(postgresJson, 'p')} as "channels"
    from people p where p.workspace_id = $1 and p.id = any($2::text[])`;
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
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const channels = parsedJson<Selectable<Database['contactPoints']>[]>(row.channels).map(toContactPoint);
    return [{ row, person: toPerson(row, row.lastExchangeOn ?? null, channels) }];
  });
}
