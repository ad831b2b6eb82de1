import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors.js';
import type { TeamRole } from '../core/team/index.js';
import type { Database } from '../storage/schema.js';
import { hashToken, type Account } from './accounts.js';
import type { Clock, IdGenerator } from './context.js';

/**
 * Teams of accounts (server mode). An account makes a team and is its lead; the lead
 * invites by a link that is good for one account and seven days; a person may be in
 * several teams. To anyone outside a team, the team does not exist (404), so that its
 * name and members stay private. Leaving withdraws everything the member gave the
 * team, at once, in one transaction.
 */

export interface TeamsDeps {
  db: Kysely<Database>;
  clock: Clock;
  ids: IdGenerator;
}

export const TEAM_INVITATION_MS = 7 * 24 * 3600 * 1000;
const MAX_TEAM_NAME = 120;

export interface TeamSummary {
  id: string;
  name: string;
  myRole: TeamRole;
  members: number;
  createdAt: string;
}

export interface TeamMemberRow {
  id: string;
  name: string;
  role: TeamRole;
  joinedAt: string;
}

export interface TeamDetail extends TeamSummary {
  roster: TeamMemberRow[];
  /** Whether I share my monthly plan's progress with the lead. */
  mySharePlan: boolean;
}

function teamName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_TEAM_NAME) throw new ValidationError('name', `must be 1 to ${MAX_TEAM_NAME} characters`);
  return trimmed;
}

/** My role in the team; a team I am not in is not found, whoever asks. */
export async function membershipOf(db: Kysely<Database>, account: Pick<Account, 'id'>, teamId: string): Promise<{ role: TeamRole; sharePlan: boolean }> {
  const row = await db.selectFrom('teamMembers').select(['role', 'sharePlan']).where('teamId', '=', teamId).where('accountId', '=', account.id).executeTakeFirst();
  if (!row) throw new NotFoundError('team', teamId);
  return { role: row.role as TeamRole, sharePlan: row.sharePlan === 1 };
}

/** A member doing a lead's action is refused as forbidden (403), naming what to do instead; a non-member still gets 404. */
export async function requireLead(db: Kysely<Database>, account: Pick<Account, 'id'>, teamId: string, action: string): Promise<void> {
  const { role } = await membershipOf(db, account, teamId);
  if (role !== 'lead') throw new ForbiddenError(`Only the team's lead may ${action}; you are a member (ask the lead, or to be made lead)`);
}

export async function createTeam(deps: TeamsDeps, account: Account, input: { name: string }): Promise<TeamDetail> {
  const name = teamName(input.name);
  const now = deps.clock.now().toISOString();
  const id = deps.ids('team');
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('teams').values({ id, name, createdAt: now }).execute();
    await trx.insertInto('teamMembers').values({ teamId: id, accountId: account.id, role: 'lead', sharePlan: 0, joinedAt: now }).execute();
  });
  return teamDetail(deps, account, id);
}

export async function renameTeam(deps: TeamsDeps, account: Account, teamId: string, input: { name: string }): Promise<TeamDetail> {
  await requireLead(deps.db, account, teamId, 'rename the team');
  await deps.db.updateTable('teams').set({ name: teamName(input.name) }).where('id', '=', teamId).execute();
  return teamDetail(deps, account, teamId);
}

export async function listTeams(deps: TeamsDeps, account: Account): Promise<TeamSummary[]> {
  const rows = await deps.db
    .selectFrom('teamMembers as mine')
    .innerJoin('teams', 'teams.id', 'mine.teamId')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'teams.createdAt',
      'mine.role',
      eb.selectFrom('teamMembers as all').whereRef('all.teamId', '=', 'teams.id').select((e) => e.fn.countAll<number>().as('n')).as('members'),
    ])
    .where('mine.accountId', '=', account.id)
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, myRole: r.role as TeamRole, members: Number(r.members), createdAt: r.createdAt }));
}

