import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dateInTimeZone } from '../core/dates.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { monthOf } from '../core/plan.js';
import type { SharedNetwork, SharedPerson, TeamGoal, TeamGoalNeeds, TeamSnapshot } from '../core/team/index.js';
import type { NetworkKind, NetworkRole, PersonCategory } from '../core/vocabulary.js';
import type { Database } from '../storage/schema.js';
import type { Account } from './accounts.js';
import { membershipOf, requireLead, type TeamsDeps } from './teams.js';
import { selectRoster } from '../storage/teams.js';

/**
 * What each member gives a team, read straight from their own map through their
 * consents, and nothing else: networks unless held back (name, kind, role, strength,
 * hours), people only when marked "teammates may ask me for an introduction" (name,
 * organisation, category, strength; never a channel, note or journal entry), learned
 * items one by one, and plan progress for the lead when the member says so. Every
 * query joins on the member's own workspace, so a consent row can never reach
 * another workspace's data. The preview ("what my team will see") runs the same
 * queries for one member, so it shows exactly the rows the team gets.
 */

type Db = Kysely<Database>;

/** Emails are compared as digests salted with the team's id: matched on the server, never shown or stored. */
const emailDigest = (teamId: string, email: string) => createHash('sha256').update(`${teamId}\u0000${email.trim().toLowerCase()}`).digest('base64url');

export async function sharedNetworks(db: Db, teamId: string, accountId?: string): Promise<SharedNetwork[]> {
  let query = db
    .selectFrom('teamMembers as tm')
    .innerJoin('accounts as a', 'a.id', 'tm.accountId')
    .innerJoin('networks as n', 'n.workspaceId', 'a.workspaceId')
    .leftJoin('teamHeldNetworks as h', (join) => join.onRef('h.teamId', '=', 'tm.teamId').onRef('h.accountId', '=', 'tm.accountId').onRef('h.networkId', '=', 'n.id'))
    .select(['tm.accountId as memberId', 'n.id as itemId', 'n.name', 'n.kind', 'n.role', 'n.strength', 'n.hoursPerMonth'])
    .where('tm.teamId', '=', teamId)
    .where('h.networkId', 'is', null);
  if (accountId) query = query.where('tm.accountId', '=', accountId);
  const rows = await query.orderBy('tm.accountId').orderBy('n.name').orderBy('n.id').execute();
  return rows.map((r) => ({ ...r, kind: r.kind as NetworkKind, role: r.role as NetworkRole, hoursPerMonth: Number(r.hoursPerMonth) }));
}

export async function sharedPeople(db: Db, teamId: string, accountId?: string): Promise<SharedPerson[]> {
  const base = () => {
    let q = db
      .selectFrom('teamSharedPeople as s')
      .innerJoin('teamMembers as tm', (join) => join.onRef('tm.teamId', '=', 's.teamId').onRef('tm.accountId', '=', 's.accountId'))
      .innerJoin('accounts as a', 'a.id', 's.accountId')
      .innerJoin('people as p', (join) => join.onRef('p.id', '=', 's.personId').onRef('p.workspaceId', '=', 'a.workspaceId'))
      .where('s.teamId', '=', teamId);
    if (accountId) q = q.where('s.accountId', '=', accountId);
    return q;
  };
  const people = await base().select(['s.accountId as memberId', 'p.id as itemId', 'p.name', 'p.organisation', 'p.category', 'p.strength']).orderBy('s.accountId').orderBy('p.name').orderBy('p.id').execute();
  const channels = await base().innerJoin('contactPoints as c', 'c.personId', 'p.id').select(['p.id as personId', 'c.kind', 'c.value']).execute();
  const offered = await base()
    .innerJoin('memberships as m', (join) => join.onRef('m.personId', '=', 'p.id').onRef('m.workspaceId', '=', 'a.workspaceId'))
    .leftJoin('teamHeldNetworks as h', (join) => join.onRef('h.teamId', '=', 's.teamId').onRef('h.accountId', '=', 's.accountId').onRef('h.networkId', '=', 'm.networkId'))
    .where('h.networkId', 'is', null)
    .select(['p.id as personId', 'm.networkId'])
    .execute();
  const identity = new Map<string, SharedPerson['identity']>();
  for (const c of channels) {
    const entry = identity.get(c.personId) ?? { emailKeys: [], profiles: [] };
    if (c.kind === 'email') entry.emailKeys.push(emailDigest(teamId, c.value));
    else if (c.kind !== 'phone') entry.profiles.push({ kind: c.kind, value: c.value });
    identity.set(c.personId, entry);
  }
  const networksOf = new Map<string, string[]>();
  for (const m of offered) networksOf.set(m.personId, [...(networksOf.get(m.personId) ?? []), m.networkId]);
  return people.map((p) => ({
    memberId: p.memberId,
    itemId: p.itemId,
    name: p.name,
    organisation: p.organisation,
    category: p.category as PersonCategory | null,
    strength: p.strength,
    identity: identity.get(p.itemId) ?? { emailKeys: [], profiles: [] },
    networkItemIds: networksOf.get(p.itemId) ?? [],
  }));
}

