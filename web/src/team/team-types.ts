/** The hive's shapes as the API returns them (see src/contract/teams.ts). */
export interface Why {
  text: string;
  facts: Record<string, number | string | boolean | null>;
}
export interface TeamSummary {
  id: string;
  name: string;
  myRole: 'lead' | 'member';
  members: number;
}
export interface TeamDetail extends TeamSummary {
  roster: { id: string; name: string; role: 'lead' | 'member'; joinedAt: string }[];
  mySharePlan: boolean;
}
export interface TeamGraph {
  members: { id: string; name: string; role: string }[];
  networks: { key: string; name: string; kind: string; holders: { memberId: string; role: string; strength: number; hoursPerMonth: number }[] }[];
  people: { key: string; name: string; organisation: string | null; category: string | null; holders: { memberId: string; itemId: string; strength: number }[]; networkKeys: string[] }[];
  learned: { memberId: string; memberName: string; exchangeId: string; occurredOn: string; learned: string }[];
}
export interface Consent {
  networks: { id: string; name: string; kind: string; offered: boolean }[];
  people: { id: string; name: string; organisation: string | null }[];
  learned: { exchangeId: string; occurredOn: string; learned: string; shared: boolean }[];
  sharePlan: boolean;
}
export interface Preview {
  networks: { networkId: string; name: string; kind: string; role: string; strength: number; hoursPerMonth: number }[];
  people: { personId: string; name: string; organisation: string | null; category: string | null; strength: number; networks: string[] }[];
  learned: { exchangeId: string; occurredOn: string; learned: string }[];
  plan: { month: string; targets: { name: string; status: string }[] } | null;
}
export interface Finding {
  kind: string;
  key: string;
  name: string;
  why: Why;
  next: string;
}
export interface TeamCheck {
  members: { id: string; name: string }[];
  counts: { members: number; networks: number; people: number; goals: number };
  coverage: { key: string; name: string; kind: string; reach: number; cells: ({ role: string; strength: number } | null)[] }[];
  goals: { goalId: string; statement: string; verdict: string; score: number; missing: { code: string; why: Why; next: string }[]; why: Why; next: string }[];
  singlePointsOfFailure: Finding[];
  redundancy: Finding[];
  brokers: { rows: { memberId: string; name: string; betweenness: number; constraint: number; clusters: number[] }[]; findings: Finding[]; statement: string };
  clusters: { id: number; members: { name: string }[]; networks: { name: string }[]; people: number }[];
  diversity: { rows: { category: string; people: number; members: number }[]; gaps: Finding[] };
}
export interface TeamGoal {
  id: string;
  statement: string;
  needs: { categories: string[]; networkKinds: string[] };
  links: { key: string; itemKind: string; name: string; relevance: number }[];
}
export interface IntroRequest {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  person: { personId: string; name: string; organisation: string | null };
  message: string | null;
  status: 'open' | 'accepted' | 'declined';
}
export interface IntroPath {
  via: { id: string; name: string };
  target: { kind: string; key: string; name: string; organisation: string | null };
  holderItemId: string | null;
  score: number;
  why: Why;
  next: string;
}
