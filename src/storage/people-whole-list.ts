import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContactPoint, Person } from '../core/model.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { personColumnList } from './person-columns.js';
import type { Database } from './schema.js';

/*
 * Every person of a workspace with their channels, in the list's name order: what the
 * network check, the exports and the check's worker read. Without the camel-case plugin
 * and with the names aliased in SQL, as the journal's bulk reads do: at 5,000 people the
 * plugin's per-row copy and Kysely's building cost several times the query itself.
 */

let peopleText: string | undefined;

export async function selectWholeList(db: Kysely<Database>, workspaceId: string): Promise<Person[]> {
  const raw = db.withoutPlugins();
  peopleText ??= `select ${personColumnList('p')} from people p where p.workspace_id = `;
  // The same order as the list's name sort (people-list.ts inOrder): its index.
  const rows = (await sql<PersonColumns>`${sql.raw(peopleText)}${workspaceId} order by p.sort_name, p.id`.execute(raw)).rows;
  const points = (
    await sql<Selectable<Database['contactPoints']>>`select cp.person_id as "personId", cp.position, cp.kind, cp.value, cp.value_key as "valueKey", cp.label
      from contact_points cp join people p on p.id = cp.person_id
      where p.workspace_id = ${workspaceId} order by cp.person_id, cp.position`.execute(raw)
  ).rows;
  const channels = new Map<string, ContactPoint[]>();
  for (const point of points) {
    const list = channels.get(point.personId);
    if (list) list.push(toContactPoint(point));
    else channels.set(point.personId, [toContactPoint(point)]);
  }
  return rows.map((row) => toPerson(row, row.lastExchangeOn ?? null, channels.get(row.id) ?? []));
}
