import type { Exchange, FollowUp, Goal, Introduction, Network, Person } from '../core/model.js';
import { compareNames } from '../core/names.js';
import type { NetworkRole } from '../core/vocabulary.js';
import type { ServiceContext } from './context.js';
import { listExchanges, listFollowUps } from './exchanges.js';
import { getGoal, listGoals } from './goals.js';
import { listIntroductions } from './introductions.js';
import { listGoalLinks, listMemberships, listTies } from './links.js';
import { getNetwork, listNetworks } from './networks.js';
import { getPerson, listPeople } from './people.js';
import { personNames } from '../storage/people.js';
import { datesOf } from './person-dates.js';
import { hasPhoto } from './photos.js';
import type { PersonDate } from '../core/person-dates.js';

/** A person with everything around them: what `person show` and the person page display. */
export interface PersonDetail {
  person: Person;
  goals: { goal: Goal; relevance: number; note: string | null; serves: string[] }[];
  networks: { network: Network; role: NetworkRole | null }[];
  ties: { person: { id: string; name: string }; strength: number; note: string | null }[];
  introductions: Introduction[];
  /** The names of everyone the ties and introductions refer to, by id. */
  names: Record<string, string>;
  exchanges: Exchange[];
  followUps: FollowUp[];
  /** Birthday, anniversary and dates of the user's own naming. */
  dates: PersonDate[];
  /** Whether a photo is kept for the person (GET /api/people/{id}/photo), so a page asks for one only when there is one. */
  hasPhoto: boolean;
}

export async function personDetail(ctx: ServiceContext, id: string): Promise<PersonDetail> {
  const person = await getPerson(ctx, id);
  const [links, memberships, ties, introductions, exchanges, followUps, dates, photo] = await Promise.all([
    listGoalLinks(ctx, { personId: id }),
    listMemberships(ctx, { personId: id }),
    listTies(ctx, { personId: id }),
    listIntroductions(ctx, { personId: id }),
    listExchanges(ctx, { personId: id }),
    listFollowUps(ctx, { personId: id }),
    datesOf(ctx, [id]),
    hasPhoto(ctx, id),
  ]);
  // Only the person's own networks, and the goals only when linked: the page's cost follows the person, not the workspace.
  const [networks, goals] = await Promise.all([
    memberships.length ? listNetworks(ctx, { ids: memberships.map((m) => m.networkId) }) : { items: [] },
    links.length ? listGoals(ctx) : { items: [] },
  ]);
  const goalById = new Map(goals.items.map((g) => [g.id, g]));
  const networkById = new Map(networks.items.map((n) => [n.id, n]));
  const otherIds = [
    ...new Set([...ties.map((t) => (t.personAId === id ? t.personBId : t.personAId)), ...introductions.flatMap((i) => [i.byId, i.personId, i.toId]).filter((x): x is string => x !== null && x !== id)]),
  ];
  // Their names alone, not their rows and channels.
  const nameOf = otherIds.length ? await personNames(ctx.db, ctx.workspaceId, otherIds) : new Map<string, string>();
  return {
    person,
    // Stable orders, so the page reads the same each time: most relevant goal first, networks and people by name.
    goals: links
      .flatMap((l) => {
        const goal = goalById.get(l.goalId);
        return goal ? [{ goal, relevance: l.relevance, note: l.note, serves: l.serves }] : [];
      })
      .sort((a, b) => b.relevance - a.relevance || a.goal.statement.localeCompare(b.goal.statement)),
    networks: memberships
      .flatMap((m) => {
        const network = networkById.get(m.networkId);
        return network ? [{ network, role: m.role }] : [];
      })
      .sort((a, b) => a.network.name.localeCompare(b.network.name)),
    ties: ties
      .map((t) => {
        const otherId = t.personAId === id ? t.personBId : t.personAId;
        return { person: { id: otherId, name: nameOf.get(otherId) ?? otherId }, strength: t.strength, note: t.note };
      })
      .sort((a, b) => compareNames(a.person, b.person)),
    introductions,
    names: Object.fromEntries(nameOf),
    exchanges: exchanges.items,
    followUps,
    dates: dates.get(id) ?? [],
    hasPhoto: photo,
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
