import type { Selectable } from 'kysely';
import { nextContact } from '../core/next-contact.js';
import type { ContactPoint, Exchange, FollowUp, Goal, GoalNeed, Introduction, Network, Person, PlanTarget } from '../core/model.js';
import type {
  Channel,
  ContactKind,
  Feeling,
  FollowUpKind,
  FollowUpStatus,
  GoalStatus,
  Initiator,
  NetworkKind,
  NetworkRole,
  PersonCategory,
  Stage,
  TargetSource,
  TargetStatus,
} from '../core/vocabulary.js';
import type { Database, ExchangesTable, FollowUpsTable, GoalsTable, NetworksTable, PeopleTable } from '../storage/schema.js';

/*
 * Rows to the core's types. The database's check constraints guarantee the
 * closed sets, so the casts here only restore what the storage layer erased.
 */

export function toPerson(row: Selectable<PeopleTable>, lastExchangeOn: string | null, channels: ContactPoint[]): Person {
  const person: Omit<Person, 'nextContact'> = {
    id: row.id,
    name: row.name,
    familyName: row.familyName,
    organisation: row.organisation,
    role: row.role,
    location: row.location,
    howMet: row.howMet,
    category: row.category as PersonCategory | null,
    tags: parseJsonList<string>(row.tags),
    notes: row.notes,
    strength: row.strength,
    importance: row.importance,
    knowAndLike: row.knowAndLike === 1,
    canHelp: row.canHelp === 1,
    canHelpHow: row.canHelpHow,
    stage: row.stage as Stage,
    cadence: row.cadence,
    preferredChannel: row.preferredChannel as Channel | null,
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

export function toContactPoint(row: Selectable<Database['contactPoints']>): ContactPoint {
  return { kind: row.kind as ContactKind, value: row.value, label: row.label };
}

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

export function toGoal(row: Selectable<GoalsTable>): Goal {
  return {
    id: row.id,
    statement: row.statement,
    horizon: row.horizon,
    needs: parseJsonList<GoalNeed>(row.needs),
    transitionFrom: row.transitionFrom,
    transitionTo: row.transitionTo,
    status: row.status as GoalStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toExchange(row: Selectable<ExchangesTable>, personIds: string[]): Exchange {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    channel: row.channel as Channel,
    initiatedBy: row.initiatedBy as Initiator,
    personIds,
    networkId: row.networkId,
    gave: parseJsonList(row.gave),
    received: parseJsonList(row.received),
    learned: row.learned,
    feeling: row.feeling as Feeling | null,
    notes: row.notes,
    createdAt: row.createdAt,
  };
}

export function toFollowUp(row: Selectable<FollowUpsTable>): FollowUp {
  return {
    id: row.id,
    exchangeId: row.exchangeId,
    personId: row.personId,
    kind: row.kind as FollowUpKind,
    description: row.description,
    dueOn: row.dueOn,
    status: row.status as FollowUpStatus,
    closedOn: row.closedOn,
    createdAt: row.createdAt,
  };
}

export function toIntroduction(row: Selectable<Database['introductions']>): Introduction {
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

export function toPlanTarget(row: Selectable<Database['planTargets']>): PlanTarget {
  return {
    id: row.id,
    month: row.month,
    personId: row.personId,
    source: row.source as TargetSource,
    reason: row.reason,
    status: row.status as TargetStatus,
    rolledOverFrom: row.rolledOverFrom,
    exchangeId: row.exchangeId,
    closedOn: row.closedOn,
    createdAt: row.createdAt,
  };
}

export function parseJsonList<T>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export const flag = (value: boolean): number => (value ? 1 : 0);

/** Splits `items` into chunks small enough for one `in (…)` list on either database. */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
