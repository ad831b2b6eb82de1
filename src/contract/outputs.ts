import { z } from 'zod';
import type { DueReport } from '../core/due.js';
import { personDateSchema } from './person-dates.js';
import type { Exchange, FollowUp, Goal, GoalLink, Introduction, Membership, Network, Person, Profile, Tie } from '../core/model.js';
import type { PersonDetail } from '../core/person-detail.js';
import {
  CHANNELS,
  CONTACT_KINDS,
  FEELINGS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  GIVE_KINDS,
  GOAL_STATUSES,
  INITIATORS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  PERSON_CATEGORIES,
  RECEIVE_KINDS,
  STAGES,
} from '../core/vocabulary.js';

/**
 * The shapes the API returns, for the OpenAPI document. Each is checked against
 * the core's type at compile time (`Same` below), so the two cannot drift apart.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const same = <A, B>(_proof: Same<A, B>) => undefined;

const date = z.string().meta({ description: 'YYYY-MM-DD', example: '2026-11-22' });
const timestamp = z.string().meta({ description: 'ISO 8601 instant (UTC)' });

export const personOutput = z
  .object({
    id: z.string(),
    name: z.string(),
    familyName: z.string().nullable(),
    organisation: z.string().nullable(),
    role: z.string().nullable(),
    location: z.string().nullable(),
    howMet: z.string().nullable(),
    category: z.enum(PERSON_CATEGORIES).nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    strength: z.number().int(),
    importance: z.number().int(),
    knowAndLike: z.boolean(),
    canHelp: z.boolean(),
    canHelpHow: z.string().nullable(),
    stage: z.enum(STAGES),
    cadence: z.string().nullable(),
    preferredChannel: z.enum(CHANNELS).nullable(),
    lostJobList: z.boolean(),
    nextContactOn: date.nullable(),
    nextContactSetOn: date.nullable(),
    tieBeganOn: date.nullable(),
    channels: z.array(z.object({ kind: z.enum(CONTACT_KINDS), value: z.string(), label: z.string().nullable() })),
    source: z.string(),
    importedOn: date.nullable(),
    addedOn: date,
    createdAt: timestamp,
    updatedAt: timestamp,
    lastExchangeOn: date.nullable(),
    nextContact: z.object({ date, basis: z.enum(['manual', 'cadence-after-exchange', 'cadence-after-added']) }).nullable(),
  })
  .meta({ id: 'Person' });
same<z.infer<typeof personOutput>, Person>(true);

export const networkOutput = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(NETWORK_KINDS),
    role: z.enum(NETWORK_ROLES),
    strength: z.number().int(),
    importance: z.number().int(),
    hoursPerMonth: z.number(),
    url: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Network' });
same<z.infer<typeof networkOutput>, Network>(true);

export const goalOutput = z
  .object({
    id: z.string(),
    statement: z.string(),
    horizon: date.nullable(),
    needs: z.array(z.object({ id: z.string(), name: z.string(), essential: z.boolean() }).meta({ id: 'GoalNeed' })),
    transitionFrom: z.string().nullable(),
    transitionTo: z.string().nullable(),
    status: z.enum(GOAL_STATUSES),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Goal' });
same<z.infer<typeof goalOutput>, Goal>(true);

export const goalLinkOutput = z
  .object({ goalId: z.string(), kind: z.enum(['person', 'network']), targetId: z.string(), relevance: z.number().int(), note: z.string().nullable(), serves: z.array(z.string()) })
  .meta({ id: 'GoalLink' });
same<z.infer<typeof goalLinkOutput>, GoalLink>(true);

export const membershipOutput = z.object({ networkId: z.string(), personId: z.string(), role: z.enum(NETWORK_ROLES).nullable() }).meta({ id: 'Membership' });
same<z.infer<typeof membershipOutput>, Membership>(true);

export const tieOutput = z.object({ personAId: z.string(), personBId: z.string(), strength: z.number().int(), note: z.string().nullable() }).meta({ id: 'Tie' });
same<z.infer<typeof tieOutput>, Tie>(true);

export const followUpOutput = z
  .object({
    id: z.string(),
    exchangeId: z.string().nullable(),
    personId: z.string().nullable(),
    kind: z.enum(FOLLOW_UP_KINDS),
    description: z.string(),
    dueOn: date,
    status: z.enum(FOLLOW_UP_STATUSES),
    closedOn: date.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'FollowUp' });
same<z.infer<typeof followUpOutput>, FollowUp>(true);

export const exchangeOutput = z
  .object({
    id: z.string(),
    occurredOn: date,
    channel: z.enum(CHANNELS),
    initiatedBy: z.enum(INITIATORS),
    personIds: z.array(z.string()),
    networkId: z.string().nullable(),
    gave: z.array(z.object({ kind: z.enum(GIVE_KINDS), note: z.string().nullable() })),
    received: z.array(z.object({ kind: z.enum(RECEIVE_KINDS), note: z.string().nullable() })),
    learned: z.string().nullable(),
    feeling: z.enum(FEELINGS).nullable(),
    notes: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Exchange' });
same<z.infer<typeof exchangeOutput>, Exchange>(true);

export const introductionOutput = z
  .object({ id: z.string(), byId: z.string().nullable(), personId: z.string(), toId: z.string().nullable(), madeOn: date, note: z.string().nullable(), createdAt: timestamp })
  .meta({ id: 'Introduction' });
same<z.infer<typeof introductionOutput>, Introduction>(true);

export const profileOutput = z.object({ name: z.string().nullable(), workingOn: z.string().nullable(), timeZone: z.string(), emails: z.array(z.string()), updatedAt: timestamp }).meta({ id: 'Profile' });
same<z.infer<typeof profileOutput>, Profile>(true);

const dueStatus = z.enum(['overdue', 'due-today', 'upcoming']);
export const dueReportOutput = z
  .object({
    today: date,
    withinDays: z.number().int(),
    contacts: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        date,
        basis: z.enum(['manual', 'cadence-after-exchange', 'cadence-after-added']),
        status: dueStatus,
        daysOverdue: z.number().int(),
        lastExchangeOn: date.nullable(),
        cadence: z.string().nullable(),
        preferredChannel: z.enum(CHANNELS).nullable(),
      }),
    ),
    followUps: z.array(z.object({ followUp: followUpOutput, personName: z.string().nullable(), status: dueStatus, daysOverdue: z.number().int() })),
    laterFollowUps: z.number().int(),
    contactsTotal: z.number().int().meta({ description: 'how many contacts are due in all (more than listed when `limit` cut the list)' }),
    followUpsTotal: z.number().int().meta({ description: 'how many follow-ups are due in all' }),
  })
  .meta({ id: 'DueReport' });
same<z.infer<typeof dueReportOutput>, DueReport>(true);

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().meta({ description: 'matches before limit and offset' }) });

/** `GET /api/people`: a page, and on the sorts keyset paging serves (with limit) where the next one starts. */
export const peoplePage = page(personOutput).extend({
  nextCursor: z.string().nullable().optional().meta({ description: 'pass as cursor for the next page (sorts name, next-contact, last-exchange, with limit); null on the last page' }),
});

