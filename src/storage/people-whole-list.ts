import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { ContactPoint, Person } from '../core/model.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { PERSON_COLUMNS, personColumnList, personColumnsFrom } from './person-columns.js';
import type { Database } from './schema.js';

/*
 * Every person of a workspace with their channels, in the list's name order: what the
 * network check, the exports and the check's worker read. Without the camel-case plugin
 * and with the names aliased in SQL, as the journal's bulk reads do: at 5,000 people the
 * plugin's per-row copy and Kysely's building cost several times the query itself.
 * On SQLite each list comes as one JSON text built by the database and parsed in one
 * call: better-sqlite3 builds a row object property by property, which for 28 columns
 * cost two to three times the query (measured at 5,000 people: 150–220 ms of CPU against
 * 60–80 ms read as JSON). The people come as arrays of values, each made a row by one
 * object literal (personColumnsFrom). The values are the same: text, integers and nulls,
 * and JSON carries each as it is.
 */

type PointRow = Selectable<Database['contactPoints']>;

let peopleText: string | undefined;
let peopleJsonText: string | undefined;

const POINT_COLUMNS = { personId: 'person_id', position: 'position', kind: 'kind', value: 'value', valueKey: 'value_key', label: 'label' };
/** json_object's arguments for `columns` of `table`: each value under the name the core gives it. */
const jsonObjectOf = (table: string, columns: Record<string, string>) =>
  `json_object(${Object.entries(columns)
    .map(([key, column]) => `'${key}', ${table}.${column}`)
    .join(', ')})`;
const POINTS_JSON = `select json_group_array(${jsonObjectOf('cp', POINT_COLUMNS)} order by cp.person_id, cp.position) as list
  from contact_points cp join people p on p.id = cp.person_id where p.workspace_id = `;

export async function selectWholeList(db: Kysely<Database>, workspaceId: string): Promise<Person[]> {
  const raw = db.withoutPlugins();
  const { rows, points } = db.getExecutor().adapter instanceof PostgresAdapter ? await readAsRows(raw, workspaceId) : await readAsJson(raw, workspaceId);
  const channels = new Map<string, ContactPoint[]>();
  for (const point of points) {
    const list = channels.get(point.personId);
    if (list) list.push(toContactPoint(point));
    else channels.set(point.personId, [toContactPoint(point)]);
  }
  return rows.map((row) => toPerson(row, row.lastExchangeOn ?? null, channels.get(row.id) ?? []));
}

async function readAsRows(raw: Kysely<Database>, workspaceId: string): Promise<{ rows: PersonColumns[]; points: PointRow[] }> {
  peopleText ??= `select ${personColumnList('p')} from people p where p.workspace_id = `;
  // The same order as the list's name sort (people-list.ts inOrder): its index.
  const rows = (await sql<PersonColumns>`${sql.raw(peopleText)}${workspaceId} order by p.sort_name, p.id`.execute(raw)).rows;
  const points = (
    await sql<PointRow>`select cp.person_id as "personId", cp.position, cp.kind, cp.value, cp.value_key as "valueKey", cp.label
      from contact_points cp join people p on p.id = cp.person_id
      where p.workspace_id = ${workspaceId} order by cp.person_id, cp.position`.execute(raw)
  ).rows;
  return { rows, points };
}

async function readAsJson(raw: Kysely<Database>, workspaceId: string): Promise<{ rows: PersonColumns[]; points: PointRow[] }> {
  // The same order as the list's name sort (people-list.ts inOrder), given to the aggregate itself.
  // Each person as an array of values, not an object naming them: the aggregate sorts half the
  // text: the first read's SQL at 5,000 people 150 -> 70 ms of CPU (waggle check reads it once).
  peopleJsonText ??= `select json_group_array(json_array(${Object.values(PERSON_COLUMNS)
    .map((column) => `p.${column}`)
    .join(', ')}) order by p.sort_name, p.id) as list from people p where p.workspace_id = `;
  const list = async <T>(text: string) => JSON.parse((await sql<{ list: string }>`${sql.raw(text)}${workspaceId}`.execute(raw)).rows[0]?.list ?? '[]') as T[];
  return { rows: (await list<unknown[]>(peopleJsonText)).map(personColumnsFrom), points: await list<PointRow>(POINTS_JSON) };
}