export async function teamRoster(db: Kysely<Database>, teamId: string): Promise<TeamMemberRow[]> {
  const rows = await db
    .selectFrom('teamMembers')
    .innerJoin('accounts', 'accounts.id', 'teamMembers.accountId')
    .select(['accounts.id', 'accounts.name', 'teamMembers.role', 'teamMembers.joinedAt'])
    .where('teamMembers.teamId', '=', teamId)
    .orderBy('teamMembers.joinedAt')
    .orderBy('accounts.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as TeamRole, joinedAt: r.joinedAt }));
}

export async function teamDetail(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamDetail> {
  const me = await membershipOf(deps.db, account, teamId);
  const team = await deps.db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirstOrThrow();
  const roster = await teamRoster(deps.db, teamId);
  return { id: team.id, name: team.name, createdAt: team.createdAt, myRole: me.role, members: roster.length, roster, mySharePlan: me.sharePlan };
}

/** A link to join the team (the lead only): single use, seven days; only its hash is kept. */
export async function createTeamInvitation(deps: TeamsDeps, account: Account, teamId: string): Promise<{ token: string; expiresAt: string }> {
  await requireLead(deps.db, account, teamId, 'invite');
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + TEAM_INVITATION_MS).toISOString();
  await deps.db.insertInto('teamInvitations').values({ id: deps.ids('tinv'), teamId, tokenHash: hashToken(token), createdBy: account.id, createdAt: now.toISOString(), expiresAt, usedAt: null, usedBy: null }).execute();
  return { token, expiresAt };
}

/** Joins the team a link is for, as a member; an unknown, used or expired link is a 404, and a member's own use leaves the link unused. */
export async function acceptTeamInvitation(deps: TeamsDeps, account: Account, token: string): Promise<TeamDetail> {
  const now = deps.clock.now().toISOString();
  const row = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await deps.db.selectFrom('teamInvitations').selectAll().where('tokenHash', '=', hashToken(token)).executeTakeFirst() : undefined;
  if (!row || row.usedAt !== null || now >= row.expiresAt) throw new NotFoundError('team invitation', 'this link');
  const already = await deps.db.selectFrom('teamMembers').select('role').where('teamId', '=', row.teamId).where('accountId', '=', account.id).executeTakeFirst();
  if (already) return teamDetail(deps, account, row.teamId);
  await deps.db.transaction().execute(async (trx) => {
    // Claimed first, so two people racing for one link cannot both join by it.
    const claimed = await trx.updateTable('teamInvitations').set({ usedAt: now, usedBy: account.id }).where('id', '=', row.id).where('usedAt', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new NotFoundError('team invitation', 'this link');
    await trx.insertInto('teamMembers').values({ teamId: row.teamId, accountId: account.id, role: 'member', sharePlan: 0, joinedAt: now }).execute();
  });
  return teamDetail(deps, account, row.teamId);
}

/**
 * Takes a member out of a team with everything they gave it, in one transaction:
 * hold-backs and shares, goal links to their items, introduction requests from and
 * to them, their posts on the dance floor. A lead who leaves hands the lead to the longest-standing member; the last
 * member to leave ends the team.
 */
async function withdrawMember(db: Kysely<Database>, teamId: string, accountId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of ['teamHeldNetworks', 'teamSharedPeople', 'teamSharedLearned', 'teamPosts'] as const) {
      await trx.deleteFrom(table).where('teamId', '=', teamId).where('accountId', '=', accountId).execute();
    }
    await trx
      .deleteFrom('teamGoalLinks')
      .where('accountId', '=', accountId)
      .where('goalId', 'in', (eb) => eb.selectFrom('teamGoals').select('id').where('teamId', '=', teamId))
      .execute();
    await trx
      .deleteFrom('teamIntroRequests')
      .where('teamId', '=', teamId)
      .where((eb) => eb.or([eb('fromAccount', '=', accountId), eb('toAccount', '=', accountId)]))
      .execute();
    const left = await trx.deleteFrom('teamMembers').where('teamId', '=', teamId).where('accountId', '=', accountId).returning('role').executeTakeFirst();
    const rest = await trx.selectFrom('teamMembers').select(['accountId', 'role']).where('teamId', '=', teamId).orderBy('joinedAt').orderBy('accountId').execute();
    if (rest.length === 0) await trx.deleteFrom('teams').where('id', '=', teamId).execute();
    else if (left?.role === 'lead' && !rest.some((r) => r.role === 'lead')) {
      await trx.updateTable('teamMembers').set({ role: 'lead' }).where('teamId', '=', teamId).where('accountId', '=', rest[0]!.accountId).execute();
    }
  });
}

export async function leaveTeam(deps: TeamsDeps, account: Account, teamId: string): Promise<{ left: true }> {
  await membershipOf(deps.db, account, teamId);
  await withdrawMember(deps.db, teamId, account.id);
  return { left: true };
}

/** The lead takes a member out (with all they gave, as if they had left). */
export async function removeTeamMember(deps: TeamsDeps, account: Account, teamId: string, memberId: string): Promise<{ removed: true }> {
  await requireLead(deps.db, account, teamId, 'take a member out');
  if (memberId === account.id) throw new ValidationError('memberId', 'to leave the team yourself, use leave');
  await membershipOf(deps.db, { id: memberId }, teamId).catch(() => {
    throw new NotFoundError('team member', memberId);
  });
  await withdrawMember(deps.db, teamId, memberId);
  return { removed: true };
}

/** The lead makes another member lead too, or a lead a member again (a team keeps at least one lead). */
export async function setTeamRole(deps: TeamsDeps, account: Account, teamId: string, memberId: string, role: TeamRole): Promise<TeamDetail> {
  await requireLead(deps.db, account, teamId, 'change roles');
  await membershipOf(deps.db, { id: memberId }, teamId).catch(() => {
    throw new NotFoundError('team member', memberId);
  });
  if (role === 'member') {
    const leads = await deps.db.selectFrom('teamMembers').select('accountId').where('teamId', '=', teamId).where('role', '=', 'lead').execute();
    if (leads.length === 1 && leads[0]!.accountId === memberId) throw new ValidationError('role', 'a team needs a lead: make someone else lead first');
  }
  await deps.db.updateTable('teamMembers').set({ role }).where('teamId', '=', teamId).where('accountId', '=', memberId).execute();
  return teamDetail(deps, account, teamId);
}
