/**
 * The closed sets Waggle uses. Each is documented once here; the contract, the
 * database checks, the CLI help and the README all read from these lists.
 */

/** The diversity checklist (PRODUCT.md, "Diversity"). A person may also be uncategorised (null). */
export const PERSON_CATEGORIES = [
  'department-colleague', // people in my own department or team
  'other-function', // colleagues in other functions of my organisation
  'unrelated-industry', // people in unrelated industries
  'author-blogger', // authors, bloggers, podcasters whose work I follow
  'already-valued', // people I already know and value
  'professional-association', // people met through professional bodies
  'leader-in-field', // leaders in my field
  'social-media', // contacts mainly from social media and online communities
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

/** Where a relationship stands. `dormant` is a tie that has gone quiet on purpose or by drift. */
export const STAGES = ['to-meet', 'reached-out', 'met', 'in-touch', 'call-any-time', 'dormant'] as const;
export type Stage = (typeof STAGES)[number];

/** How an exchange happens, and how a person prefers to be met. */
export const CHANNELS = ['coffee', 'lunch', 'call', 'video', 'email', 'social-media', 'event'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The kinds of groups one belongs to or wants to join. */
export const NETWORK_KINDS = [
  'professional-body',
  'interest-group',
  'social-media-community',
  'employer',
  'alumni',
  'conference',
  'research-network',
  'own-hub', // a hub the user founded
  'other',
] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** A role in a network, the user's own or a member's; ordered from outside to inside, `left` last. */
export const NETWORK_ROLES = ['want-to-join', 'lurker', 'member', 'volunteer', 'committee', 'organiser', 'left'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** Who started an exchange. */
export const INITIATORS = ['me', 'them', 'mutual'] as const;
export type Initiator = (typeof INITIATORS)[number];

/** What I gave in an exchange. */
export const GIVE_KINDS = ['help', 'resource', 'introduction', 'feedback', 'time'] as const;
export type GiveKind = (typeof GIVE_KINDS)[number];

/** What I received in an exchange. */
export const RECEIVE_KINDS = ['insight', 'resource', 'introduction', 'opportunity'] as const;
export type ReceiveKind = (typeof RECEIVE_KINDS)[number];

/** How an exchange felt, from best to worst. */
export const FEELINGS = ['energising', 'good', 'neutral', 'awkward', 'draining'] as const;
export type Feeling = (typeof FEELINGS)[number];

/** What a follow-up is. */
export const FOLLOW_UP_KINDS = ['thank-you', 'question', 'resource', 'introduction', 'other'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'dropped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** How to reach a person: emails, phones, web and social profile links. */
export const CONTACT_KINDS = ['email', 'phone', 'web', 'linkedin', 'x', 'mastodon', 'bluesky', 'github', 'orcid', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Where a monthly plan target came from: a suggestion of the check, or the user's own pick. */
export const TARGET_SOURCES = ['start-here', 'strengthen', 'goal-gap', 'neglect', 'own'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

/** A plan target is open until done (an exchange happened), dropped, or rolled over into the next month. */
export const TARGET_STATUSES = ['open', 'done', 'dropped', 'rolled-over'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Why one writes to someone: the outreach drafts' purposes. */
export const OUTREACH_PURPOSES = ['expert-opinion', 'learn-solution', 'explore-collaboration', 'navigate-situation', 'interview', 'meet-the-team', 'informational-interview', 'catching-up',
  'reconnecting', 'thank-you', 'congratulations', 'ask-introduction', 'offer-help'] as const;
export type OutreachPurpose = (typeof OUTREACH_PURPOSES)[number];

/** What a share token opens: the read-only plan page, or the calendar feed. */
export const SHARE_KINDS = ['plan', 'calendar'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** Scores run from 0 (none) to 5 ("call any time" for strength, "essential" for importance). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;
/** Relevance of a person or network to one goal: 1 (a little) to 5 (central). */
export const RELEVANCE_MIN = 1;
export const RELEVANCE_MAX = 5;

/** Every closed set by name: what `waggle vocabulary` and `GET /api/vocabulary` show. */
export const VOCABULARY = {
  personCategories: PERSON_CATEGORIES,
  stages: STAGES,
  channels: CHANNELS,
  networkKinds: NETWORK_KINDS,
  networkRoles: NETWORK_ROLES,
  initiators: INITIATORS,
  giveKinds: GIVE_KINDS,
  receiveKinds: RECEIVE_KINDS,
  feelings: FEELINGS,
  followUpKinds: FOLLOW_UP_KINDS,
  followUpStatuses: FOLLOW_UP_STATUSES,
  contactKinds: CONTACT_KINDS,
  goalStatuses: GOAL_STATUSES,
  targetSources: TARGET_SOURCES,
  targetStatuses: TARGET_STATUSES,
  outreachPurposes: OUTREACH_PURPOSES,
  shareKinds: SHARE_KINDS,
} as const;
