import type { Generated } from 'kysely';

/** The hive's tables (migration 2026-12-03T1300-teams), as Kysely sees them. */
export interface TeamTables {
  teams: { id: string; name: string; createdAt: string };
  teamMembers: { teamId: string; accountId: string; role: string; sharePlan: number; joinedAt: string };
  teamInvitations: { id: string; teamId: string; tokenHash: string; createdBy: string; createdAt: string; expiresAt: string; usedAt: string | null; usedBy: string | null };
  /** Networks a member holds back from a team (networks are offered by default). */
  teamHeldNetworks: { teamId: string; accountId: string; networkId: string };
  /** People a member marked "teammates may ask me for an introduction" in a team. */
  teamSharedPeople: { teamId: string; accountId: string; personId: string };
  /** Learned items from a member's journal, shared one at a time. */
  /** goalIds: JSON, the team goals the share is tagged to; networkKey: a shared network's team key. */
  teamSharedLearned: { teamId: string; accountId: string; exchangeId: string; goalIds: Generated<string>; networkKey: string | null };
  teamGoals: { id: string; teamId: string; statement: string; needs: string; createdAt: string };
  teamGoalLinks: { goalId: string; accountId: string; itemKind: string; itemId: string; relevance: number };
  teamIntroRequests: {
    id: string;
    teamId: string;
    fromAccount: string;
    toAccount: string;
    personId: string;
    message: string | null;
    status: string;
    createdAt: string;
    answeredAt: string | null;
  };
  /** The dance floor: news a member posts from their networks, tagged to team goals and a shared network. */
  teamPosts: { id: string; teamId: string; accountId: string; kind: string; text: string; goalIds: string; networkKey: string | null; createdAt: string };
}
