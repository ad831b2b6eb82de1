import { z } from 'zod';
import {
  CHANNELS,
  CONTACT_KINDS,
  FEELINGS,
  FOLLOW_UP_KINDS,
  GIVE_KINDS,
  GOAL_STATUSES,
  INITIATORS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  PERSON_CATEGORIES,
  RECEIVE_KINDS,
  STAGES,
} from '../core/vocabulary.js';
import { classifyUrl } from '../core/contact-links.js';
import { CHANNEL_GROUP_KINDS, type ChannelGroup } from '../core/channel-groups.js';
import { personDateList } from './person-dates.js';
import { cadence, hoursPerMonth, id, isoDate, oneOf, optionalText, relevance, requiredText, score, tagList, timeZone } from './fields.js';

/** The inputs of every use-case, validated at the edge (API bodies, CLI flags). */

export const contactPointInput = z.object({
  kind: oneOf(CONTACT_KINDS),
  value: requiredText(500),
  label: optionalText(60).optional(),
});

/**
 * One group of a person's channels (emails, phones, or web and social links), given
 * whole: an edit that names a group replaces that group's channels and leaves the
 * other groups as they are. The kind may be left out: an email, a phone, or a link
 * classified by its address.
 */
const channelGroup = (group: ChannelGroup) =>
  z
    .array(
      z
        .object({
          kind: oneOf(CHANNEL_GROUP_KINDS[group]).optional(),
          value: requiredText(500),
          label: optionalText(60).optional(),
        })
        .strict()
        .transform((c) => ({ ...c, kind: c.kind ?? (group === 'links' ? classifyUrl(c.value) : CHANNEL_GROUP_KINDS[group][0]) })),
    )
    .max(50, { error: 'at most 50 channels' });

export const channelGroupsInput = z
  .object({ emails: channelGroup('emails'), phones: channelGroup('phones'), links: channelGroup('links') })
  .partial()
  .strict()
  .meta({ description: 'Replace only the channels of the groups named (emails, phones, web and social links); an empty list clears that group' });
export type ChannelGroupsInput = z.infer<typeof channelGroupsInput>;

/** A person's fields, each with its rules: the API, the CLI, imports and the backup restore all check with these. */
export const personFields = {
  name: requiredText(200),
  /** Which part of the name is the family name, for sorting ("Silva" in "Dr Ana Silva"); ignored while it is not part of the name. */
  familyName: optionalText(200),
  organisation: optionalText(200),
  role: optionalText(200),
  location: optionalText(200),
  howMet: optionalText(1000, 'multi'),
  category: oneOf(PERSON_CATEGORIES).nullable(),
  tags: tagList,
  notes: optionalText(20000, 'multi'),
  strength: score,
  importance: score,
  knowAndLike: z.boolean(),
  canHelp: z.boolean(),
  canHelpHow: optionalText(1000, 'multi'),
  stage: oneOf(STAGES),
  cadence: cadence.nullable(),
  preferredChannel: oneOf(CHANNELS).nullable(),
  lostJobList: z.boolean(),
  nextContactOn: isoDate.nullable(),
  tieBeganOn: isoDate.nullable(),
  channels: z.array(contactPointInput).max(50),
};

export const createPersonInput = z
  .object({
    ...personFields,
    source: z.string().trim().min(1).max(100).optional(),
    addedOn: isoDate.optional(),
    /** Birthday, anniversary and named dates, written with the person in one transaction. */
    dates: personDateList.optional(),
  })
  .partial()
  .required({ name: true })
  .strict();
export type CreatePersonInput = z.infer<typeof createPersonInput>;

/** A patch: only the fields given change. `channelGroups` replaces some groups of channels, `channels` the whole list, `dates` every date. */
export const updatePersonInput = z
  .object({
    ...personFields,
    channelGroups: channelGroupsInput,
    /** Replaces the person's dates (an empty list clears them), with the other changes in one transaction. */
    dates: personDateList,
  })
  .partial()
  .strict();
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

export const networkFields = {
  name: requiredText(200),
  kind: oneOf(NETWORK_KINDS),
  role: oneOf(NETWORK_ROLES),
  strength: score,
  importance: score,
  hoursPerMonth,
  url: optionalText(1000),
  notes: optionalText(20000, 'multi'),
};

export const createNetworkInput = z.object(networkFields).partial().required({ name: true }).strict();
export type CreateNetworkInput = z.infer<typeof createNetworkInput>;
export const updateNetworkInput = z.object(networkFields).partial().strict();
export type UpdateNetworkInput = z.infer<typeof updateNetworkInput>;

