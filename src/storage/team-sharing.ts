import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SharedNetwork, SharedPerson } from '../core/team/index.js';
import type { NetworkKind, NetworkRole, PersonCategory } from '../core/vocabulary.js';
import { parseJsonList } from './columns.js';
import type { Database } from './schema.js';

/*
 * What each member gives a team, read straight from their own map through their
 * consents, and nothing else: networks unless held back (name, kind, role, strength,
 * hours), people only when marked "teammates may ask me for an introduction" (name,
 * organisation, category, strength; never a channel, note or journal entry), learned
 * items one by one, and plan progress for the lead when the member says so. Every
 * query joins on the member's own workspace, so a consent row can never reach
 * another workspace's data. The preview ("what my team will see") runs the same
 * queries for one member (`accountId`), so it shows exactly the rows the team gets.
 */

type Db = Kysely<Database>;

/** Emails are compared as digests salted with the team's id: matched on the server, never shown or stored. */
const emailDigest = (teamId: string, email: string) => createHash('sha256').update(`${teamId}\u0000${email.trim().toLowerCase()}`).digest('base64url');

export interface LearnedItem {
  memberId: string;
  memberName: string;
  exchangeId: string;
  occurredOn: string;
  learned: string;
}

/** The networks members offer (every network of theirs they have not held back); one member's with `accountId`. */
export async function selectSharedNetworks(db: Db, teamId: string, accountId?: string): Promise<SharedNetwork[]> {
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

/**
 * The people members share, each with what dedup compares (email digests and profile
 * links; phones never leave) and the member's offered networks they are in; one
 * member's with `accountId`.
 */
export async function selectSharedPeople(db: Db, teamId: string, accountId?: string): Promise<SharedPerson[]> {
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

/** The learned items members share (the words only), newest first; one member's with `accountId`. */
export async function selectSharedLearned(db: Db, teamId: string, accountId?: string): Promise<LearnedItem[]> {
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

/** The dance-floor tags of every shared learned item in the team (goal ids, a shared network's key). */
export async function selectLearnedTags(db: Db, teamId: string): Promise<{ accountId: string; exchangeId: string; goalIds: string[]; networkKey: string | null }[]> {
  const rows = await db.selectFrom('teamSharedLearned').select(['accountId', 'exchangeId', 'goalIds', 'networkKey']).where('teamId', '=', teamId).execute();
  return rows.map((r) => ({ ...r, goalIds: parseJsonList<string>(r.goalIds) }));
}

/** A member's plan targets this month, open or done, as the lead sees them (whom, and whether done); none unless the member shares the plan. */
export async function selectSharedPlanTargets(db: Db, teamId: string, accountId: string, month: string): Promise<{ name: string; status: string }[]> {
  return db
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
}

// ---------------------------------------------------------------- a member's own consents

/** The networks of the member's own workspace, to offer or hold back. */
export async function selectOfferableNetworks(db: Db, workspaceId: string): Promise<{ id: string; name: string; kind: string }[]> {
  return db.selectFrom('networks').select(['id', 'name', 'kind']).where('workspaceId', '=', workspaceId).orderBy('name').orderBy('id').execute();
}

export async function selectHeldNetworkIds(db: Db, teamId: string, accountId: string): Promise<string[]> {
  return (await db.selectFrom('teamHeldNetworks').select('networkId').where('teamId', '=', teamId).where('accountId', '=', accountId).execute()).map((r) => r.networkId);
}

/** The people of the member's workspace the member shares with the team, by name. */
export async function selectPeopleSharedBy(db: Db, teamId: string, account: { id: string; workspaceId: string }): Promise<{ id: string; name: string; organisation: string | null }[]> {
  return db
    .selectFrom('teamSharedPeople as s')
    .innerJoin('people as p', 'p.id', 's.personId')
    .select(['p.id', 'p.name', 'p.organisation'])
    .where('s.teamId', '=', teamId)
    .where('s.accountId', '=', account.id)
    .where('p.workspaceId', '=', account.workspaceId)
    .orderBy('p.name')
    .execute();
}

/** The member's latest exchanges with something learned, newest first, to choose what to share. */
export async function selectLearnedToChoose(db: Db, workspaceId: string, limit: number): Promise<{ id: string; occurredOn: string; learned: string | null }[]> {
  return db.selectFrom('exchanges').select(['id', 'occurredOn', 'learned']).where('workspaceId', '=', workspaceId).where('learned', 'is not', null).orderBy('occurredOn', 'desc').orderBy('id').limit(limit).execute();
}

export async function selectSharedLearnedIds(db: Db, teamId: string, accountId: string): Promise<string[]> {
  return (await db.selectFrom('teamSharedLearned').select('exchangeId').where('teamId', '=', teamId).where('accountId', '=', accountId).execute()).map((r) => r.exchangeId);
}

export async function holdNetworkBack(db: Db, teamId: string, accountId: string, networkId: string): Promise<void> {
  await db.insertInto('teamHeldNetworks').values({ teamId, accountId, networkId }).onConflict((oc) => oc.columns(['teamId', 'accountId', 'networkId']).doNothing()).execute();
}

export async function offerNetwork(db: Db, teamId: string, accountId: string, networkId: string): Promise<void> {
  await db.deleteFrom('teamHeldNetworks').where('teamId', '=', teamId).where('accountId', '=', accountId).where('networkId', '=', networkId).execute();
}

export async function sharePerson(db: Db, teamId: string, accountId: string, personId: string): Promise<void> {
  await db.insertInto('teamSharedPeople').values({ teamId, accountId, personId }).onConflict((oc) => oc.columns(['teamId', 'accountId', 'personId']).doNothing()).execute();
}

export async function unsharePerson(db: Db, teamId: string, accountId: string, personId: string): Promise<void> {
  await db.deleteFrom('teamSharedPeople').where('teamId', '=', teamId).where('accountId', '=', accountId).where('personId', '=', personId).execute();
}

export async function shareLearnedItem(db: Db, teamId: string, accountId: string, exchangeId: string): Promise<void> {
  await db.insertInto('teamSharedLearned').values({ teamId, accountId, exchangeId }).onConflict((oc) => oc.columns(['teamId', 'accountId', 'exchangeId']).doNothing()).execute();
}

export async function unshareLearnedItem(db: Db, teamId: string, accountId: string, exchangeId: string): Promise<void> {
  await db.deleteFrom('teamSharedLearned').where('teamId', '=', teamId).where('accountId', '=', accountId).where('exchangeId', '=', exchangeId).execute();
}

/** Tags a shared learned item for the dance floor (replacing its tags). */
export async function tagSharedLearned(db: Db, teamId: string, accountId: string, exchangeId: string, tags: { goalIds: string[]; networkKey: string | null }): Promise<void> {
  await db
    .updateTable('teamSharedLearned')
    .set({ goalIds: JSON.stringify(tags.goalIds), networkKey: tags.networkKey })
    .where('teamId', '=', teamId)
    .where('accountId', '=', accountId)
    .where('exchangeId', '=', exchangeId)
    .execute();
}

/** Forgets every choice a member made for the team (held-back networks, shared people, shared learned items): for a member leaving it. */
export async function deleteMemberShares(db: Db, teamId: string, accountId: string): Promise<void> {
  for (const table of ['teamHeldNetworks', 'teamSharedPeople', 'teamSharedLearned'] as const) {
    await db.deleteFrom(table).where('teamId', '=', teamId).where('accountId', '=', accountId).execute();
  }
}
