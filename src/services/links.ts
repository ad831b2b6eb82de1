import type { GoalLinkInput, MembershipInput, TieInput } from '../contract/inputs.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { GoalLink, Membership, Tie } from '../core/model.js';
import { inTransaction, type ServiceContext } from './context.js';
import { refreshGoalRelevance } from './goal-relevance.js';
import { deleteGoalLink, deleteMembership, deleteTie, selectGoalLinks, selectMemberships, selectTies, upsertMembership, upsertNetworkGoal, upsertPersonGoal, upsertTie } from '../storage/links.js';
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
      await upsertPersonGoal(trx.db, trx.workspaceId, goalId, targetId, row);
      await refreshGoalRelevance(trx, { personIds: [targetId] });
    });
  } else {
    await upsertNetworkGoal(ctx.db, ctx.workspaceId, goalId, targetId, row);
  }
  return link;
}

export async function unlinkFromGoal(ctx: ServiceContext, kind: 'person' | 'network', targetId: string, goalId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    if ((await deleteGoalLink(trx.db, trx.workspaceId, kind, targetId, goalId)) === 0) throw new NotFoundError(`link between ${kind} and goal`, `${targetId} → ${goalId}`);
    if (kind === 'person') await refreshGoalRelevance(trx, { personIds: [targetId] });
  });
}

export async function listGoalLinks(ctx: ServiceContext, filter: { goalId?: string; personId?: string; networkId?: string } = {}): Promise<GoalLink[]> {
  return selectGoalLinks(ctx.db, ctx.workspaceId, filter);
}

export async function addMember(ctx: ServiceContext, networkId: string, personId: string, input: MembershipInput = {}): Promise<Membership> {
  await getNetwork(ctx, networkId);
  await requirePerson(ctx, personId);
  const role = input.role ?? null;
  const membership: Membership = { networkId, personId, role };
  await upsertMembership(ctx.db, ctx.workspaceId, membership);
  return membership;
}

export async function removeMember(ctx: ServiceContext, networkId: string, personId: string): Promise<void> {
  if ((await deleteMembership(ctx.db, ctx.workspaceId, networkId, personId)) === 0) throw new NotFoundError('membership', `${personId} in ${networkId}`);
}

export async function listMemberships(ctx: ServiceContext, filter: { networkId?: string; personId?: string } = {}): Promise<Membership[]> {
  return selectMemberships(ctx.db, ctx.workspaceId, filter);
}

/** Records that two people know each other (an undirected tie). */
export async function linkPeople(ctx: ServiceContext, firstId: string, secondId: string, input: TieInput = {}): Promise<Tie> {
  if (firstId === secondId) throw new ValidationError('person', 'a person cannot be tied to themselves');
  await requirePerson(ctx, firstId);
  await requirePerson(ctx, secondId);
  const [personAId, personBId] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
  const strength = input.strength ?? DEFAULT_TIE_STRENGTH;
  const note = input.note ?? null;
  const tie: Tie = { personAId, personBId, strength, note };
  await upsertTie(ctx.db, ctx.workspaceId, tie);
  return tie;
}

export async function unlinkPeople(ctx: ServiceContext, firstId: string, secondId: string): Promise<void> {
  const [a, b] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
  if ((await deleteTie(ctx.db, ctx.workspaceId, a, b)) === 0) throw new NotFoundError('tie', `${firstId} – ${secondId}`);
}

export async function listTies(ctx: ServiceContext, filter: { personId?: string } = {}): Promise<Tie[]> {
  return selectTies(ctx.db, ctx.workspaceId, filter);
}
