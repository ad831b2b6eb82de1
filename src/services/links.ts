import type { GoalLinkInput, MembershipInput, TieInput } from '../contract/inputs.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { GoalLink, Membership, Tie } from '../core/model.js';
import { inTransaction, type ServiceContext } from './context.js';
import { refreshGoalRelevance } from './goal-relevance.js';
import { parseJsonList } from '../storage/columns.js';
import { resolveServes } from './goal-needs.js';
import { getGoal } from './goals.js';
import { getNetwork } from './networks.js';
import type { PersonFilter } from '../contract/filters.js';
import { listPeople, requirePerson } from './people.js';

/*
 * The links between things: how relevant a person or network is to a goal, who
 * belongs to which network, and who knows whom. Linking again updates the link.
 */

export const DEFAULT_RELEVANCE = 3;
export const DEFAULT_TIE_STRENGTH = 2;

export async function linkPersonToGoal(ctx: ServiceContext, personId: string, goalId: string, input: GoalLinkInput = {}): Promise<GoalLink> {
  await requirePerson(ctx, personId);
  return linkToGoal(ctx, 'person', personId, goalId, input);
}

export async function linkNetworkToGoal(ctx: ServiceContext, networkId: string, goalId: string, input: GoalLinkInput = {}): Promise<GoalLink> {
  await getNetwork(ctx, networkId);
  return linkToGoal(ctx, 'network', networkId, goalId, input);
}

/**
 * Links everyone the filter finds to a goal (say, everyone tagged "statistics" to the
 * need of that name), in one transaction; each link changes only what is given.
 */
export async function linkManyToGoal(ctx: ServiceContext, filter: Omit<PersonFilter, 'limit' | 'offset'>, goalId: string, input: GoalLinkInput): Promise<number> {
  return inTransaction(ctx, async (trx) => {
    const people = (await listPeople(trx, filter)).items;
    for (const person of people) await linkToGoal(trx, 'person', person.id, goalId, input);
    return people.length;
  });
}

/**
 * Links a person or network to a goal; linking again changes only what is given
 * (relevance, note, the needs served), so a re-link never resets the rest.
 */
async function linkToGoal(ctx: ServiceContext, kind: 'person' | 'network', targetId: string, goalId: string, input: GoalLinkInput): Promise<GoalLink> {
  const goal = await getGoal(ctx, goalId);
  const serves = input.serves === undefined ? undefined : resolveServes(goal, input.serves);
  const existing = (await listGoalLinks(ctx, kind === 'person' ? { goalId, personId: targetId } : { goalId, networkId: targetId }))[0];
  const link: GoalLink = {
    goalId,
    kind,
    targetId,
    relevance: input.relevance ?? existing?.relevance ?? DEFAULT_RELEVANCE,
    note: input.note !== undefined ? input.note : (existing?.note ?? null),
    serves: serves ?? existing?.serves ?? [],
  };
  const row = { relevance: link.relevance, note: link.note, serves: JSON.stringify(link.serves) };
  if (kind === 'person') {
    await inTransaction(ctx, async (trx) => {
      await trx.db
        .insertInto('personGoals')
        .values({ workspaceId: trx.workspaceId, goalId, personId: targetId, ...row })
        .onConflict((oc) => oc.columns(['goalId', 'personId']).doUpdateSet(row))
        .execute();
      await refreshGoalRelevance(trx, { personIds: [targetId] });
    });
  } else {
    await ctx.db
      .insertInto('networkGoals')
      .values({ workspaceId: ctx.workspaceId, goalId, networkId: targetId, ...row })
      .onConflict((oc) => oc.columns(['goalId', 'networkId']).doUpdateSet(row))
      .execute();
  }
  return link;
}

export async function unlinkFromGoal(ctx: ServiceContext, kind: 'person' | 'network', targetId: string, goalId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const result =
      kind === 'person'
        ? await trx.db.deleteFrom('personGoals').where('workspaceId', '=', trx.workspaceId).where('goalId', '=', goalId).where('personId', '=', targetId).executeTakeFirst()
        : await trx.db.deleteFrom('networkGoals').where('workspaceId', '=', trx.workspaceId).where('goalId', '=', goalId).where('networkId', '=', targetId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError(`link between ${kind} and goal`, `${targetId} → ${goalId}`);
    if (kind === 'person') await refreshGoalRelevance(trx, { personIds: [targetId] });
  });
}

