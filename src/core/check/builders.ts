/**
 * Builders for the check's inputs with sensible defaults, so a snapshot can be
 * written as just the fields that matter (tests, the generator, demos).
 */
import type { IsoDate } from '../dates.js';
import type { Exchange, Goal, GoalLink, Introduction, Membership, Network, Person, Tie } from '../model.js';
import { withDerivedContacts } from './derive-contacts.js';
import type { MapSnapshot } from './types.js';

const CREATED: string = '2026-01-01T00:00:00.000Z';
export const DEFAULT_TODAY: IsoDate = '2026-11-22';

type With<T, K extends keyof T> = Partial<T> & Pick<T, K>;

export function buildPerson(fields: With<Person, 'id'>): Person {
  return {
    name: `Person ${fields.id}`,
    familyName: null,
    organisation: null,
    role: null,
    location: null,
    howMet: null,
    category: null,
    tags: [],
    notes: null,
    strength: 1,
    importance: 1,
    knowAndLike: false,
    canHelp: false,
    canHelpHow: null,
    stage: 'met',
    cadence: null,
    preferredChannel: null,
    lostJobList: false,
    nextContactOn: null,
    nextContactSetOn: null,
    tieBeganOn: null,
    channels: [],
    source: 'manual',
    importedOn: null,
    addedOn: '2026-01-01',
    createdAt: CREATED,
    updatedAt: CREATED,
    lastExchangeOn: null,
    nextContact: null,
    ...fields,
  };
}

export function buildNetwork(fields: With<Network, 'id'>): Network {
  return {
    name: `Network ${fields.id}`,
    kind: 'other',
    role: 'member',
    strength: 1,
    importance: 1,
    hoursPerMonth: 0,
    url: null,
    notes: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

export function buildGoal(fields: With<Goal, 'id'>): Goal {
  return {
    statement: `Goal ${fields.id}`,
    horizon: null,
    needs: [],
    transitionFrom: null,
    transitionTo: null,
    status: 'active',
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

export function buildLink(goalId: string, kind: GoalLink['kind'], targetId: string, relevance: number, serves: string[] = []): GoalLink {
  return { goalId, kind, targetId, relevance, note: null, serves };
}

export function buildMembership(personId: string, networkId: string, role: Membership['role'] = 'member'): Membership {
  return { personId, networkId, role };
}

export function buildTie(personAId: string, personBId: string, strength = 2): Tie {
  return personAId <= personBId
    ? { personAId, personBId, strength, note: null }
    : { personAId: personBId, personBId: personAId, strength, note: null };
}

export function buildExchange(fields: With<Exchange, 'id' | 'occurredOn' | 'personIds'>): Exchange {
  return {
    channel: 'coffee',
    initiatedBy: 'me',
    networkId: null,
    gave: [],
    received: [],
    learned: null,
    feeling: null,
    notes: null,
    createdAt: CREATED,
    ...fields,
  };
}

export function buildIntroduction(fields: With<Introduction, 'id' | 'personId'>): Introduction {
  return { byId: null, toId: null, madeOn: '2026-01-01', note: null, createdAt: CREATED, ...fields };
}

/**
 * A snapshot from its parts, everything else empty. People's `lastExchangeOn` and
 * `nextContact` are derived from the exchanges unless `derive` is false.
 */
export function buildSnapshot(parts: Partial<MapSnapshot> = {}, derive = true): MapSnapshot {
  const exchanges = parts.exchanges ?? [];
  const people = parts.people ?? [];
  return {
    today: parts.today ?? DEFAULT_TODAY,
    profile: parts.profile ?? { name: null, workingOn: null },
    people: derive ? withDerivedContacts(people, exchanges) : people,
    networks: parts.networks ?? [],
    memberships: parts.memberships ?? [],
    goals: parts.goals ?? [],
    goalLinks: parts.goalLinks ?? [],
    ties: parts.ties ?? [],
    exchanges,
    introductions: parts.introductions ?? [],
  };
}
