import type { Updateable } from 'kysely';
import type { NetworkFilter } from '../contract/filters.js';
import type { CreateNetworkInput, UpdateNetworkInput } from '../contract/inputs.js';
import { AmbiguousReferenceError, NotFoundError } from '../core/errors.js';
import type { Network } from '../core/model.js';
import type { NetworksTable } from '../storage/schema.js';
import { inTransaction, nowTimestamp, type ServiceContext } from './context.js';
import { containsPattern, nameKey } from './keys.js';
import type { Page } from './people.js';
import { toNetwork } from '../storage/networks.js';
import { sql } from 'kysely';
import { scrubAfterErase } from '../storage/erasure.js';

export async function createNetwork(ctx: ServiceContext, input: CreateNetworkInput): Promise<Network> {
  const id = ctx.ids('net');
  const now = nowTimestamp(ctx);
  await ctx.db
    .insertInto('networks')
    .values({
      id,
      workspaceId: ctx.workspaceId,
      name: input.name,
      nameKey: nameKey(input.name),
      kind: input.kind ?? 'other',
      role: input.role ?? 'member',
      strength: input.strength ?? 0,
      importance: input.importance ?? 0,
      hoursPerMonth: input.hoursPerMonth ?? 0,
      url: input.url ?? null,
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return getNetwork(ctx, id);
}

export async function updateNetwork(ctx: ServiceContext, id: string, patch: UpdateNetworkInput): Promise<Network> {
  await inTransaction(ctx, async (trx) => {
    await getNetwork(trx, id);
    const changes: Updateable<NetworksTable> = { ...patch, updatedAt: nowTimestamp(trx) };
    if (patch.name !== undefined) changes.nameKey = nameKey(patch.name);
    await trx.db.updateTable('networks').set(changes).where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
  });
  return getNetwork(ctx, id);
}

export async function removeNetwork(ctx: ServiceContext, id: string): Promise<Network> {
  const removed = await inTransaction(ctx, async (trx) => {
    const network = await getNetwork(trx, id);
    await trx.db.deleteFrom('networks').where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
    return network;
  });
  await scrubAfterErase(ctx.db, { kind: 'record' });
  return removed;
}

export async function getNetwork(ctx: ServiceContext, id: string): Promise<Network> {
  const row = await ctx.db.selectFrom('networks').selectAll().where('workspaceId', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('network', id);
  return toNetwork(row);
}

export async function listNetworks(ctx: ServiceContext, filter: NetworkFilter = {}): Promise<Page<Network>> {
  let base = ctx.db.selectFrom('networks').where('networks.workspaceId', '=', ctx.workspaceId);
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
  return { items: (await rows.execute()).map(toNetwork), total: Number(counted.count) };
}

/** Finds a network by id, or by its name when exactly one network has it. */
export async function resolveNetwork(ctx: ServiceContext, ref: string): Promise<string> {
  const byId = await ctx.db.selectFrom('networks').select('id').where('workspaceId', '=', ctx.workspaceId).where('id', '=', ref).executeTakeFirst();
  if (byId) return byId.id;
  const byName = await ctx.db.selectFrom('networks').select(['id', 'name']).where('workspaceId', '=', ctx.workspaceId).where('nameKey', '=', nameKey(ref)).limit(10).execute();
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) throw new AmbiguousReferenceError('network', ref, byName);
  throw new NotFoundError('network', ref);
}