export interface LearnedItem {
  memberId: string;
  memberName: string;
  exchangeId: string;
  occurredOn: string;
  learned: string;
}

export async function sharedLearned(db: Db, teamId: string, accountId?: string): Promise<LearnedItem[]> {
  let q = db
    .selectFrom('teamSharedLearned as s')
    .innerJoin('teamMembers as tm', (join) => join.onRef('tm.teamId', '=', 's.teamId').onRef('tm.accountId', '=', 's.accountId'))
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .innerJoin('exchanges as e', (join) => join.onRef('e.id', '=', 's.exchangeId').onRef('e.workspaceId', '=', 'a.workspaceId'))
    .select(['s.accountId as memberId', 'a.name as memberName', 'e.id as exchangeId', 'e.occurredOn', 'e.learned'])
    .where('s.teamId', '=', teamId)
    .where('e.learned', 'is not', null);
  if (accountId) q = q.where('s.accountId', '=', accountId);
  const rows = await q.orderBy('e.occurredOn', 'desc').orderBy('e.id').execute();
  return rows.map((r) => ({ ...r, learned: r.learned ?? '' }));
}

export async function teamGoals(db: Db, teamId: string): Promise<(TeamGoal & { createdAt: string })[]> {
  const goals = await db.selectFrom('teamGoals').selectAll().where('teamId', '=', teamId).orderBy('createdAt').orderBy('id').execute();
  const links = await db
    .selectFrom('teamGoalLinks as l')
    .innerJoin('teamGoals as g', 'g.id', 'l.goalId')
    .select(['l.goalId', 'l.accountId', 'l.itemKind', 'l.itemId', 'l.relevance'])
    .where('g.teamId', '=', teamId)
    .execute();
  return goals.map((g) => ({
    id: g.id,
    statement: g.statement,
    needs: JSON.parse(g.needs) as TeamGoalNeeds,
    createdAt: g.createdAt,
    links: links.filter((l) => l.goalId === g.id).map((l) => ({ memberId: l.accountId, itemKind: l.itemKind as 'network' | 'person', itemId: l.itemId, relevance: l.relevance })),
  }));
}

/** Everything the team check reads: only what members consented to share. */
export async function loadTeamSnapshot(db: Db, teamId: string): Promise<TeamSnapshot> {
  const [roster, networks, people, goals] = await Promise.all([selectRoster(db, teamId), sharedNetworks(db, teamId), sharedPeople(db, teamId), teamGoals(db, teamId)]);
  return { members: roster.map((m) => ({ id: m.id, name: m.name, role: m.role })), networks, people, goals };
}

// ---------------------------------------------------------------- consent

export interface MyConsent {
  networks: { id: string; name: string; kind: string; offered: boolean }[];
  people: { id: string; name: string; organisation: string | null }[];
  learned: { exchangeId: string; occurredOn: string; learned: string; shared: boolean }[];
  sharePlan: boolean;
}

/** How many recent learned items the consent page lists to choose from (the shared ones always). */
const LEARNED_TO_CHOOSE = 100;

