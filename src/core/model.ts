import type { Cadence } from './cadence.js';
import type { IsoDate } from './dates.js';
import type { NextContact } from './next-contact.js';
import type {
  Channel,
  ContactKind,
  Feeling,
  FollowUpKind,
  FollowUpStatus,
  GiveKind,
  GoalStatus,
  Initiator,
  NetworkKind,
  NetworkRole,
  PersonCategory,
  ReceiveKind,
  OutreachPurpose,
  ShareKind,
  Stage,
  TargetSource,
  TargetStatus,
} from './vocabulary.js';

/** An ISO 8601 instant in UTC, for record keeping ("2026-11-22T09:30:00.000Z"). */
export type Timestamp = string;

export interface ContactPoint {
  kind: ContactKind;
  value: string;
  label: string | null;
}

/** Where a record came from: typed by hand, the demo, or an import. */
export interface Provenance {
  source: string;
  importedOn: IsoDate | null;
}

export interface Person {
  id: string;
  name: string;
  /** The family name, where a file or the user said which part of the name it is; lists sort by it (core/names.ts sortKey). */
  familyName: string | null;
  organisation: string | null;
  role: string | null;
  location: string | null;
  howMet: string | null;
  category: PersonCategory | null;
  tags: string[];
  notes: string | null;
  /** Strength of tie: 0 none, 1 weak … 5 "call any time". */
  strength: number;
  /** Importance to my goals overall, 0–5. */
  importance: number;
  knowAndLike: boolean;
  canHelp: boolean;
  canHelpHow: string | null;
  stage: Stage;
  cadence: Cadence | null;
  preferredChannel: Channel | null;
  lostJobList: boolean;
  /** The next contact set by hand (see `nextContact` for the effective one). */
  nextContactOn: IsoDate | null;
  nextContactSetOn: IsoDate | null;
  /** The day the tie began (for imports: LinkedIn's "Connected On"). */
  tieBeganOn: IsoDate | null;
  channels: ContactPoint[];
  source: string;
  importedOn: IsoDate | null;
  /** The day the person was added, in the user's calendar: the cadence's base before any exchange. */
  addedOn: IsoDate;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Derived: the latest exchange with this person. */
  lastExchangeOn: IsoDate | null;
  /** Derived: the effective next contact, or null when never due. */
  nextContact: NextContact | null;
}

export interface Network {
  id: string;
  name: string;
  kind: NetworkKind;
  /** My role in it. */
  role: NetworkRole;
  strength: number;
  importance: number;
  hoursPerMonth: number;
  url: string | null;
  notes: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Membership {
  networkId: string;
  personId: string;
  role: NetworkRole | null;
}

export interface Goal {
  id: string;
  statement: string;
  /** By when, if the goal has a horizon. */
  horizon: IsoDate | null;
  /** What the goal needs (a supervisor, funding, statistics), in the user's order. */
  needs: GoalNeed[];
  transitionFrom: string | null;
  transitionTo: string | null;
  status: GoalStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One thing a goal needs; an essential one keeps the goal from being covered until someone serves it. */
export interface GoalNeed {
  /** Unique within its goal; links name the needs they serve by it. */
  id: string;
  name: string;
  essential: boolean;
}

export type GoalLinkKind = 'person' | 'network';

/** How relevant a person or a network is to a goal (1–5). */
export interface GoalLink {
  goalId: string;
  kind: GoalLinkKind;
  targetId: string;
  relevance: number;
  note: string | null;
  /** Ids of the goal's needs this person or network serves; empty: the goal as a whole. */
  serves: string[];
}

/** A known person-to-person tie (undirected; stored with the smaller id first). */
export interface Tie {
  personAId: string;
  personBId: string;
  strength: number;
  note: string | null;
}

export interface GivenItem {
  kind: GiveKind;
  note: string | null;
}

export interface ReceivedItem {
  kind: ReceiveKind;
  note: string | null;
}

export interface FollowUp {
  id: string;
  exchangeId: string | null;
  personId: string | null;
  kind: FollowUpKind;
  description: string;
  dueOn: IsoDate;
  status: FollowUpStatus;
  closedOn: IsoDate | null;
  createdAt: Timestamp;
}

/** A journal entry. */
export interface Exchange {
  id: string;
  occurredOn: IsoDate;
  channel: Channel;
  initiatedBy: Initiator;
  personIds: string[];
  networkId: string | null;
  gave: GivenItem[];
  received: ReceivedItem[];
  learned: string | null;
  feeling: Feeling | null;
  notes: string | null;
  createdAt: Timestamp;
}

/** `byId` introduced `personId` to `toId`; null on either side means the user. */
export interface Introduction {
  id: string;
  byId: string | null;
  personId: string;
  toId: string | null;
  madeOn: IsoDate;
  note: string | null;
  createdAt: Timestamp;
}

/** The user's own profile. */
export interface Profile {
  name: string | null;
  /** Working out loud: what I am working on now, to share in conversations. */
  workingOn: string | null;
  /** The zone whose calendar decides what "today" is. */
  timeZone: string;
  /** My own email addresses: they tell what I sent from what I received when a mailbox or calendar is captured. */
  emails: string[];
  updatedAt: Timestamp;
}

/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** How the monthly plan works for this user. */
export interface PlanSettings {
  /** How many people to reach each month: two to four by default advice, three to start. */
  monthlyTargets: number;
  /** The most new relationships in progress (people at "reached out" or "met") before planning warns. */
  newRelationshipCap: number;
  /** Who the plan is shared with, for the accountability page. */
  accountabilityPartner: string | null;
}

/** One person the user means to reach in a month. */
export interface PlanTarget {
  id: string;
  month: Month;
  personId: string;
  source: TargetSource;
  /** Why this person, this month: the check's reason or the user's own words. */
  reason: string;
  status: TargetStatus;
  /** The target of an earlier month this one continues. */
  rolledOverFrom: string | null;
  /** The exchange that completed it. */
  exchangeId: string | null;
  closedOn: IsoDate | null;
  createdAt: Timestamp;
}

/** An outreach template: `subject` and `body` are Mustache templates over a `DraftContext`. */
export interface OutreachTemplate {
  id: string;
  purpose: OutreachPurpose;
  name: string;
  subject: string;
  body: string;
  /** Built-in templates ship with Waggle and cannot be edited (copy one to change it). */
  builtIn: boolean;
  createdAt: Timestamp | null;
  updatedAt: Timestamp | null;
}

/** A revocable link: the plan page or the calendar feed. The token itself is shown once, at creation. */
export interface ShareToken {
  id: string;
  kind: ShareKind;
  label: string | null;
  includeNotes: boolean;
  createdAt: Timestamp;
  revokedAt: Timestamp | null;
}
