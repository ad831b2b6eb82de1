/**
 * The shapes of the network check: its input (one workspace's snapshot) and its
 * report. Every finding names what it is about, why it was found (a sentence and
 * the scores and dates behind it) and what to do next.
 */
import type { IsoDate } from '../dates.js';
import type { JournalSummary } from './journal-summary.js';
import type { NeedSuggestion } from './need-suggestions.js';
import type { NeedCoverage } from './needs.js';
import type { Exchange, Goal, GoalLink, Introduction, Membership, Network, Person, Tie } from '../model.js';
import type { NetworkKind, NetworkRole, PersonCategory } from '../vocabulary.js';

/** One workspace, as the check sees it. People carry their derived `lastExchangeOn` and `nextContact`. */
export interface MapSnapshot {
  today: IsoDate;
  profile: { name: string | null; workingOn: string | null };
  people: Person[];
  networks: Network[];
  memberships: Membership[];
  /** All goals; only `active` ones count, unless one is asked for by id. */
  goals: Goal[];
  goalLinks: GoalLink[];
  ties: Tie[];
  exchanges: JournalEntry[];
  /**
   * The journal summed where it lives (storage does it in SQL), in place of the
   * exchanges: when given, `exchanges` is not read and may be empty.
   */
  journal?: JournalSummary;
  introductions: Introduction[];
}

/**
 * What the check reads of an exchange: who, when, how, and what went each way.
 * The journal's words (what was learned, notes, feelings) are not needed, so a
 * loader may leave them out; a full `Exchange` fits here as it is.
 */
export type JournalEntry = Pick<Exchange, 'id' | 'occurredOn' | 'channel' | 'initiatedBy' | 'personIds' | 'networkId' | 'gave' | 'received'>;

export interface CheckOptions {
  /** Focus the goal-related parts (goals, start here, weak ties, transition, the goal term of importance) on one goal. */
  goalId?: string;
}

export type ItemKind = 'person' | 'network';

/** What a finding is about. */
export interface ItemRef {
  kind: ItemKind;
  id: string;
  name: string;
}

/** A fact behind a finding: a score, a count, a date (IsoDate), or null for "never"/"unknown". */
export type Fact = number | string | boolean | null;

/** Why something was found: a sentence for people, and the facts that produced it for machines. */
export interface Why {
  text: string;
  facts: Record<string, Fact>;
}

/** A finding about one person or network. */
export interface Finding extends ItemRef {
  why: Why;
  /** A concrete, practical suggestion in plain words. */
  next: string;
}

/** A gap: something a goal, a transition or the checklist is missing. */
export interface Gap {
  code: string;
  why: Why;
  next: string;
}

// ---------------------------------------------------------------- 1. map

export type MapNodeKind = 'me' | 'person' | 'network';

export interface MapNode {
  /** Unique across kinds: `me`, `person:<id>`, `network:<id>`. */
  key: string;
  kind: MapNodeKind;
  /** The person's or network's id; null for me. */
  id: string | null;
  label: string;
  /** 0 for me; 1 (innermost, strength 5) … 5 (outermost, strength 0–1). See `ringForStrength`. */
  ring: number;
  /** Importance 0–5 (me: 5), for the node's size. */
  size: number;
  strength: number;
  importance: number;
  /** A person's category, or null. */
  category: PersonCategory | null;
  /** A network's kind, or null. */
  networkKind: NetworkKind | null;
  /** What to colour by when not by goal: the category, the network kind, `uncategorised` or `me`. */
  colourKey: string;
  /** Active goals this node serves (or the focused goal), strongest relevance first. */
  goalIds: string[];
  /** The highest relevance to those goals, 0 when none. */
  relevance: number;
  /** The needs of those goals this node serves, as `goalId/needId`; empty for me. */
  needs: string[];
  quadrant: QuadrantName | null;
  /** A network's hours a month; null for people and me. */
  hoursPerMonth: number | null;
  /** A network's role for me, or null. */
  role: NetworkRole | null;
  /** A person's latest exchange (journal or derived), for Find's tie-break; null for networks, me and people never met. */
  lastExchangeOn: IsoDate | null;
}

export type MapEdgeKind = 'me-person' | 'me-network' | 'membership' | 'person-person' | 'introduction';
export type IntroductionKind = 'introduced-to-me' | 'introduced-by-me' | 'between-others';

export interface MapEdge {
  key: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
  directed: boolean;
  /** Tie strength 0–5 where there is one; 1 for memberships and introductions. */
  weight: number;
  /** The member's role, for memberships; my role, for me→network. */
  role: NetworkRole | null;
  introductionKind: IntroductionKind | null;
  /** For introductions: the node that made it. */
  introducedBy: string | null;
  madeOn: IsoDate | null;
}

export interface RingLegend {
  ring: number;
  strengths: number[];
  label: string;
}

export interface NetworkMap {
  nodes: MapNode[];
  edges: MapEdge[];
  rings: RingLegend[];
  focusGoalId: string | null;
}

// ---------------------------------------------------------------- 2. quadrants

export type QuadrantName = 'maintain' | 'strengthen' | 'overInvested' | 'letBe';

export interface QuadrantItem extends Finding {
  quadrant: QuadrantName;
}

export interface QuadrantTotals {
  items: number;
  people: number;
  networks: number;
  /** Hours a month spent in the quadrant's networks. */
  hoursPerMonth: number;
}

export interface Quadrants {
  maintain: QuadrantItem[];
  strengthen: QuadrantItem[];
  overInvested: QuadrantItem[];
  letBe: QuadrantItem[];
  totals: Record<QuadrantName, QuadrantTotals>;
}

// ---------------------------------------------------------------- 3. goals

export type Verdict = 'covered' | 'thin' | 'missing';