export async function myConsent(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<MyConsent> {
  const { sharePlan } = await membershipOf(deps.db, account, teamId);
  const [networks, held, people, learnedRows, sharedLearnedIds] = await Promise.all([
    deps.db.selectFrom('networks').select(['id', 'name', 'kind']).where('workspaceId', '=', account.workspaceId).orderBy('name').orderBy('id').execute(),
    deps.db.selectFrom('teamHeldNetworks').select('networkId').where('teamId', '=', teamId).where('accountId', '=', account.id).execute(),
    deps.db
      .selectFrom('teamSharedPeople as s')
      .innerJoin('people as p', 'p.id', 's.personId')
      .select(['p.id', 'p.name', 'p.organisation'])
      .where('s.teamId', '=', teamId)
      .where('s.accountId', '=', account.id)
      .where('p.workspaceId', '=', account.workspaceId)
      .orderBy('p.name')
      .execute(),
    deps.db.selectFrom('exchanges').select(['id', 'occurredOn', 'learned']).where('workspaceId', '=', account.workspaceId).where('learned', 'is not', null).orderBy('occurredOn', 'desc').orderBy('id').limit(LEARNED_TO_CHOOSE).execute(),
    deps.db.selectFrom('teamSharedLearned').select('exchangeId').where('teamId', '=', teamId).where('accountId', '=', account.id).execute(),
  ]);
  const heldIds = new Set(held.map((h) => h.networkId));
  const sharedIds = new Set(sharedLearnedIds.map((s) => s.exchangeId));
  const learned = learnedRows.map((r) => ({ exchangeId: r.id, occurredOn: r.occurredOn, learned: r.learned ?? '', shared: sharedIds.has(r.id) }));
  for (const item of await sharedLearned(deps.db, teamId, account.id)) if (!learned.some((l) => l.exchangeId === item.exchangeId)) learned.push({ exchangeId: item.exchangeId, occurredOn: item.occurredOn, learned: item.learned, shared: true });
  return { networks: networks.map((n) => ({ ...n, offered: !heldIds.has(n.id) })), people, learned, sharePlan };
}

async function ownRow(db: Db, table: 'networks' | 'people' | 'exchanges', account: Account, id: string, entity: string): Promise<void> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('workspaceId', '=', account.workspaceId).executeTakeFirst();
  if (!row) throw new NotFoundError(entity, id);
}

/** Offers a network to the team, or holds it back (withdrawing it at once from every answer the team gets). */
export async function setNetworkOffered(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, networkId: string, offered: boolean): Promise<{ offered: boolean }> {
  await membershipOf(deps.db, account, teamId);
  await ownRow(deps.db, 'networks', account, networkId, 'network');
  if (offered) await deps.db.deleteFrom('teamHeldNetworks').where('teamId', '=', teamId).where('accountId', '=', account.id).where('networkId', '=', networkId).execute();
  else await deps.db.insertInto('teamHeldNetworks').values({ teamId, accountId: account.id, networkId }).onConflict((oc) => oc.columns(['teamId', 'accountId', 'networkId']).doNothing()).execute();
  return { offered };
}

/** "Teammates may ask me for an introduction": shares the person's name, organisation, category and my tie's strength; off withdraws them, and requests about them close. */
export async function setPersonShared(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, personId: string, shared: boolean): Promise<{ shared: boolean }> {
  await membershipOf(deps.db, account, teamId);
  await ownRow(deps.db, 'people', account, personId, 'person');
  if (shared) await deps.db.insertInto('teamSharedPeople').values({ teamId, accountId: account.id, personId }).onConflict((oc) => oc.columns(['teamId', 'accountId', 'personId']).doNothing()).execute();
  else {
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('teamSharedPeople').where('teamId', '=', teamId).where('accountId', '=', account.id).where('personId', '=', personId).execute();
      await trx.deleteFrom('teamIntroRequests').where('teamId', '=', teamId).where('toAccount', '=', account.id).where('personId', '=', personId).execute();
    });
  }
  return { shared };
}

export async function setLearnedShared(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, exchangeId: string, shared: boolean): Promise<{ shared: boolean }> {
  await membershipOf(deps.db, account, teamId);
  await ownRow(deps.db, 'exchanges', account, exchangeId, 'exchange');
  if (shared) {
    const row = await deps.db.selectFrom('exchanges').select('learned').where('id', '=', exchangeId).executeTakeFirstOrThrow();
    if (!row.learned) throw new ValidationError('exchangeId', 'this exchange has nothing learned to share');
    await deps.db.insertInto('teamSharedLearned').values({ teamId, accountId: account.id, exchangeId }).onConflict((oc) => oc.columns(['teamId', 'accountId', 'exchangeId']).doNothing()).execute();
  } else await deps.db.deleteFrom('teamSharedLearned').where('teamId', '=', teamId).where('accountId', '=', account.id).where('exchangeId', '=', exchangeId).execute();
  return { shared };
}

export async function setPlanShared(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, shared: boolean): Promise<{ shared: boolean }> {
  await membershipOf(deps.db, account, teamId);
  await deps.db.updateTable('teamMembers').set({ sharePlan: shared ? 1 : 0 }).where('teamId', '=', teamId).where('accountId', '=', account.id).execute();
  return { shared };
}

