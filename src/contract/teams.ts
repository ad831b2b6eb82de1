import { z } from 'zod';
import { NETWORK_KINDS, NETWORK_ROLES, PERSON_CATEGORIES } from '../core/vocabulary.js';
import { why } from './check-output.js';

/** The hive's inputs and outputs, for validation at the edge and the OpenAPI document. */

export const teamNameInput = z.object({ name: z.string().max(500) }).strict();
export const offeredInput = z.object({ offered: z.boolean() }).strict();
export const sharedInput = z.object({ shared: z.boolean() }).strict();
export const teamRoleInput = z.object({ role: z.enum(['lead', 'member']) }).strict();
export const teamGoalInput = z
  .object({
    statement: z.string().max(1000),
    needs: z.object({ categories: z.array(z.enum(PERSON_CATEGORIES)).max(20).optional(), networkKinds: z.array(z.enum(NETWORK_KINDS)).max(20).optional() }).strict().optional(),
  })
  .strict();
export const teamGoalLinkInput = z.object({ key: z.string().min(1).max(300), relevance: z.number().int().min(0).max(5) }).strict();
export const introRequestInput = z.object({ via: z.string().min(1).max(100), personId: z.string().min(1).max(100), message: z.string().max(4000).nullable().optional() }).strict();
export const introAnswerInput = z.object({ status: z.enum(['accepted', 'declined']) }).strict();
export const pathsQuery = z.object({ organisation: z.string().max(300).optional(), network: z.string().max(300).optional(), person: z.string().max(300).optional() });

const role = z.enum(['lead', 'member']);

export const teamSummaryOutput = z.object({ id: z.string(), name: z.string(), myRole: role, members: z.number(), createdAt: z.string() }).meta({ id: 'TeamSummary' });
export const teamDetailOutput = teamSummaryOutput
  .extend({ roster: z.array(z.object({ id: z.string(), name: z.string(), role, joinedAt: z.string() })), mySharePlan: z.boolean() })
  .meta({ id: 'Team' });

const learnedOutput = z.object({ memberId: z.string(), memberName: z.string(), exchangeId: z.string(), occurredOn: z.string(), learned: z.string() });
const publicNetwork = z.object({ memberId: z.string(), networkId: z.string(), name: z.string(), kind: z.string(), role: z.string(), strength: z.number(), hoursPerMonth: z.number() });
const publicPerson = z.object({ memberId: z.string(), personId: z.string(), name: z.string(), organisation: z.string().nullable(), category: z.string().nullable(), strength: z.number(), networks: z.array(z.string()) });
const planProgress = z.object({ memberId: z.string(), month: z.string(), targets: z.array(z.object({ name: z.string(), status: z.string() })) });

export const consentOutput = z
  .object({
    networks: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), offered: z.boolean() })),
    people: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string().nullable() })),
    learned: z.array(z.object({ exchangeId: z.string(), occurredOn: z.string(), learned: z.string(), shared: z.boolean() })),
    sharePlan: z.boolean(),
  })
  .meta({ id: 'TeamConsent', description: 'What I offer this team (my own rows; only I see this)' });
export const previewOutput = z
  .object({ networks: z.array(publicNetwork), people: z.array(publicPerson), learned: z.array(learnedOutput), plan: planProgress.nullable() })
  .meta({ id: 'TeamPreview', description: 'What my team will see of mine: the exact rows' });

const teamMember = z.object({ id: z.string(), name: z.string(), role });
export const teamGraphOutput = z
  .object({
    members: z.array(teamMember),
    networks: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        kind: z.enum(NETWORK_KINDS),
        holders: z.array(z.object({ memberId: z.string(), itemId: z.string(), role: z.enum(NETWORK_ROLES), strength: z.number(), hoursPerMonth: z.number() })),
      }),
    ),
    people: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        organisation: z.string().nullable(),
        category: z.enum(PERSON_CATEGORIES).nullable(),
        holders: z.array(z.object({ memberId: z.string(), itemId: z.string(), strength: z.number() })),
        networkKeys: z.array(z.string()),
      }),
    ),
    learned: z.array(learnedOutput),
  })
  .meta({ id: 'TeamGraph' });