/** One need of a goal; an id keeps a renamed need's links, a name alone matches an existing need or adds one. */
export const goalNeedInput = z
  .object({
    id: id.optional(),
    name: requiredText(100),
    essential: z.boolean().optional(),
  })
  .strict();
export type GoalNeedInput = z.infer<typeof goalNeedInput>;

export const goalFields = {
  statement: requiredText(500),
  horizon: isoDate.nullable(),
  needs: z.array(goalNeedInput).max(30, { error: 'at most 30 needs' }),
  transitionFrom: optionalText(200),
  transitionTo: optionalText(200),
  status: oneOf(GOAL_STATUSES),
};

export const createGoalInput = z.object(goalFields).partial().required({ statement: true }).strict();
export type CreateGoalInput = z.infer<typeof createGoalInput>;
export const updateGoalInput = z.object(goalFields).partial().strict();
export type UpdateGoalInput = z.infer<typeof updateGoalInput>;

/** A note on a link, a tie, an introduction, or on what was given or received in an exchange. */
export const linkNote = optionalText(1000, 'multi');

/** The free text of an exchange. */
export const exchangeText = { learned: optionalText(5000, 'multi'), notes: optionalText(20000, 'multi') };

export const goalLinkInput = z
  .object({
    relevance: relevance.optional(),
    note: linkNote.optional(),
    /** The goal's needs this person or network serves, by id or name; replaces the link's list. */
    serves: z.array(requiredText(100)).max(30).optional(),
  })
  .strict();
export type GoalLinkInput = z.infer<typeof goalLinkInput>;

export const membershipInput = z.object({ role: oneOf(NETWORK_ROLES).nullable().optional() }).strict();
export type MembershipInput = z.infer<typeof membershipInput>;

export const tieInput = z.object({ strength: score.optional(), note: linkNote.optional() }).strict();
export type TieInput = z.infer<typeof tieInput>;

export const followUpInput = z
  .object({
    description: requiredText(500),
    kind: oneOf(FOLLOW_UP_KINDS).optional(),
    dueOn: isoDate.optional(),
    personId: id.optional(),
  })
  .strict();
export type FollowUpInput = z.infer<typeof followUpInput>;

export const logExchangeInput = z
  .object({
    occurredOn: isoDate.optional(),
    channel: oneOf(CHANNELS),
    initiatedBy: oneOf(INITIATORS).optional(),
    personIds: z.array(id).min(1, { error: 'name at least one person' }).max(50),
    networkId: id.nullable().optional(),
    gave: z.array(z.object({ kind: oneOf(GIVE_KINDS), note: linkNote.optional() }).strict()).max(20).optional(),
    received: z.array(z.object({ kind: oneOf(RECEIVE_KINDS), note: linkNote.optional() }).strict()).max(20).optional(),
    learned: exchangeText.learned.optional(),
    feeling: oneOf(FEELINGS).nullable().optional(),
    notes: exchangeText.notes.optional(),
    followUps: z.array(followUpInput).max(20).optional(),
  })
  .strict();
export type LogExchangeInput = z.infer<typeof logExchangeInput>;

export const introductionInput = z
  .object({
    byId: id.nullable().optional(),
    personId: id,
    toId: id.nullable().optional(),
    madeOn: isoDate.optional(),
    note: linkNote.optional(),
  })
  .strict();
export type IntroductionInput = z.infer<typeof introductionInput>;

export const updateProfileInput = z
  .object({
    name: optionalText(200),
    workingOn: optionalText(5000, 'multi'),
    timeZone,
    /** My own addresses, replacing the list: capture tells what I sent from what I received by them. */
    emails: z.array(z.email({ error: 'is not an email address' }).max(320).transform((e) => e.trim().toLowerCase())).max(20),
  })
  .partial()
  .strict();
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const dueQuery = z.object({ within: z.coerce.number().int().min(0).max(3660).optional() }).strict();

/**
 * Several people at once (the add form with its links, or a quick add of one person a
 * line), each linked to the same goals and networks, all in one transaction.
 */
export const quickAddInput = z
  .object({
    people: z.array(createPersonInput).min(1, 'add at least one person').max(200, 'at most 200 people at once'),
    goals: z.array(z.object({ goalId: id, relevance: relevance.optional() }).strict()).max(50).default([]),
    networks: z.array(z.object({ networkId: id, role: oneOf(NETWORK_ROLES).nullable().optional() }).strict()).max(50).default([]),
  })
  .strict();
export type QuickAddInput = z.infer<typeof quickAddInput>;
