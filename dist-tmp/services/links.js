import { NotFoundError, ValidationError } from '../core/errors.js';
import { getGoal } from './goals.js';
import { getNetwork } from './networks.js';
import { requirePerson } from './people.js';
/*
 * The links between things: how relevant a person or network is to a goal, who
 * belongs to which network, and who knows whom. Linking again updates the link.
 */
export const DEFAULT_RELEVANCE = 3;
export const DEFAULT_TIE_STRENGTH = 2;
export async function linkPersonToGoal(ctx, personId, goalId, input = {}) {
    await requirePerson(ctx, personId);
    await getGoal(ctx, goalId);
    const relevance = input.relevance ?? DEFAULT_RELEVANCE;
    const note = input.note ?? null;
    await ctx.db
        .insertInto('personGoals')
        .values({ workspaceId: ctx.workspaceId, goalId, personId, relevance, note })
        .onConflict((oc) => oc.columns(['goalId', 'personId']).doUpdateSet({ relevance, note }))
        .execute();
    return { goalId, kind: 'person', targetId: personId, relevance, note };
}
export async function linkNetworkToGoal(ctx, networkId, goalId, input = {}) {
    await getNetwork(ctx, networkId);
    await getGoal(ctx, goalId);
    const relevance = input.relevance ?? DEFAULT_RELEVANCE;
    const note = input.note ?? null;
    await ctx.db
        .insertInto('networkGoals')
        .values({ workspaceId: ctx.workspaceId, goalId, networkId, relevance, note })
        .onConflict((oc) => oc.columns(['goalId', 'networkId']).doUpdateSet({ relevance, note }))
        .execute();
    return { goalId, kind: 'network', targetId: networkId, relevance, note };
}
export async function unlinkFromGoal(ctx, kind, targetId, goalId) {
    const result = kind === 'person'
        ? await ctx.db.deleteFrom('personGoals').where('workspaceId', '=', ctx.workspaceId).where('goalId', '=', goalId).where('personId', '=', targetId).executeTakeFirst()
        : await ctx.db.deleteFrom('networkGoals').where('workspaceId', '=', ctx.workspaceId).where('goalId', '=', goalId).where('networkId', '=', targetId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
        throw new NotFoundError(`link between ${kind} and goal`, `${targetId} → ${goalId}`);
}
export async function listGoalLinks(ctx, filter = {}) {
    const links = [];
    if (!filter.networkId) {
        let q = ctx.db.selectFrom('personGoals').selectAll().where('workspaceId', '=', ctx.workspaceId);
        if (filter.goalId)
            q = q.where('goalId', '=', filter.goalId);
        if (filter.personId)
            q = q.where('personId', '=', filter.personId);
        for (const r of await q.orderBy('goalId').orderBy('personId').execute())
            links.push({ goalId: r.goalId, kind: 'person', targetId: r.personId, relevance: r.relevance, note: r.note });
    }
    if (!filter.personId) {
        let q = ctx.db.selectFrom('networkGoals').selectAll().where('workspaceId', '=', ctx.workspaceId);
        if (filter.goalId)
            q = q.where('goalId', '=', filter.goalId);
        if (filter.networkId)
            q = q.where('networkId', '=', filter.networkId);
        for (const r of await q.orderBy('goalId').orderBy('networkId').execute())
            links.push({ goalId: r.goalId, kind: 'network', targetId: r.networkId, relevance: r.relevance, note: r.note });
    }
    return links;
}
export async function addMember(ctx, networkId, personId, input = {}) {
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
export async function removeMember(ctx, networkId, personId) {
    const result = await ctx.db.deleteFrom('memberships').where('workspaceId', '=', ctx.workspaceId).where('networkId', '=', networkId).where('personId', '=', personId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
        throw new NotFoundError('membership', `${personId} in ${networkId}`);
}
export async function listMemberships(ctx, filter = {}) {
    let q = ctx.db.selectFrom('memberships').selectAll().where('workspaceId', '=', ctx.workspaceId);
    if (filter.networkId)
        q = q.where('networkId', '=', filter.networkId);
    if (filter.personId)
        q = q.where('personId', '=', filter.personId);
    const rows = await q.orderBy('networkId').orderBy('personId').execute();
    return rows.map((r) => ({ networkId: r.networkId, personId: r.personId, role: r.role }));
}
/** Records that two people know each other (an undirected tie). */
export async function linkPeople(ctx, firstId, secondId, input = {}) {
    if (firstId === secondId)
        throw new ValidationError('person', 'a person cannot be tied to themselves');
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
export async function unlinkPeople(ctx, firstId, secondId) {
    const [a, b] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
    const result = await ctx.db.deleteFrom('ties').where('workspaceId', '=', ctx.workspaceId).where('personA', '=', a).where('personB', '=', b).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
        throw new NotFoundError('tie', `${firstId} – ${secondId}`);
}
export async function listTies(ctx, filter = {}) {
    let q = ctx.db.selectFrom('ties').selectAll().where('workspaceId', '=', ctx.workspaceId);
    const personId = filter.personId;
    if (personId)
        q = q.where((eb) => eb.or([eb('personA', '=', personId), eb('personB', '=', personId)]));
    const rows = await q.orderBy('personA').orderBy('personB').execute();
    return rows.map((r) => ({ personAId: r.personA, personBId: r.personB, strength: r.strength, note: r.note }));
}
//# sourceMappingURL=links.js.map