import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors.js';
import type { TeamRole } from '../core/team/index.js';
import type { Database } from '../storage/schema.js';
import { deleteMemberGoalLinks } from '../storage/team-goals.js';
import { deleteIntroRequestsOf } from '../storage/team-introductions.js';
import { claimTeamInvitation, findTeamInvitationByHash, insertTeamInvitation } from '../storage/team-invitations.js';
import { deleteMemberPosts } from '../storage/team-posts.js';
import { deleteMemberShares } from '../storage/team-sharing.js';
import {
  deleteTeam,
  deleteTeamMember,
  findMembership,
  findTeamRow,
  insertTeam,
  insertTeamMember,
  selectRoster,
  selectTeamsOf,
  updateMemberRole,
  updateTeamName,
  type Membership,
  type TeamMemberRow,
  type TeamSummary,
} from '../storage/teams.js';
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

export type { TeamMemberRow, TeamSummary };

export const TEAM_INVITATION_MS = 7 * 24 * 3600 * 1000;
const MAX_TEAM_NAME = 120;

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
export async function membershipOf(db: Kysely<Database>, account: Pick<Account, 'id'>, teamId: string): Promise<Membership> {
  const membership = await findMembership(db, teamId, account.id);
  if (!membership) throw new NotFoundError('team', teamId);
  return membership;
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
    await insertTeam(trx, { id, name, createdAt: now });
    await insertTeamMember(trx, { teamId: id, accountId: account.id, role: 'lead', sharePlan: 0, joinedAt: now });
  });
  return teamDetail(deps, account, id);
}

export async function renameTeam(deps: TeamsDeps, account: Account, teamId: string, input: { name: string }): Promise<TeamDetail> {
  await requireLead(deps.db, account, teamId, 'rename the team');
  await updateTeamName(deps.db, teamId, teamName(input.name));
  return teamDetail(deps, account, teamId);
}

export async function listTeams(deps: TeamsDeps, account: Account): Promise<TeamSummary[]> {
  return selectTeamsOf(deps.db, account.id);
}

export async function teamDetail(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<TeamDetail> {
  const me = await membershipOf(deps.db, account, teamId);
  const team = await findTeamRow(deps.db, teamId);
  if (!team) throw new NotFoundError('team', teamId);
  const roster = await selectRoster(deps.db, teamId);
  return { id: team.id, name: team.name, createdAt: team.createdAt, myRole: me.role, members: roster.length, roster, mySharePlan: me.sharePlan };
}

/** A link to join the team (the lead only): single use, seven days; only its hash is kept. */
export async function createTeamInvitation(deps: TeamsDeps, account: Account, teamId: string): Promise<{ token: string; expiresAt: string }> {
  await requireLead(deps.db, account, teamId, 'invite');
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + TEAM_INVITATION_MS).toISOString();
  await insertTeamInvitation(deps.db, { id: deps.ids('tinv'), teamId, tokenHash: hashToken(token), createdBy: account.id, createdAt: now.toISOString(), expiresAt, usedAt: null, usedBy: null });
  return { token, expiresAt };
}

/** Joins the team a link is for, as a member; an unknown, used or expired link is a 404, and a member's own use leaves the link unused. */
export async function acceptTeamInvitation(deps: TeamsDeps, account: Account, token: string): Promise<TeamDetail> {
  const now = deps.clock.now().toISOString();
  const row = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findTeamInvitationByHash(deps.db, hashToken(token)) : undefined;
  if (!row || row.usedAt !== null || now >= row.expiresAt) throw new NotFoundError('team invitation', 'this link');
  if (await findMembership(deps.db, row.teamId, account.id)) return teamDetail(deps, account, row.teamId);
  await deps.db.transaction().execute(async (trx) => {
    // Claimed first, so two people racing for one link cannot both join by it.
    if (!(await claimTeamInvitation(trx, row.id, account.id, now))) throw new NotFoundError('team invitation', 'this link');
    await insertTeamMember(trx, { teamId: row.teamId, accountId: account.id, role: 'member', sharePlan: 0, joinedAt: now });
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
    await deleteMemberShares(trx, teamId, accountId);
    await deleteMemberPosts(trx, teamId, accountId);
    await deleteMemberGoalLinks(trx, teamId, accountId);
    await deleteIntroRequestsOf(trx, teamId, accountId);
    const role = await deleteTeamMember(trx, teamId, accountId);
    const rest = await selectRoster(trx, teamId);
    if (rest.length === 0) await deleteTeam(trx, teamId);
    else if (role === 'lead' && !rest.some((m) => m.role === 'lead')) await updateMemberRole(trx, teamId, rest[0]!.id, 'lead');
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
    const leads = (await selectRoster(deps.db, teamId)).filter((m) => m.role === 'lead');
    if (leads.length === 1 && leads[0]!.id === memberId) throw new ValidationError('role', 'a team needs a lead: make someone else lead first');
  }
  await updateMemberRole(deps.db, teamId, memberId, role);
  return teamDetail(deps, account, teamId);
}
