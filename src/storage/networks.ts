import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { NetworkFilter } from '../contract/filters.js';
import type { Network } from '../core/model.js';
import type { NetworkKind, NetworkRole } from '../core/vocabulary.js';
import { nameKey } from '../core/names.js';
import { containsPattern } from './like.js';
import type { Database, NetworksTable } from './schema.js';

/* The networks aggregate. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toNetwork(row: Selectable<NetworksTable>): Network {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as NetworkKind,
    role: row.role as NetworkRole,
    strength: row.strength,
    importance: row.importance,
    hoursPerMonth: Number(row.hoursPerMonth),
    url: row.url,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function insertNetwork(db: Kysely<Database>, row: Insertable<NetworksTable>): Promise<void> {
  await db.insertInto('networks').values(row).execute();
}

export async function updateNetworkRow(db: Kysely<Database>, workspaceId: string, id: string, changes: Updateable<NetworksTable>): Promise<void> {
  await db.updateTable('networks').set(changes).where('id', '=', id).where('workspaceId', '=', workspaceId).execute();
}

/** Deletes a network; its memberships and goal links go with it, by the foreign keys. */
export async function deleteNetwork(db: Kysely<Database>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('networks').where('id', '=', id).where('workspaceId', '=', workspaceId).execute();
}

export async function findNetworkRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<Selectable<NetworksTable> | undefined> {
  return db.selectFrom('networks').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Networks by the filter, in name order: a page of them and their count. */
export async function selectNetworks(db: Kysely<Database>, workspaceId: string, filter: NetworkFilter = {}): Promise<{ rows: Selectable<NetworksTable>[]; total: number }> {
  let base = db.selectFrom('networks').where('networks.workspaceId', '=', workspaceId);
  if (filter.ids) base = base.where('networks.id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
  if (filter.kind) base = base.where('networks.kind', '=', filter.kind);
  if (filter.goalId) {
    const goalId = filter.goalId;
    base = base.where((eb) => eb.exists(eb.selectFrom('networkGoals').select('networkId').whereRef('networkGoals.networkId', '=', 'networks.id').where('networkGoals.goalId', '=', goalId)));
  }
  const search = filter.search?.trim();
  if (search) {
    const plain = containsPattern(search.toLowerCase());
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`${sql.ref('networks.nameKey')} like ${containsPattern(nameKey(search))} escape '\\'`,
        sql<boolean>`lower(${sql.ref('networks.notes')}) like ${plain} escape '\\'`,
      ]),
    );
  }
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  let rows = base.selectAll('networks').orderBy('networks.nameKey').orderBy('networks.id');
  if (filter.limit !== undefined) rows = rows.limit(filter.limit);
  if (filter.offset !== undefined) rows = (filter.limit === undefined ? rows.limit(Number.MAX_SAFE_INTEGER) : rows).offset(filter.offset);
  return { rows: await rows.execute(), total: Number(counted.count) };
}

/** The network with this id, if the workspace has it. */
export async function findNetworkId(db: Kysely<Database>, workspaceId: string, id: string): Promise<string | undefined> {
  return (await db.selectFrom('networks').select('id').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst())?.id;
}

/** Up to ten networks whose name has this key: what a network named by the user is looked up in. */
export async function networksNamed(db: Kysely<Database>, workspaceId: string, key: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('networks').select(['id', 'name']).where('workspaceId', '=', workspaceId).where('nameKey', '=', key).limit(10).execute();
}
