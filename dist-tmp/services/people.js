import { sql } from 'kysely';
import { AmbiguousReferenceError, NotFoundError } from '../core/errors.js';
import { inTransaction, nowTimestamp, today } from './context.js';
import { containsPattern, contactKey, nameKey } from './keys.js';
import { chunks, flag, toContactPoint, toPerson } from './rows.js';
export async function createPerson(ctx, input) {
    const id = ctx.ids('per');
    const now = nowTimestamp(ctx);
    const addedOn = input.addedOn ?? today(ctx);
    const row = {
        id,
        workspaceId: ctx.workspaceId,
        name: input.name,
        nameKey: nameKey(input.name),
        organisation: input.organisation ?? null,
        role: input.role ?? null,
        location: input.location ?? null,
        howMet: input.howMet ?? null,
        category: input.category ?? null,
        tags: JSON.stringify(input.tags ?? []),
        notes: input.notes ?? null,
        strength: input.strength ?? 0,
        importance: input.importance ?? 0,
        knowAndLike: flag(input.knowAndLike ?? false),
        canHelp: flag(input.canHelp ?? false),
        canHelpHow: input.canHelpHow ?? null,
        stage: input.stage ?? 'to-meet',
        cadence: input.cadence ?? null,
        preferredChannel: input.preferredChannel ?? null,
        lostJobList: flag(input.lostJobList ?? false),
        nextContactOn: input.nextContactOn ?? null,
        nextContactSetOn: input.nextContactOn ? today(ctx) : null,
        tieBeganOn: input.tieBeganOn ?? null,
        source: input.source ?? 'manual',
        importedOn: null,
        addedOn,
        createdAt: now,
        updatedAt: now,
    };
    await inTransaction(ctx, async (trx) => {
        await trx.db.insertInto('people').values(row).execute();
        await replaceChannels(trx, id, input.channels ?? []);
    });
    return getPerson(ctx, id);
}
export async function updatePerson(ctx, id, patch) {
    await inTransaction(ctx, async (trx) => {
        await requirePerson(trx, id);
        const { channels, tags, knowAndLike, canHelp, lostJobList, ...plain } = patch;
        const changes = { ...plain, updatedAt: nowTimestamp(trx) };
        if (plain.name !== undefined)
            changes.nameKey = nameKey(plain.name);
        if (tags !== undefined)
            changes.tags = JSON.stringify(tags);
        if (knowAndLike !== undefined)
            changes.knowAndLike = flag(knowAndLike);
        if (canHelp !== undefined)
            changes.canHelp = flag(canHelp);
        if (lostJobList !== undefined)
            changes.lostJobList = flag(lostJobList);
        if (plain.nextContactOn !== undefined)
            changes.nextContactSetOn = plain.nextContactOn === null ? null : today(trx);
        await trx.db.updateTable('people').set(changes).where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
        if (channels !== undefined)
            await replaceChannels(trx, id, channels);
    });
    return getPerson(ctx, id);
}
export async function removePerson(ctx, id) {
    return inTransaction(ctx, async (trx) => {
        const person = await getPerson(trx, id);
        // Exchanges shared with others stay; an exchange left with nobody goes too.
        const exchangeIds = (await trx.db.selectFrom('exchangePeople').select('exchangeId').where('personId', '=', id).execute()).map((r) => r.exchangeId);
        await trx.db.deleteFrom('people').where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
        for (const chunk of chunks(exchangeIds)) {
            await trx.db
                .deleteFrom('exchanges')
                .where('id', 'in', chunk)
                .where((eb) => eb.not(eb.exists(eb.selectFrom('exchangePeople').select('personId').whereRef('exchangePeople.exchangeId', '=', 'exchanges.id'))))
                .execute();
        }
        return person;
    });
}
export async function getPerson(ctx, id) {
    const { items } = await queryPeople(ctx, { ids: [id] });
    const person = items[0];
    if (!person)
        throw new NotFoundError('person', id);
    return person;
}
export async function listPeople(ctx, filter = {}) {
    return queryPeople(ctx, filter);
}
/** Finds a person by id, or by name when exactly one person has it (case and accents aside). */
export async function resolvePerson(ctx, ref) {
    const byId = await ctx.db.selectFrom('people').select('id').where('workspaceId', '=', ctx.workspaceId).where('id', '=', ref).executeTakeFirst();
    if (byId)
        return byId.id;
    const byName = await ctx.db
        .selectFrom('people')
        .select(['id', 'name'])
        .where('workspaceId', '=', ctx.workspaceId)
        .where('nameKey', '=', nameKey(ref))
        .limit(10)
        .execute();
    if (byName.length === 1 && byName[0])
        return byName[0].id;
    if (byName.length > 1)
        throw new AmbiguousReferenceError('person', ref, byName);
    throw new NotFoundError('person', ref);
}
export async function requirePerson(ctx, id) {
    const row = await ctx.db.selectFrom('people').select('id').where('workspaceId', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row)
        throw new NotFoundError('person', id);
}
async function replaceChannels(ctx, personId, channels) {
    await ctx.db.deleteFrom('contactPoints').where('personId', '=', personId).execute();
    if (channels.length === 0)
        return;
    await ctx.db
        .insertInto('contactPoints')
        .values(channels.map((c, position) => ({
        personId,
        position,
        kind: c.kind,
        value: c.value,
        valueKey: contactKey(c.value),
        label: c.label ?? null,
    })))
        .execute();
}
async function queryPeople(ctx, filter) {
    let base = ctx.db.selectFrom('people').where('people.workspaceId', '=', ctx.workspaceId);
    if (filter.ids)
        base = base.where('people.id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
    if (filter.category === 'none')
        base = base.where('people.category', 'is', null);
    else if (filter.category)
        base = base.where('people.category', '=', filter.category);
    if (filter.stage)
        base = base.where('people.stage', '=', filter.stage);
    if (filter.tag) {
        // Tags are a JSON list of strings; the quoted form matches one whole tag.
        base = base.where(sql `${sql.ref('people.tags')} like ${containsPattern(JSON.stringify(filter.tag))} escape '\\'`);
    }
    if (filter.goalId) {
        const goalId = filter.goalId;
        base = base.where((eb) => eb.exists(eb.selectFrom('personGoals').select('personId').whereRef('personGoals.personId', '=', 'people.id').where('personGoals.goalId', '=', goalId)));
    }
    if (filter.networkId) {
        const networkId = filter.networkId;
        base = base.where((eb) => eb.exists(eb.selectFrom('memberships').select('personId').whereRef('memberships.personId', '=', 'people.id').where('memberships.networkId', '=', networkId)));
    }
    const search = filter.search?.trim();
    if (search) {
        const plain = containsPattern(search.toLowerCase());
        const byName = containsPattern(nameKey(search));
        const like = (column, pattern) => sql `lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
        base = base.where((eb) => eb.or([
            sql `${sql.ref('people.nameKey')} like ${byName} escape '\\'`,
            like('people.organisation', plain),
            like('people.role', plain),
            like('people.location', plain),
            like('people.tags', plain),
            like('people.notes', plain),
            eb.exists(eb
                .selectFrom('contactPoints')
                .select('contactPoints.personId')
                .whereRef('contactPoints.personId', '=', 'people.id')
                .where(sql `${sql.ref('contactPoints.valueKey')} like ${plain} escape '\\'`)),
        ]));
    }
    const counted = await base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    let rowsQuery = base
        .leftJoin((eb) => eb
        .selectFrom('exchangePeople')
        .innerJoin('exchanges', 'exchanges.id', 'exchangePeople.exchangeId')
        .select(['exchangePeople.personId', (e) => e.fn.max('exchanges.occurredOn').as('lastExchangeOn')])
        .where('exchangePeople.workspaceId', '=', ctx.workspaceId)
        .groupBy('exchangePeople.personId')
        .as('latest'), (join) => join.onRef('latest.personId', '=', 'people.id'))
        .selectAll('people')
        .select('latest.lastExchangeOn')
        .orderBy('people.nameKey')
        .orderBy('people.id');
    if (filter.limit !== undefined)
        rowsQuery = rowsQuery.limit(filter.limit);
    if (filter.offset !== undefined)
        rowsQuery = (filter.limit === undefined ? rowsQuery.limit(Number.MAX_SAFE_INTEGER) : rowsQuery).offset(filter.offset);
    const rows = await rowsQuery.execute();
    const channelsByPerson = new Map();
    for (const chunk of chunks(rows.map((r) => r.id))) {
        const points = await ctx.db.selectFrom('contactPoints').selectAll().where('personId', 'in', chunk).orderBy('personId').orderBy('position').execute();
        for (const point of points) {
            const list = channelsByPerson.get(point.personId) ?? [];
            list.push(toContactPoint(point));
            channelsByPerson.set(point.personId, list);
        }
    }
    return {
        items: rows.map((row) => toPerson(row, row.lastExchangeOn ?? null, channelsByPerson.get(row.id) ?? [])),
        total: Number(counted.count),
    };
}
//# sourceMappingURL=people.js.map