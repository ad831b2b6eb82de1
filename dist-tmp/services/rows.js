import { nextContact } from '../core/next-contact.js';
/*
 * Rows to the core's types. The database's check constraints guarantee the
 * closed sets, so the casts here only restore what the storage layer erased.
 */
export function toPerson(row, lastExchangeOn, channels) {
    const person = {
        id: row.id,
        name: row.name,
        organisation: row.organisation,
        role: row.role,
        location: row.location,
        howMet: row.howMet,
        category: row.category,
        tags: parseJsonList(row.tags),
        notes: row.notes,
        strength: row.strength,
        importance: row.importance,
        knowAndLike: row.knowAndLike === 1,
        canHelp: row.canHelp === 1,
        canHelpHow: row.canHelpHow,
        stage: row.stage,
        cadence: row.cadence,
        preferredChannel: row.preferredChannel,
        lostJobList: row.lostJobList === 1,
        nextContactOn: row.nextContactOn,
        nextContactSetOn: row.nextContactSetOn,
        tieBeganOn: row.tieBeganOn,
        channels,
        source: row.source,
        importedOn: row.importedOn,
        addedOn: row.addedOn,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        lastExchangeOn,
    };
    return {
        ...person,
        nextContact: nextContact({
            nextContactOn: row.nextContactOn,
            cadence: row.cadence,
            lastExchangeOn,
            addedOn: row.addedOn,
        }),
    };
}
export function toContactPoint(row) {
    return { kind: row.kind, value: row.value, label: row.label };
}
export function toNetwork(row) {
    return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        role: row.role,
        strength: row.strength,
        importance: row.importance,
        hoursPerMonth: Number(row.hoursPerMonth),
        url: row.url,
        notes: row.notes,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
    };
}
export function toGoal(row) {
    return {
        id: row.id,
        statement: row.statement,
        horizon: row.horizon,
        areas: parseJsonList(row.areas),
        transitionFrom: row.transitionFrom,
        transitionTo: row.transitionTo,
        status: row.status,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
    };
}
export function toExchange(row, personIds) {
    return {
        id: row.id,
        occurredOn: row.occurredOn,
        channel: row.channel,
        initiatedBy: row.initiatedBy,
        personIds,
        networkId: row.networkId,
        gave: parseJsonList(row.gave),
        received: parseJsonList(row.received),
        learned: row.learned,
        feeling: row.feeling,
        notes: row.notes,
        createdAt: row.createdAt,
    };
}
export function toFollowUp(row) {
    return {
        id: row.id,
        exchangeId: row.exchangeId,
        personId: row.personId,
        kind: row.kind,
        description: row.description,
        dueOn: row.dueOn,
        status: row.status,
        closedOn: row.closedOn,
        createdAt: row.createdAt,
    };
}
export function toIntroduction(row) {
    return {
        id: row.id,
        byId: row.byId,
        personId: row.personId,
        toId: row.toId,
        madeOn: row.madeOn,
        note: row.note,
        createdAt: row.createdAt,
    };
}
export function parseJsonList(text) {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : [];
}
export const flag = (value) => (value ? 1 : 0);
/** Splits `items` into chunks small enough for one `in (…)` list on either database. */
export function chunks(items, size = 1000) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
//# sourceMappingURL=rows.js.map