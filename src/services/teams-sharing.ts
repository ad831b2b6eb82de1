import { dateInTimeZone } from '../core/dates.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { monthOf } from '../core/plan.js';
import type { SharedNetwork, SharedPerson, TeamSnapshot } from '../core/team/index.js';
import { findExchange } from '../storage/journal.js';
import { findNetworkId } from '../storage/networks.js';
import { personNames } from '../storage/people.js';
import type { Database } from '../storage/schema.js';
import { selectTeamGoals } from '../storage/team-goals.js';
import { deleteIntroRequestsAbout } from '../storage/team-introductions.js';
import {
  holdNetworkBack,
  offerNetwork,
  selectHeldNetworkIds,
  selectLearnedToChoose,
  selectOfferableNetworks,
  selectPeopleSharedBy,
  selectSharedLearned,
  selectSharedLearnedIds,
  selectSharedNetworks,
  selectSharedPeople,
  selectSharedPlanTargets,
  shareLearnedItem,
  sharePerson,
  unshareLearnedItem,
  unsharePerson,
  type LearnedItem,
} from '../storage/team-sharing.js';
import { selectPlanSharerIds, selectRoster, updateMemberSharePlan } from '../storage/teams.js';
import type { Kysely } from 'kysely';
import type { Account } from './accounts.js';
import { membershipOf, requireLead, type TeamsDeps } from './teams.js';

/**
 * What each member gives a team, and what the team sees of it: only what the member
 * consented to, as storage/team-sharing.ts reads it through their consents. The
 * preview ("what my team will see") runs the same queries for one member, so it
 * shows exactly the rows the team gets.
 */

type Db = Kysely<Database>;

export type { LearnedItem };

/** Everything the team check reads: only what members consented to share. */
export async function loadTeamSnapshot(db: Db, teamId: string): Promise<TeamSnapshot> {
  const [roster, networks, people, goals] = await Promise.all([selectRoster(db, teamId), selectSharedNetworks(db, teamId), selectSharedPeople(db, teamId), selectTeamGoals(db, teamId)]);
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
    selectOfferableNetworks(deps.db, account.workspaceId),
    selectHeldNetworkIds(deps.db, teamId, account.id),
    selectPeopleSharedBy(deps.db, teamId, account),
    selectLearnedToChoose(deps.db, account.workspaceId, LEARNED_TO_CHOOSE),
    selectSharedLearnedIds(deps.db, teamId, account.id),
  ]);
  const heldIds = new Set(held);
  const sharedIds = new Set(sharedLearnedIds);
  const learned = learnedRows.map((r) => ({ exchangeId: r.id, occurredOn: r.occurredOn, learned: r.learned ?? '', shared: sharedIds.has(r.id) }));
  for (const item of await selectSharedLearned(deps.db, teamId, account.id)) if (!learned.some((l) => l.exchangeId === item.exchangeId)) learned.push({ exchangeId: item.exchangeId, occurredOn: item.occurredOn, learned: item.learned, shared: true });
  return { networks: networks.map((n) => ({ ...n, offered: !heldIds.has(n.id) })), people, learned, sharePlan };
}

/** Offers a network to the team, or holds it back (withdrawing it at once from every answer the team gets). */
export async function setNetworkOffered(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, networkId: string, offered: boolean): Promise<{ offered: boolean }> {
  await membershipOf(deps.db, account, teamId);
  if (!(await findNetworkId(deps.db, account.workspaceId, networkId))) throw new NotFoundError('network', networkId);
  if (offered) await offerNetwork(deps.db, teamId, account.id, networkId);
  else await holdNetworkBack(deps.db, teamId, account.id, networkId);
  return { offered };
}

/** "Teammates may ask me for an introduction": shares the person's name, organisation, category and my tie's strength; off withdraws them, and requests about them close. */
export async function setPersonShared(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, personId: string, shared: boolean): Promise<{ shared: boolean }> {
  await membershipOf(deps.db, account, teamId);
  if (!(await personNames(deps.db, account.workspaceId, [personId])).has(personId)) throw new NotFoundError('person', personId);
  if (shared) await sharePerson(deps.db, teamId, account.id, personId);
  else {
    await deps.db.transaction().execute(async (trx) => {
      await unsharePerson(trx, teamId, account.id, personId);
      await deleteIntroRequestsAbout(trx, teamId, account.id, personId);
    });
  }
  return { shared };
}

export async function setLearnedShared(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, exchangeId: string, shared: boolean): Promise<{ shared: boolean }> {
  await membershipOf(deps.db, account, teamId);
  const exchange = await findExchange(deps.db, account.workspaceId, exchangeId);
  if (!exchange) throw new NotFoundError('exchange', exchangeId);
  if (shared) {
    if (!exchange.learned) throw new ValidationError('exchangeId', 'this exchange has nothing learned to share');
    await shareLearnedItem(deps.db, teamId, account.id, exchangeId);
  } else await unshareLearnedItem(deps.db, teamId, account.id, exchangeId);
  return { shared };
}

export async function setPlanShared(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, shared: boolean): Promise<{ shared: boolean }> {
  await membershipOf(deps.db, account, teamId);
  await updateMemberSharePlan(deps.db, teamId, account.id, shared);
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
  return { memberId: accountId, month, targets: await selectSharedPlanTargets(db, teamId, accountId, month) };
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
  const [networks, people, learned] = await Promise.all([selectSharedNetworks(deps.db, teamId, account.id), selectSharedPeople(deps.db, teamId, account.id), selectSharedLearned(deps.db, teamId, account.id)]);
  const plan = sharePlan ? await planProgressOf(deps.db, teamId, account.id, monthNow(deps, timeZone)) : null;
  return { ...toPublic(networks, people), learned, plan };
}

/** Every member's plan progress that they share with the lead (the lead only). */
/** The plans the lead sees: each sharing member's progress, and how many members do not share theirs. */
export interface TeamPlans {
  members: (PlanProgress & { name: string })[];
  notShared: number;
}

export async function teamPlans(deps: Pick<TeamsDeps, 'db' | 'clock'>, account: Account, teamId: string, timeZone: string): Promise<TeamPlans> {
  await requireLead(deps.db, account, teamId, 'see members\' plans (and only those members share)');
  const roster = await selectRoster(deps.db, teamId);
  const ids = new Set(await selectPlanSharerIds(deps.db, teamId));
  const month = monthNow(deps, timeZone);
  const members = await Promise.all(roster.filter((m) => ids.has(m.id)).map(async (m) => ({ ...(await planProgressOf(deps.db, teamId, m.id, month)), name: m.name })));
  return { members, notShared: roster.length - members.length };
}