export const personDetailOutput = z
  .object({
    person: personOutput,
    goals: z.array(z.object({ goal: goalOutput, relevance: z.number().int(), note: z.string().nullable(), serves: z.array(z.string()) })),
    networks: z.array(z.object({ network: networkOutput, role: z.enum(NETWORK_ROLES).nullable() })),
    ties: z.array(z.object({ person: z.object({ id: z.string(), name: z.string() }), strength: z.number().int(), note: z.string().nullable() })),
    introductions: z.array(introductionOutput),
    names: z.record(z.string(), z.string()).meta({ description: 'the names of the people the ties and introductions refer to, by id' }),
    exchanges: z.array(exchangeOutput),
    followUps: z.array(followUpOutput),
    dates: z.array(personDateSchema),
    hasPhoto: z.boolean().meta({ description: 'whether GET /api/people/{id}/photo has a photo to give' }),
    today: date.meta({ description: "today where the user is (the server's clock, the profile's time zone): what the next contact is overdue against" }),
  })
  .meta({ id: 'PersonDetail' });
same<z.infer<typeof personDetailOutput>, PersonDetail>(true);

export const networkDetailOutput = z
  .object({
    network: networkOutput,
    members: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(NETWORK_ROLES).nullable(), strength: z.number().int(), importance: z.number().int() })),
    goals: z.array(z.object({ goal: goalOutput, relevance: z.number().int(), note: z.string().nullable(), serves: z.array(z.string()) })),
    exchanges: z.number().int(),
  })
  .meta({ id: 'NetworkDetail' });

export const goalDetailOutput = z
  .object({
    goal: goalOutput,
    people: z.array(z.object({ id: z.string(), name: z.string(), relevance: z.number().int(), strength: z.number().int(), importance: z.number().int(), note: z.string().nullable(), serves: z.array(z.string()) })),
    networks: z.array(z.object({ id: z.string(), name: z.string(), relevance: z.number().int(), strength: z.number().int(), hoursPerMonth: z.number(), note: z.string().nullable(), serves: z.array(z.string()) })),
  })
  .meta({ id: 'GoalDetail' });

/** Every error answer, and the last line of an import stream that failed (src/server/errors.ts `errorAnswer` builds it). */
export const errorOutput = z
  .strictObject({
    error: z.strictObject({
      code: z.string(),
      message: z.string(),
      field: z.string().optional().meta({ description: 'where the input is at fault: a JSON path, a query parameter (query.limit) or a path parameter' }),
      line: z.number().int().nullable().optional().meta({ description: "for a file: the line at fault, or null when the fault is the file's as a whole" }),
    }),
  })
  .meta({ id: 'Error' });