const finding = z.object({ kind: z.enum(['member', 'network', 'person', 'goal']), key: z.string(), name: z.string(), why, next: z.string() });
export const teamCheckOutput = z
  .object({
    members: z.array(teamMember),
    counts: z.object({ members: z.number(), networks: z.number(), people: z.number(), goals: z.number() }),
    coverage: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(NETWORK_KINDS), reach: z.number(), cells: z.array(z.object({ memberId: z.string(), role: z.enum(NETWORK_ROLES), strength: z.number(), hoursPerMonth: z.number() }).nullable()) })),
    goals: z.array(
      z.object({
        goalId: z.string(),
        statement: z.string(),
        verdict: z.enum(['covered', 'thin', 'missing']),
        score: z.number(),
        networks: z.array(z.object({ key: z.string(), name: z.string(), relevance: z.number(), reach: z.number() })),
        people: z.array(z.object({ key: z.string(), name: z.string(), relevance: z.number(), strongestTie: z.number() })),
        missing: z.array(z.object({ code: z.string(), why, next: z.string() })),
        why,
        next: z.string(),
      }),
    ),
    singlePointsOfFailure: z.array(finding),
    redundancy: z.array(finding),
    brokers: z.object({
      rows: z.array(z.object({ memberId: z.string(), name: z.string(), betweenness: z.number(), constraint: z.number(), clusters: z.array(z.number()) })),
      findings: z.array(finding),
      exact: z.boolean(),
      statement: z.string(),
    }),
    clusters: z.array(z.object({ id: z.number(), members: z.array(z.object({ id: z.string(), name: z.string() })), networks: z.array(z.object({ key: z.string(), name: z.string() })), people: z.number() })),
    diversity: z.object({ rows: z.array(z.object({ category: z.enum(PERSON_CATEGORIES), people: z.number(), members: z.number() })), gaps: z.array(finding) }),
  })
  .meta({ id: 'TeamCheck' });

export const introPathOutput = z.object({
  via: z.object({ id: z.string(), name: z.string() }),
  target: z.object({ kind: z.enum(['person', 'network']), key: z.string(), name: z.string(), organisation: z.string().nullable() }),
  holderItemId: z.string().nullable(),
  score: z.number(),
  why,
  next: z.string(),
});

export const teamGoalOutput = z
  .object({
    id: z.string(),
    statement: z.string(),
    needs: z.object({ categories: z.array(z.enum(PERSON_CATEGORIES)), networkKinds: z.array(z.enum(NETWORK_KINDS)) }),
    links: z.array(z.object({ key: z.string(), itemKind: z.enum(['network', 'person']), name: z.string(), relevance: z.number() })),
    createdAt: z.string(),
  })
  .meta({ id: 'TeamGoal' });

export const introRequestOutput = z
  .object({
    id: z.string(),
    from: z.object({ id: z.string(), name: z.string() }),
    to: z.object({ id: z.string(), name: z.string() }),
    person: z.object({ personId: z.string(), name: z.string(), organisation: z.string().nullable() }),
    message: z.string().nullable(),
    status: z.enum(['open', 'accepted', 'declined']),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: 'IntroductionRequest' });

export const teamPlansOutput = z.object({ members: z.array(planProgress.extend({ name: z.string() })), notShared: z.number() });

export const postInput = z
  .object({ kind: z.enum(['learned', 'opportunity', 'event', 'person']), text: z.string().max(4000), goalIds: z.array(z.string().max(100)).max(20).optional(), networkKey: z.string().max(300).nullable().optional() })
  .strict();
/** One click from the journal: the exchange whose learned words go to the dance floor, and optional tags. */
export const shareLearnedInput = z
  .object({ exchangeId: z.string().min(1).max(100), goalIds: z.array(z.string().max(100)).max(20).optional(), networkKey: z.string().max(300).nullable().optional() })
  .strict();
export const feedItemOutput = z
  .object({
    id: z.string(),
    source: z.enum(['post', 'journal']),
    kind: z.enum(['learned', 'opportunity', 'event', 'person']),
    memberId: z.string(),
    memberName: z.string(),
    text: z.string(),
    at: z.string(),
    goals: z.array(z.object({ id: z.string(), statement: z.string() })),
    network: z.object({ key: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'DanceFloorItem' });
export const rhythmOutput = z.object({ days: z.number(), members: z.array(z.object({ memberId: z.string(), name: z.string(), shared: z.number(), lastSharedOn: z.string().nullable(), quiet: z.boolean() })) });

export const teamMapOutput = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.enum(['member', 'network', 'person']),
        category: z.string().nullable(),
        networkKind: z.string().nullable(),
        organisation: z.string().nullable(),
        reach: z.number(),
        strongestTie: z.number(),
      }),
    ),
    edges: z.array(z.object({ source: z.string(), target: z.string(), weight: z.number(), role: z.string().nullable() })),
  })
  .meta({ id: 'TeamMap', description: 'The team map: members as hubs, the networks and people they share; the nodes and edges of the GEXF and GraphML exports' });