export interface Contributor extends ItemRef {
  strength: number;
  relevance: number;
  /** strength × relevance, 0–25. */
  weight: number;
}

/** One need of a goal: who serves it, the verdict, and where to look when it is thin or missing. */
export interface GoalNeedCoverage extends NeedCoverage {
  why: Why;
  next: string;
  /** Offers for the user to confirm (never links made silently); empty when the need is covered. */
  suggestions: NeedSuggestion[];
}

export interface GoalCoverage {
  goalId: string;
  statement: string;
  verdict: Verdict;
  /** Sum of the contributors' weights. */
  score: number;
  contributors: Contributor[];
  /** Need by need, in the goal's order; empty when the goal names no needs. */
  needs: GoalNeedCoverage[];
  /**
   * What a thin or missing goal lacks, most important first ("Missing: …").
   * Empty for a covered goal.
   */
  gaps: Gap[];
  /**
   * What could still weaken a covered goal (no professional body, no one outside
   * your own organisation …): risks, not missing pieces. Empty unless covered.
   */
  risks: Gap[];
  why: Why;
  next: string;
}

export type PartStatus = 'ok' | 'no-goals' | 'goal-not-found';

export interface GoalsPart {
  status: PartStatus;
  /** What to do when there is nothing to check (no goals, unknown goal), else null. */
  message: string | null;
  /** The organisations counted as the user's own (lower-cased), for "no one outside". */
  ownOrganisations: string[];
  items: GoalCoverage[];
}

// ---------------------------------------------------------------- 4. diversity

export interface CategoryCount {
  category: PersonCategory;
  label: string;
  count: number;
}

export interface DiversityGap extends Gap {
  category: PersonCategory;
}

export interface Diversity {
  counts: CategoryCount[];
  uncategorised: number;
  total: number;
  gaps: DiversityGap[];
}

// ---------------------------------------------------------------- 5. start here

export interface StartHere {
  items: Finding[];
  message: string | null;
}

// ---------------------------------------------------------------- 6. reciprocity

export interface PersonBalance extends ItemRef {
  exchanges: number;
  gave: number;
  received: number;
  /** gave − received. */
  balance: number;
  lastExchangeOn: IsoDate | null;
}

export type OneWay = 'taking' | 'giving';

export interface OneWayTie extends Finding {
  direction: OneWay;
}

export type OverallDirection = 'no-exchanges' | 'balanced' | 'mostly-giving' | 'mostly-taking';

export interface Reciprocity {
  overall: { exchanges: number; gave: number; received: number; balance: number; direction: OverallDirection; why: Why; next: string };
  people: PersonBalance[];
  oneWay: OneWayTie[];
}

// ---------------------------------------------------------------- 7. neglect

export type NeglectReason = 'overdue' | 'fading' | 'lost-job-list';

export interface NeglectItem extends Finding {
  reason: NeglectReason;
}

export interface Neglect {
  overdue: NeglectItem[];
  fading: NeglectItem[];
  lostJobList: NeglectItem[];
}

// ---------------------------------------------------------------- 8. weak ties

export interface WeakTies {
  items: Finding[];
  message: string | null;
}

// ---------------------------------------------------------------- 9. transition

export type TransitionAction = 'keep' | 'reduce' | 'build';

export interface TransitionItem extends Finding {
  action: TransitionAction;
  /** The names of the goal's needs this network serves. */
  serves: string[];
}

/** One need of a transition goal: which networks to keep or build serve it. */
export interface TransitionNeed {
  needId: string;
  name: string;
  essential: boolean;
  keep: string[];
  build: string[];
}

export interface TransitionPlan {
  goalId: string;
  statement: string;
  from: string | null;
  to: string | null;
  keep: TransitionItem[];
  reduce: TransitionItem[];
  build: TransitionItem[];
  hoursPerMonth: Record<TransitionAction, number>;
  /** Need by need: the networks to keep or build that serve it (names). */
  needs: TransitionNeed[];
  gaps: Gap[];
}

export interface TransitionPart {
  status: PartStatus | 'no-transition-goals';
  message: string | null;
  items: TransitionPlan[];
}

// ---------------------------------------------------------------- the report

/** A part of the check that a summary card can point to. */
export type CheckSection = 'quadrants' | 'goals' | 'start-here' | 'diversity' | 'reciprocity' | 'neglect' | 'weak-ties' | 'transition';

/** Where a summary card's one action leads: an item, a part of the check, or a first step on an empty map. */
export type SummaryTarget = { kind: 'person' | 'network'; id: string; name: string } | { kind: 'section'; section: CheckSection } | { kind: 'start'; what: 'add-person' | 'add-goal' | 'whole-check' };

/** One thing to do now: a headline and its single action. */
export interface SummaryCard {
  /** Stable, for tests and styling: `empty-map`, `no-goals`, `start-here`, `overdue`, `goal-thin`, `goal-missing`, `over-invested`, `one-way`, `diversity-gaps`, `goal-not-found`. */
  code: string;
  text: string;
  /** The action's words ("Open Ana Silva", "See give and take"). */
  action: string;
  target: SummaryTarget;
}

export interface CheckSummary {
  today: IsoDate;
  focusGoalId: string | null;
  people: number;
  networks: number;
  activeGoals: number;
  /** A few plain sentences, most useful first: the cards' texts. */
  headlines: string[];
  /** The same sentences as cards, each with one action. */
  cards: SummaryCard[];
}

export interface CheckReport {
  map: NetworkMap;
  quadrants: Quadrants;
  goals: GoalsPart;
  diversity: Diversity;
  startHere: StartHere;
  reciprocity: Reciprocity;
  neglect: Neglect;
  weakTies: WeakTies;
  transition: TransitionPart;
  summary: CheckSummary;
}
