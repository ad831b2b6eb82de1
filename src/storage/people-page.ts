import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Person } from '../core/model.js';
import { channelsList, isPostgres, parsedJson, postgresJson, sqliteJson, type JsonDialect } from './json-dialects.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { PERSON_COLUMNS } from './person-columns.js';
import { preparedOnPostgres } from './prepared-statements.js';
import type { Database } from './schema.js';

/*
 * A page of people read by their ids (taken from a listing's kept order, people-list.ts), with
 * their channels, in one statement and one round trip. The text is written once per dialect and
 * is the same for any page length (the ids are one value: an array on PostgreSQL, a JSON list on
 * SQLite), so PostgreSQL keeps it prepared and SQLite keeps it compiled. A page used to be two
 * statements built by Kysely (the rows, then their channels), each a round trip through the
 * pool on PostgreSQL. The page comes as one JSON value parsed in one call, as the whole list does
 * on SQLite (people-whole-list.ts): cheaper than better-sqlite3 building each row's object, and than
 * PostgreSQL's driver describing the row's 31 columns and parsing each, timestamps through a Date.
 */

/** A page's row: the person's columns, and what a cursor to the next page names (people-keyset.ts). */
export type PageRow = PersonColumns & Pick<Selectable<Database['people']>, 'sortName' | 'nextContactDue'>;

interface RowWithChannels extends PageRow {
  channels: Selectable<Database['contactPoints']>[];
}

const KEYSET_COLUMNS = { sortName: 'sort_name', nextContactDue: 'next_contact_due' };

let postgresText: string | undefined;
let sqliteText: string | undefined;

/** The person's columns PostgreSQL's JSON would write in its own form (json-dialects.ts, `timestamp`). */
const TIMESTAMPS = new Set<string>(['createdAt', 'updatedAt'] satisfies (keyof PageRow)[]);

/** The page as one JSON list of rows, each with its channels: the driver's one parse, not 31 columns described and parsed per row. */
function statement(d: JsonDialect, workspaceAndIds: string): string {
  const pairs = Object.fromEntries(Object.entries({ ...PERSON_COLUMNS, ...KEYSET_COLUMNS }).map(([key, column]) => [key, TIMESTAMPS.has(key) ? d.timestamp(`p.${column}`) : `p.${column}`]));
  return `select ${d.aggregate(d.object({ ...pairs, channels: channelsList(d, 'p') }))} as list from people p where ${workspaceAndIds}`;
}

/** The workspace's people of `ids`, with their channels, in the order of `ids` (an id not found is left out). */
export async function selectPageByIds(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<{ row: PageRow; person: Person }[]> {
  if (ids.length === 0) return [];
  // One value for the ids whatever their number: an array on PostgreSQL, a JSON list on SQLite.
  const [text, value] = isPostgres(db)
    ? [(postgresText ??= preparedOnPostgres(db, statement(postgresJson, 'p.workspace_id = $1 and p.id = any($2::text[])'))), ids]
    : [(sqliteText ??= statement(sqliteJson, 'p.workspace_id = ? and p.id in (select value from json_each(?))')), JSON.stringify(ids)];
  const { rows: [first] } = await db.withoutPlugins().executeQuery<{ list: unknown }>(CompiledQuery.raw(text, [workspaceId, value]));
  const rows = parsedJson<RowWithChannels[] | null>(first?.list ?? null) ?? [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const channels = row.channels.map(toContactPoint);
    return [{ row, person: toPerson(row, row.lastExchangeOn ?? null, channels) }];
  });
}
