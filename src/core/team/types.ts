/**
 * The hive's shapes: what the members of a team have consented to share (the input),
 * the team graph that merges it (one node per person and per network, however many
 * members know them), and the team check's report. Nothing here holds an email,
 * a phone, a note or a journal entry: what a member did not consent to never gets
 * this far, and what dedup compares (email digests) stays in `SharedPerson.identity`,
 * which no output type carries.
 */
import type { Why } from '../check/types.js';
import type { NetworkKind, NetworkRole, PersonCategory } from '../vocabulary.js';

export type TeamRole = 'lead' | 'member';

export interface TeamMember {
  id: string;
  name: string;
  role: TeamRole;
}

/** A network a member offers the team: name, kind, the member's role, strength and hours. */
export interface SharedNetwork {
  memberId: string;
  itemId: string;
  name: string;
  kind: NetworkKind;
  role: NetworkRole;
  strength: number;
  hoursPerMonth: number;
}

/** What dedup compares, never shown: digests of emails and profile links without their scheme. */
export interface PersonIdentity {
  emailKeys: string[];
  profiles: { kind: string; value: string }[];
}

/** A person a member marked "teammates may ask me for an introduction". */
export interface SharedPerson {
  memberId: string;
  itemId: string;
  name: string;
  organisation: string | null;
  category: PersonCategory | null;
  /** The strength of the member's tie (0–5). */
  strength: number;
  identity: PersonIdentity;
  /** The member's networks this person belongs to, among those the member shares. */
  networkItemIds: string[];
}

export interface TeamGoalNeeds {
  categories: PersonCategory[];
  networkKinds: NetworkKind[];
}

export interface TeamGoalLink {
  memberId: string;
  itemKind: 'network' | 'person';
  itemId: string;
  relevance: number;
}

export interface TeamGoal {
  id: string;
  statement: string;
  needs: TeamGoalNeeds;
  /** Only links to items still shared: a withdrawn item's link is left out by the loader. */
  links: TeamGoalLink[];
}

export interface TeamSnapshot {
  members: TeamMember[];
  networks: SharedNetwork[];
  people: SharedPerson[];
  goals: TeamGoal[];
}

// ---------------------------------------------------------------- the merged graph

export interface NetworkHolder {
  memberId: string;
  itemId: string;
  role: NetworkRole;
  strength: number;
  hoursPerMonth: number;
}

/** One network of the team graph, however many members share it. */
export interface TeamNetwork {
  key: string;
  name: string;
  kind: NetworkKind;
  holders: NetworkHolder[];
}

export interface PersonHolder {
  memberId: string;
  itemId: string;
  strength: number;
}

/** One person of the team graph, however many members know them. */
export interface TeamPerson {
  key: string;
  name: string;
  organisation: string | null;
  category: PersonCategory | null;
  holders: PersonHolder[];
  /** Keys of team networks the person is in (as some holder shares it). */
  networkKeys: string[];
}

export interface TeamGraph {
  members: TeamMember[];
  networks: TeamNetwork[];
  people: TeamPerson[];
  /** `memberId itemId` → the team network's key. */
  networkKeyOf: Map<string, string>;
  /** `memberId itemId` → the team person's key. */
  personKeyOf: Map<string, string>;
}

// ---------------------------------------------------------------- the report

export interface TeamRef {
  kind: 'member' | 'network' | 'person' | 'goal';
  key: string;
  name: string;
}

export interface TeamFinding extends TeamRef {
  why: Why;
  next: string;
}

export interface CoverageCell {
  memberId: string;
  role: NetworkRole;
  strength: number;
  hoursPerMonth: number;
}

export interface CoverageRow {
  key: string;
  name: string;
  kind: NetworkKind;
  /** One per member, in the order of `members`; null where the member is not in it. */
  cells: (CoverageCell | null)[];
  /** Members who reach it (any role but "want to join" and "left"). */
  reach: number;
}

export type GoalVerdict = 'covered' | 'thin' | 'missing';

export interface TeamGoalCoverage {
  goalId: string;
  statement: string;
  verdict: GoalVerdict;
  score: number;
  networks: { key: string; name: string; relevance: number; reach: number }[];
  people: { key: string; name: string; relevance: number; strongestTie: number }[];
  missing: { code: string; why: Why; next: string }[];
  why: Why;
  next: string;
}

export interface BrokerRow {
  memberId: string;
  name: string;
  betweenness: number;
  constraint: number;
  /** The clusters the member's ties reach. */
  clusters: number[];
}

export interface TeamCluster {
  id: number;
  members: { id: string; name: string }[];
  networks: { key: string; name: string }[];
  people: number;
}

export interface DiversityRow {
  category: PersonCategory;
  people: number;
  members: number;
}

export interface TeamCheck {
  members: TeamMember[];
  counts: { members: number; networks: number; people: number; goals: number };
  coverage: CoverageRow[];
  goals: TeamGoalCoverage[];
  singlePointsOfFailure: TeamFinding[];
  redundancy: TeamFinding[];
  brokers: { rows: BrokerRow[]; findings: TeamFinding[]; exact: boolean; statement: string };
  clusters: TeamCluster[];
  diversity: { rows: DiversityRow[]; gaps: TeamFinding[] };
}

export interface IntroductionPath {
  /** The member who can make the introduction. */
  via: { id: string; name: string };
  /** Whom they introduce: a person, or the network's people at large. */
  target: { kind: 'person' | 'network'; key: string; name: string; organisation: string | null };
  /** For a person: the holder's person id (what a request names). */
  holderItemId: string | null;
  score: number;
  why: Why;
  next: string;
}
