import type { Updateable } from 'kysely';
import type { NetworkFilter } from '../contract/filters.js';
import type { CreateNetworkInput, UpdateNetworkInput } from '../contract/inputs.js';
import { AmbiguousReferenceError, NotFoundError } from '../core/errors.js';
import type { Network } from '../core/model.js';
import type { NetworksTable } from '../storage/schema.js';
import { inTransaction, nowTimestamp, type ServiceContext } from './context.js';
import { nameKey } from './keys.js';
import type { Page } from './people.js';
import { deleteNetwork, findNetworkId, findNetworkRow, insertNetwork, networksNamed, selectNetworks, toNetwork, updateNetworkRow } from '../storage/networks.js';
import { scrubAfterErase } from '../storage/erasure.js';

export async function createNetwork(ctx: ServiceContext, input: CreateNetworkInput): Promise<Network> {
  const id = ctx.ids('net');
  const now = nowTimestamp(ctx);
  await insertNetwork(ctx.db, {
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
  });
  return getNetwork(ctx, id);
}

export async function updateNetwork(ctx: ServiceContext, id: string, patch: UpdateNetworkInput): Promise<Network> {
  await inTransaction(ctx, async (trx) => {
    await getNetwork(trx, id);
    const changes: Updateable<NetworksTable> = { ...patch, updatedAt: nowTimestamp(trx) };
    if (patch.name !== undefined) changes.nameKey = nameKey(patch.name);
    await updateNetworkRow(trx.db, trx.workspaceId, id, changes);
  });
  return getNetwork(ctx, id);
}

export async function removeNetwork(ctx: ServiceContext, id: string): Promise<Network> {
  const removed = await inTransaction(ctx, async (trx) => {
    const network = await getNetwork(trx, id);
    await deleteNetwork(trx.db, trx.workspaceId, id);
    return network;
  });
  await scrubAfterErase(ctx.db, { kind: 'record' });
  return removed;
}

export async function getNetwork(ctx: ServiceContext, id: string): Promise<Network> {
  const row = await findNetworkRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFoundError('network', id);
  return toNetwork(row);
}

export async function listNetworks(ctx: ServiceContext, filter: NetworkFilter = {}): Promise<Page<Network>> {
  const { rows, total } = await selectNetworks(ctx.db, ctx.workspaceId, filter);
  return { items: rows.map(toNetwork), total };
}

/** Finds a network by id, or by its name when exactly one network has it. */
export async function resolveNetwork(ctx: ServiceContext, ref: string): Promise<string> {
  const byId = await findNetworkId(ctx.db, ctx.workspaceId, ref);
  if (byId) return byId;
  const byName = await networksNamed(ctx.db, ctx.workspaceId, nameKey(ref));
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) throw new AmbiguousReferenceError('network', ref, byName);
  throw new NotFoundError('network', ref);
}