// ---------------------------------------------------------------- what the team sees

export interface PublicNetwork {
  memberId: string;
  networkId: string;
  name: string;
  kind: string;
  role: string;
  strength: number;
  hoursPerMonth: number;
}

export interface PublicPerson {
  memberId: string;
  personId: string;
  name: string;
  organisation: string | null;
  category: string | null;
  strength: number;
  /** The member's shared networks this person is in, by name. */
  networks: string[];
}

export interface PlanProgress {
  memberId: string;
  month: string;
  targets: { name: string; status: string }[];
}

/** My plan's progress this month as the lead would see it (whom I plan, done or open). */
async function planProgressOf(db: Db, teamId: string, accountId: string, month: string): Promise<PlanProgress> {
  const rows = await db
    .selectFrom('teamMembers as tm')
    .innerJoin('accounts as a', 'a.id', 'tm.accountId')
    .innerJoin('planTargets as t', 't.workspaceId', 'a.workspaceId')
    .innerJoin('people as p', (join) => join.onRef('p.id', '=', 't.personId').onRef('p.workspaceId', '=', 'a.workspaceId'))
    .select(['p.name', 't.status'])
    .where('tm.teamId', '=', teamId)
    .where('tm.accountId', '=', accountId)
    .where('tm.sharePlan', '=', 1)
    .where('t.month', '=', month)
    .where('t.status', 'in', ['open', 'done'])
    .orderBy('t.createdAt')
    .orderBy('t.id')
    .execute();
  return { memberId: accountId, month, targets: rows };
}

export interface Preview {
  networks: PublicNetwork[];
  people: PublicPerson[];
  learned: LearnedItem[];
  /** What the lead sees of my plan; null when I do not share it. */
  plan: PlanProgress | null;
}

export function toPublic(networks: readonly SharedNetwork[], people: readonly SharedPerson[]): { networks: PublicNetwork[]; people: PublicPerson[] } {
  const networkName = new Map(networks.map((n) => [`${n.memberId} ${n.itemId}`, n.name]));
  return {
    networks: networks.map((n) => ({ memberId: n.memberId, networkId: n.itemId, name: n.name, kind: n.kind, role: n.role, strength: n.strength, hoursPerMonth: n.hoursPerMonth })),
    people: people.map((p) => ({
      memberId: p.memberId,
      personId: p.itemId,
      name: p.name,
      organisation: p.organisation,
      category: p.category,
      strength: p.strength,
      networks: p.networkItemIds.map((id) => networkName.get(`${p.memberId} ${id}`)).filter((n): n is string => n !== undefined),
    })),
  };
}

const monthNow = (deps: Pick<TeamsDeps, 'clock'>, timeZone: string) => monthOf(dateInTimeZone(deps.clock.now(), timeZone));

/** "What my team will see": the exact rows the team's answers hold of mine, by the same queries. */
export async function previewMyShare(deps: Pick<TeamsDeps, 'db' | 'clock'>, account: Account, teamId: string, timeZone: string): Promise<Preview> {
  const { sharePlan } = await membershipOf(deps.db, account, teamId);
  const [networks, people, learned] = await Promise.all([sharedNetworks(deps.db, teamId, account.id), sharedPeople(deps.db, teamId, account.id), sharedLearned(deps.db, teamId, account.id)]);
  const plan = sharePlan ? await planProgressOf(deps.db, teamId, account.id, monthNow(deps, timeZone)) : null;
  return { ...toPublic(networks, people), learned, plan };
}

/** Every member's plan progress that they share with the lead (the lead only). */
export async function teamPlans(deps: Pick<TeamsDeps, 'db' | 'clock'>, account: Account, teamId: string, timeZone: string): Promise<{ members: (PlanProgress & { name: string })[]; notShared: number }> {
  await requireLead(deps.db, account, teamId, 'see members\' plans (and only those members share)');
  const roster = await selectRoster(deps.db, teamId);
  const sharing = await deps.db.selectFrom('teamMembers').select('accountId').where('teamId', '=', teamId).where('sharePlan', '=', 1).execute();
  const ids = new Set(sharing.map((s) => s.accountId));
  const month = monthNow(deps, timeZone);
  const members = await Promise.all(roster.filter((m) => ids.has(m.id)).map(async (m) => ({ ...(await planProgressOf(deps.db, teamId, m.id, month)), name: m.name })));
  return { members, notShared: roster.length - members.length };
}
