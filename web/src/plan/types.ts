export interface Suggestion {
  personId: string;
  name: string;
  source: string;
  reason: string;
  next: string;
  startsNewRelationship: boolean;
}
export interface Cap {
  inProgress: number;
  starting: number;
  cap: number;
  warning: string | null;
}
export interface Suggestions {
  month: string;
  placesLeft: number;
  suggestions: Suggestion[];
  alternatives: Suggestion[];
  cap: Cap;
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
  progress: { planned: number; done: number; open: number; dropped: number };
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