export async function listGoalLinks(ctx: ServiceContext, filter: { goalId?: string; personId?: string; networkId?: string } = {}): Promise<GoalLink[]> {
  const links: GoalLink[] = [];
  if (!filter.networkId) {
    let q = ctx.db.selectFrom('personGoals').selectAll().where('workspaceId', '=', ctx.workspaceId);
    if (filter.goalId) q = q.where('goalId', '=', filter.goalId);
    if (filter.personId) q = q.where('personId', '=', filter.personId);
    for (const r of await q.orderBy('goalId').orderBy('personId').execute()) links.push({ goalId: r.goalId, kind: 'person', targetId: r.personId, relevance: r.relevance, note: r.note, serves: parseJsonList<string>(r.serves) });
  }
  if (!filter.personId) {
    let q = ctx.db.selectFrom('networkGoals').selectAll().where('workspaceId', '=', ctx.workspaceId);
    if (filter.goalId) q = q.where('goalId', '=', filter.goalId);
    if (filter.networkId) q = q.where('networkId', '=', filter.networkId);
    for (const r of await q.orderBy('goalId').orderBy('networkId').execute()) links.push({ goalId: r.goalId, kind: 'network', targetId: r.networkId, relevance: r.relevance, note: r.note, serves: parseJsonList<string>(r.serves) });
  }
  return links;
}

export async function addMember(ctx: ServiceContext, networkId: string, personId: string, input: MembershipInput = {}): Promise<Membership> {
  await getNetwork(ctx, networkId);
  await requirePerson(ctx, personId);
  const role = input.role ?? null;
  await ctx.db
    .insertInto('memberships')
    .values({ workspaceId: ctx.workspaceId, networkId, personId, role })
    .onConflict((oc) => oc.columns(['networkId', 'personId']).doUpdateSet({ role }))
    .execute();
  return { networkId, personId, role };
}

export async function removeMember(ctx: ServiceContext, networkId: string, personId: string): Promise<void> {
  const result = await ctx.db.deleteFrom('memberships').where('workspaceId', '=', ctx.workspaceId).where('networkId', '=', networkId).where('personId', '=', personId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('membership', `${personId} in ${networkId}`);
}

export async function listMemberships(ctx: ServiceContext, filter: { networkId?: string; personId?: string } = {}): Promise<Membership[]> {
  let q = ctx.db.selectFrom('memberships').selectAll().where('workspaceId', '=', ctx.workspaceId);
  if (filter.networkId) q = q.where('networkId', '=', filter.networkId);
  if (filter.personId) q = q.where('personId', '=', filter.personId);
  const rows = await q.orderBy('networkId').orderBy('personId').execute();
  return rows.map((r) => ({ networkId: r.networkId, personId: r.personId, role: r.role as Membership['role'] }));
}

/** Records that two people know each other (an undirected tie). */
export async function linkPeople(ctx: ServiceContext, firstId: string, secondId: string, input: TieInput = {}): Promise<Tie> {
  if (firstId === secondId) throw new ValidationError('person', 'a person cannot be tied to themselves');
  await requirePerson(ctx, firstId);
  await requirePerson(ctx, secondId);
  const [personAId, personBId] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
  const strength = input.strength ?? DEFAULT_TIE_STRENGTH;
  const note = input.note ?? null;
  await ctx.db
    .insertInto('ties')
    .values({ workspaceId: ctx.workspaceId, personA: personAId, personB: personBId, strength, note })
    .onConflict((oc) => oc.columns(['personA', 'personB']).doUpdateSet({ strength, note }))
    .execute();
  return { personAId, personBId, strength, note };
}

export async function unlinkPeople(ctx: ServiceContext, firstId: string, secondId: string): Promise<void> {
  const [a, b] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
  const result = await ctx.db.deleteFrom('ties').where('workspaceId', '=', ctx.workspaceId).where('personA', '=', a).where('personB', '=', b).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('tie', `${firstId} – ${secondId}`);
}

export async function listTies(ctx: ServiceContext, filter: { personId?: string } = {}): Promise<Tie[]> {
  let q = ctx.db.selectFrom('ties').selectAll().where('workspaceId', '=', ctx.workspaceId);
  const personId = filter.personId;
  if (personId) q = q.where((eb) => eb.or([eb('personA', '=', personId), eb('personB', '=', personId)]));
  const rows = await q.orderBy('personA').orderBy('personB').execute();
  return rows.map((r) => ({ personAId: r.personA, personBId: r.personB, strength: r.strength, note: r.note }));
}
