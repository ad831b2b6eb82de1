import { NotFoundError } from '../core/errors.js';
import type { Goal, Network } from '../core/model.js';
import { compareNames } from '../core/names.js';
import type { PersonDetail } from '../core/person-detail.js';
import type { NetworkRole } from '../core/vocabulary.js';
import { selectPersonDetail } from '../storage/person-detail.js';
import { today, type ServiceContext } from './context.js';
import { listExchanges } from './exchanges.js';
import { getGoal, listGoals } from './goals.js';
import { listGoalLinks, listMemberships } from './links.js';
import { getNetwork, listNetworks } from './networks.js';
import { listPeople } from './people.js';

export type { PersonDetail } from '../core/person-detail.js';

/** One statement for the person and all their parts (storage/person-detail.ts); the page's orders worked out here. */
export async function personDetail(ctx: ServiceContext, id: string): Promise<PersonDetail> {
  const parts = await selectPersonDetail(ctx.db, ctx.workspaceId, id);
  if (!parts) throw new NotFoundError('person', id);
  return {
    person: parts.person,
    // Stable orders, so the page reads the same each time: most relevant goal first, networks and people by name.
    goals: parts.goals.sort((a, b) => b.relevance - a.relevance || a.goal.statement.localeCompare(b.goal.statement)),
    networks: parts.networks.sort((a, b) => a.network.name.localeCompare(b.network.name)),
    ties: parts.ties.map((t) => ({ person: { id: t.otherId, name: t.name ?? t.otherId }, strength: t.strength, note: t.note })).sort((a, b) => compareNames(a.person, b.person)),
    introductions: parts.introductions,
    names: Object.fromEntries(parts.names),
    exchanges: parts.exchanges,
    followUps: parts.followUps,
    dates: parts.dates,
    hasPhoto: parts.hasPhoto,
    today: today(ctx),
  };
}

export interface NetworkDetail {
  network: Network;
  members: { id: string; name: string; role: NetworkRole | null; strength: number; importance: number }[];
  goals: { goal: Goal; relevance: number; note: string | null; serves: string[] }[];
  exchanges: number;
}

export async function networkDetail(ctx: ServiceContext, id: string): Promise<NetworkDetail> {
  const network = await getNetwork(ctx, id);
  const [memberships, links, people, goals, exchanges] = await Promise.all([
    listMemberships(ctx, { networkId: id }),
    listGoalLinks(ctx, { networkId: id }),
    listPeople(ctx, { networkId: id }),
    listGoals(ctx),
    listExchanges(ctx, { networkId: id, limit: 1 }),
  ]);
  const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
  const goalById = new Map(goals.items.map((g) => [g.id, g]));
  return {
    network,
    members: people.items.map((p) => ({ id: p.id, name: p.name, role: roleOf.get(p.id) ?? null, strength: p.strength, importance: p.importance })),
    // Stable orders, so the page reads the same each time: most relevant goal first, networks and people by name.
    goals: links
      .flatMap((l) => {
        const goal = goalById.get(l.goalId);
        return goal ? [{ goal, relevance: l.relevance, note: l.note, serves: l.serves }] : [];
      })
      .sort((a, b) => b.relevance - a.relevance || a.goal.statement.localeCompare(b.goal.statement)),
    exchanges: exchanges.total,
  };
}

export interface GoalDetail {
  goal: Goal;
  people: { id: string; name: string; relevance: number; strength: number; importance: number; note: string | null; serves: string[] }[];
  networks: { id: string; name: string; relevance: number; strength: number; hoursPerMonth: number; note: string | null; serves: string[] }[];
}

export async function goalDetail(ctx: ServiceContext, id: string): Promise<GoalDetail> {
  const goal = await getGoal(ctx, id);
  const [links, people, networks] = await Promise.all([listGoalLinks(ctx, { goalId: id }), listPeople(ctx, { goalId: id }), listNetworks(ctx, { goalId: id })]);
  const personLink = new Map(links.filter((l) => l.kind === 'person').map((l) => [l.targetId, l]));
  const networkLink = new Map(links.filter((l) => l.kind === 'network').map((l) => [l.targetId, l]));
  return {
    goal,
    // Equal relevance keeps listPeople's order (family name where known, titles aside): the sort is stable.
    people: people.items
      .map((p) => ({ id: p.id, name: p.name, relevance: personLink.get(p.id)?.relevance ?? 0, strength: p.strength, importance: p.importance, note: personLink.get(p.id)?.note ?? null, serves: personLink.get(p.id)?.serves ?? [] }))
      .sort((a, b) => b.relevance - a.relevance),
    networks: networks.items
      .map((n) => ({ id: n.id, name: n.name, relevance: networkLink.get(n.id)?.relevance ?? 0, strength: n.strength, hoursPerMonth: n.hoursPerMonth, note: networkLink.get(n.id)?.note ?? null, serves: networkLink.get(n.id)?.serves ?? [] }))
      .sort((a, b) => b.relevance - a.relevance || a.name.localeCompare(b.name)),
  };
}
