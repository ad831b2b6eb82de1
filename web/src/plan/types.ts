export interface Suggestion {
  personId: string;
  name: string;
  source: string;
  reason: string;
  next: string;
  startsNewRelationship: boolean;
}
/** New relationships in progress against the cap, computed once in the core (src/core/plan.ts). */
export interface Cap {
  inProgress: number;
  starting: number;
  count: number;
  cap: number;
  over: boolean;
  text: string;
  warning: string | null;
}
export interface Suggestions {
  month: string;
  placesLeft: number;
  suggestions: Suggestion[];
  alternatives: Suggestion[];
  cap: Cap;
}
/** The answer to planning someone: added, or already planned (nothing added), in words. */
export interface AddedTarget {
  alreadyPlanned: boolean;
  message: string;
  warnings: string[];
}
export interface Target {
  id: string;
  status: 'open' | 'done' | 'dropped' | 'rolled-over';
  source: string;
  reason: string;
  closedOn: string | null;
  person: { id: string; name: string; organisation: string | null };
}
export interface PlanView {
  month: string;
  settings: { monthlyTargets: number; newRelationshipCap: number; accountabilityPartner: string | null };
  targets: Target[];
  progress: { planned: number; done: number; open: number; dropped: number; monthlyTargets: number; placesLeft: number; text: string };
  cap: Cap;
}
export interface Share {
  id: string;
  kind: 'plan' | 'calendar';
  label: string | null;
  includeNotes: boolean;
  createdAt: string;
  revokedAt: string | null;
}
