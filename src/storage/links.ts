import type { Kysely } from 'kysely';
import type { GoalLink, Membership, Tie } from '../core/model.js';
import { parseJsonList } from './columns.js';
import type { Database } from './schema.js';
import { selectWholeGoalLinks, selectWholeMemberships, selectWholeTies } from './whole-links.js';

/*
 * The links between things: a person's or network's relevance to a goal, who belongs to
 * which network, and who knows whom. Writing a link again updates it (upserts on the pair).
 */

/** What a goal link stores beside its two ends: the needs it serves are JSON text. */
export interface GoalLinkRow {
  relevance: number;
  note: string | null;
  serves: string;
}

export async function upsertPersonGoal(db: Kysely<Database>, workspaceId: string, goalId: string, personId: string, row: GoalLinkRow): Promise<void> {
  await db
    .insertInto('personGoals')
    .values({ workspaceId, goalId, personId, ...row })
    .onConflict((oc) => oc.columns(['goalId', 'personId']).doUpdateSet(row))
    .execute();
}

export async function upsertNetworkGoal(db: Kysely<Database>, workspaceId: string, goalId: string, networkId: string, row: GoalLinkRow): Promise<void> {
  await db
    .insertInto('networkGoals')
    .values({ workspaceId, goalId, networkId, ...row })
    .onConflict((oc) => oc.columns(['goalId', 'networkId']).doUpdateSet(row))
    .execute();
}

/** Deletes a person's or network's link to a goal; says how many went (0 or 1). */
export async function deleteGoalLink(db: Kysely<Database>, workspaceId: string, kind: 'person' | 'network', targetId: string, goalId: string): Promise<number> {
  const result =
    kind === 'person'
      ? await db.deleteFrom('personGoals').where('workspaceId', '=', workspaceId).where('goalId', '=', goalId).where('personId', '=', targetId).executeTakeFirst()
      : await db.deleteFrom('networkGoals').where('workspaceId', '=', workspaceId).where('goalId', '=', goalId).where('networkId', '=', targetId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Goal links by goal, person or network: people's first (by goal, then person), then networks' (by goal, then network). */
export async function selectGoalLinks(db: Kysely<Database>, workspaceId: string, filter: { goalId?: string; personId?: string; networkId?: string } = {}): Promise<GoalLink[]> {
  if (!filter.goalId && !filter.personId && !filter.networkId) return selectWholeGoalLinks(db, workspaceId);
  const links: GoalLink[] = [];
  if (!filter.networkId) {
    let q = db.selectFrom('personGoals').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.goalId) q = q.where('goalId', '=', filter.goalId);
    if (filter.personId) q = q.where('personId', '=', filter.personId);
    for (const r of await q.orderBy('goalId').orderBy('personId').execute()) links.push({ goalId: r.goalId, kind: 'person', targetId: r.personId, relevance: r.relevance, note: r.note, serves: parseJsonList<string>(r.serves) });
  }
  if (!filter.personId) {
    let q = db.selectFrom('networkGoals').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.goalId) q = q.where('goalId', '=', filter.goalId);
    if (filter.networkId) q = q.where('networkId', '=', filter.networkId);
    for (const r of await q.orderBy('goalId').orderBy('networkId').execute()) links.push({ goalId: r.goalId, kind: 'network', targetId: r.networkId, relevance: r.relevance, note: r.note, serves: parseJsonList<string>(r.serves) });
  }
  return links;
}

export async function upsertMembership(db: Kysely<Database>, workspaceId: string, membership: Membership): Promise<void> {
  const { networkId, personId, role } = membership;
  await db
    .insertInto('memberships')
    .values({ workspaceId, networkId, personId, role })
    .onConflict((oc) => oc.columns(['networkId', 'personId']).doUpdateSet({ role }))
    .execute();
}

/** Deletes a membership; says how many went (0 or 1). */
export async function deleteMembership(db: Kysely<Database>, workspaceId: string, networkId: string, personId: string): Promise<number> {
  const result = await db.deleteFrom('memberships').where('workspaceId', '=', workspaceId).where('networkId', '=', networkId).where('personId', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function selectMemberships(db: Kysely<Database>, workspaceId: string, filter: { networkId?: string; personId?: string } = {}): Promise<Membership[]> {
  if (!filter.networkId && !filter.personId) return selectWholeMemberships(db, workspaceId);
  let q = db.selectFrom('memberships').selectAll().where('workspaceId', '=', workspaceId);
  if (filter.networkId) q = q.where('networkId', '=', filter.networkId);
  if (filter.personId) q = q.where('personId', '=', filter.personId);
  const rows = await q.orderBy('networkId').orderBy('personId').execute();
  return rows.map((r) => ({ networkId: r.networkId, personId: r.personId, role: r.role as Membership['role'] }));
}

/** Writes a tie; `tie.personAId` sorts before `tie.personBId` (a tie is undirected, kept once). */
export async function upsertTie(db: Kysely<Database>, workspaceId: string, tie: Tie): Promise<void> {
  const { personAId, personBId, strength, note } = tie;
  await db
    .insertInto('ties')
    .values({ workspaceId, personA: personAId, personB: personBId, strength, note })
    .onConflict((oc) => oc.columns(['personA', 'personB']).doUpdateSet({ strength, note }))
    .execute();
}

/** Deletes the tie between two people given in sorted order; says how many went (0 or 1). */
export async function deleteTie(db: Kysely<Database>, workspaceId: string, personA: string, personB: string): Promise<number> {
  const result = await db.deleteFrom('ties').where('workspaceId', '=', workspaceId).where('personA', '=', personA).where('personB', '=', personB).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function selectTies(db: Kysely<Database>, workspaceId: string, filter: { personId?: string } = {}): Promise<Tie[]> {
  const personId = filter.personId;
  if (!personId) return selectWholeTies(db, workspaceId);
  const rows = await db
    .selectFrom('ties')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where((eb) => eb.or([eb('personA', '=', personId), eb('personB', '=', personId)]))
    .orderBy('personA')
    .orderBy('personB')
    .execute();
  return rows.map((r) => ({ personAId: r.personA, personBId: r.personB, strength: r.strength, note: r.note }));
}

/** After a goal's needs change, its links (people's and networks') keep only the needs that still exist. */
export async function pruneGoalLinkServes(db: Kysely<Database>, workspaceId: string, goalId: string, needIds: ReadonlySet<string>): Promise<void> {
  for (const table of ['personGoals', 'networkGoals'] as const) {
    const rows = await db.selectFrom(table).select(['serves', table === 'personGoals' ? 'personId' : 'networkId']).where('workspaceId', '=', workspaceId).where('goalId', '=', goalId).execute();
    for (const row of rows as { serves: string; personId?: string; networkId?: string }[]) {
      const serves = parseJsonList<string>(row.serves);
      const kept = serves.filter((s) => needIds.has(s));
      if (kept.length === serves.length) continue;
      const q = db.updateTable(table).set({ serves: JSON.stringify(kept) }).where('workspaceId', '=', workspaceId).where('goalId', '=', goalId);
      await (table === 'personGoals' ? q.where('personId' as never, '=', row.personId as never) : q.where('networkId' as never, '=', row.networkId as never)).execute();
    }
  }
}
