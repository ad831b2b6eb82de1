import type { Generated } from 'kysely';
import type { TeamTables } from './team-schema.js';

/**
 * The tables as Kysely sees them (camelCase here, snake_case in the database via
 * CamelCasePlugin). Booleans are 0/1 integers and lists are JSON text in both
 * databases so that one query serves SQLite and PostgreSQL; the repositories map
 * rows to the core's types.
 */
export interface Database extends TeamTables {
  workspaces: { id: string; name: string; createdAt: string };
  profiles: {
    workspaceId: string;
    name: string | null;
    workingOn: string | null;
    timeZone: string;
    updatedAt: string;
    monthlyTargets: Generated<number>;
    newRelationshipCap: Generated<number>;
    accountabilityPartner: string | null;
    /** The user's own email addresses, JSON text: they tell "me" from "them" in a mailbox or a calendar. */
    emails: Generated<string>;
  };
  /** Capture proposals the user has answered, by proposal key (a hash of the source key): nothing is proposed twice. */
  capturedItems: { workspaceId: string; sourceKey: string; outcome: 'logged' | 'declined'; exchangeId: string | null; capturedAt: string };
  people: PeopleTable;
  /** Birthdays, anniversaries and named dates, in the order the user gave them. */
  personDates: { personId: string; position: number; kind: 'birthday' | 'anniversary' | 'other'; label: string | null; month: number; day: number; year: number | null };
  /** A person's photo: the bytes as uploaded or imported, their sniffed type (core/photo.ts). */
  personPhotos: { personId: string; mediaType: string; bytes: Uint8Array; updatedAt: string };
  contactPoints: {
    personId: string;
    position: number;
    kind: string;
    value: string;
    /** Lower-cased, trimmed value: what duplicate detection compares. */
    valueKey: string;
    label: string | null;
  };
  networks: NetworksTable;
  memberships: { workspaceId: string; networkId: string; personId: string; role: string | null };
  goals: GoalsTable;
  personGoals: { workspaceId: string; goalId: string; personId: string; relevance: number; note: string | null; serves: Generated<string> };
  networkGoals: { workspaceId: string; goalId: string; networkId: string; relevance: number; note: string | null; serves: Generated<string> };
  ties: { workspaceId: string; personA: string; personB: string; strength: number; note: string | null };
  exchanges: ExchangesTable;
  /** Who took part in an exchange; `occurredOn` copies the exchange's date for fast "last exchange" lookups. */
  exchangePeople: {
    exchangeId: string;
    personId: string;
    workspaceId: string;
    occurredOn: string;
    /** What logging did to the person (see migration 2026-12-01T0400-exchange-effects); null when not recorded. */
    stageBefore: string | null;
    stageAfter: string | null;
    loggedSeq: number | null;
    clearedNextContactOn: string | null;
    clearedNextContactSetOn: string | null;
  };
  followUps: FollowUpsTable;
  planTargets: {
    id: string;
    workspaceId: string;
    month: string;
    personId: string;
    source: string;
    reason: string;
    status: string;
    rolledOverFrom: string | null;
    exchangeId: string | null;
    closedOn: string | null;
    createdAt: string;
  };
  outreachTemplates: { id: string; workspaceId: string; purpose: string; name: string; subject: string; body: string; createdAt: string; updatedAt: string };
  accounts: { id: string; email: string; name: string; passwordHash: string; workspaceId: string; role: string; createdAt: string };
  sessions: { id: string; tokenHash: string; accountId: string; createdAt: string; lastSeenAt: string; expiresAt: string; revokedAt: string | null };
  accessTokens: { id: string; tokenHash: string; accountId: string; label: string | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
  invitations: { id: string; tokenHash: string; createdBy: string; createdAt: string; expiresAt: string; usedAt: string | null; usedBy: string | null };
  signInFailures: { id: string; key: string; at: string };
  shareTokens: {
    id: string;
    workspaceId: string;
    kind: string;
    label: string | null;
    tokenHash: string;
    includeNotes: number;
    createdAt: string;
    revokedAt: string | null;
  };
  introductions: {
    id: string;
    workspaceId: string;
    byId: string | null;
    personId: string;
    toId: string | null;
    madeOn: string;
    note: string | null;
    createdAt: string;
  };
}

export interface PeopleTable {
  id: string;
  workspaceId: string;
  name: string;
  nameKey: string;
  /** The family name then the rest, or the name without its title, folded (core/names.ts sortKey): what the people list sorts by. Kept on every write that sets a name. */
  sortName: Generated<string>;
  /** Which part of the name is the family name, where known (imports' N / Last Name, or typed in). */
  familyName: string | null;
  organisation: string | null;
  role: string | null;
  location: string | null;
  howMet: string | null;
  category: string | null;
  tags: string;
  notes: string | null;
  strength: number;
  importance: number;
  knowAndLike: number;
  canHelp: number;
  canHelpHow: string | null;
  stage: string;
  cadence: string | null;
  preferredChannel: string | null;
  lostJobList: number;
  nextContactOn: string | null;
  nextContactSetOn: string | null;
  tieBeganOn: string | null;
  source: string;
  importedOn: string | null;
  addedOn: string;
  createdAt: string;
  updatedAt: string;
  /** Derived, kept current by services/rhythm.ts: the latest exchange's date. */
  lastExchangeOn: Generated<string | null>;
  /** Derived, kept current by services/rhythm.ts: the next contact's date (core nextContact), null when never due. */
  nextContactDue: Generated<string | null>;
  /** Derived, written with the person and their channels: what a search reads (core/search-text.ts). */
  searchText: Generated<string>;
  /** Derived, kept current by services/goal-relevance.ts: the highest relevance to an active goal, 0 without one. */
  goalRelevance: Generated<number>;
  /** Derived, kept current with `lastExchangeOn` (storage/derived.ts): the exchanges with this person. */
  journalExchanges: Generated<number>;
  /** Derived, the same: items given and received, summed over those exchanges. */
  journalGave: Generated<number>;
  journalReceived: Generated<number>;
  /** Derived, the same: 1 when there were exchanges and every one was online (email, social media, video). */
  journalOnlineOnly: Generated<number>;
}

export interface NetworksTable {
  id: string;
  workspaceId: string;
  name: string;
  nameKey: string;
  kind: string;
  role: string;
  strength: number;
  importance: number;
  hoursPerMonth: number;
  url: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GoalsTable {
  id: string;
  workspaceId: string;
  statement: string;
  horizon: string | null;
  /** JSON list of { id, name, essential }. */
  needs: string;
  transitionFrom: string | null;
  transitionTo: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExchangesTable {
  id: string;
  workspaceId: string;
  occurredOn: string;
  channel: string;
  initiatedBy: string;
  networkId: string | null;
  gave: string;
  received: string;
  learned: string | null;
  feeling: string | null;
  notes: string | null;
  createdAt: string;
}

export interface FollowUpsTable {
  id: string;
  workspaceId: string;
  exchangeId: string | null;
  personId: string | null;
  kind: string;
  description: string;
  dueOn: string;
  status: string;
  closedOn: string | null;
  createdAt: string;
}
