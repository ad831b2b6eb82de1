import type { Insertable, Kysely, Selectable } from 'kysely';
import type { TeamRole } from '../core/team/index.js';
import { flag } from './columns.js';
import type { Database } from './schema.js';

/*
 * Teams (server mode) and who is in them, as what: the team's row and its members.
 * What members give a team lives beside it: team-sharing.ts (consent and what the team
 * reads through it), team-goals.ts, team-introductions.ts, team-posts.ts.
 */

type Db = Kysely<Database>;

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

/** An account's place in a team: its role, and whether it shows the lead its plan's progress. */
export interface Membership {
  role: TeamRole;
  sharePlan: boolean;
}

const toMembership = (row: Pick<Selectable<Database['teamMembers']>, 'role' | 'sharePlan'>): Membership => ({ role: row.role as TeamRole, sharePlan: row.sharePlan === 1 });

export async function insertTeam(db: Db, row: Insertable<Database['teams']>): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function findTeamRow(db: Db, teamId: string): Promise<Selectable<Database['teams']> | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
}

export async function updateTeamName(db: Db, teamId: string, name: string): Promise<void> {
  await db.updateTable('teams').set({ name }).where('id', '=', teamId).execute();
}

export async function deleteTeam(db: Db, teamId: string): Promise<void> {
  await db.deleteFrom('teams').where('id', '=', teamId).execute();
}

/** The teams an account is in, by name, with its role and each team's head count. */
export async function selectTeamsOf(db: Db, accountId: string): Promise<TeamSummary[]> {
  const rows = await db
    .selectFrom('teamMembers as mine')
    .innerJoin('teams', 'teams.id', 'mine.teamId')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'teams.createdAt',
      'mine.role',
      eb.selectFrom('teamMembers as all').whereRef('all.teamId', '=', 'teams.id').select((e) => e.fn.countAll<number>().as('n')).as('members'),
    ])
    .where('mine.accountId', '=', accountId)
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, myRole: r.role as TeamRole, members: Number(r.members), createdAt: r.createdAt }));
}

export async function insertTeamMember(db: Db, row: Insertable<Database['teamMembers']>): Promise<void> {
  await db.insertInto('teamMembers').values(row).execute();
}

/** The account's membership of the team; undefined when it is not in it. */
export async function findMembership(db: Db, teamId: string, accountId: string): Promise<Membership | undefined> {
  const row = await db.selectFrom('teamMembers').select(['role', 'sharePlan']).where('teamId', '=', teamId).where('accountId', '=', accountId).executeTakeFirst();
  return row && toMembership(row);
}

/** The members, longest-standing first (the order the lead passes on in). */
export async function selectRoster(db: Db, teamId: string): Promise<TeamMemberRow[]> {
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

/** The ids of the members who let the lead see their plan's progress. */
export async function selectPlanSharerIds(db: Db, teamId: string): Promise<string[]> {
  return (await db.selectFrom('teamMembers').select('accountId').where('teamId', '=', teamId).where('sharePlan', '=', 1).execute()).map((r) => r.accountId);
}

export async function updateMemberRole(db: Db, teamId: string, accountId: string, role: TeamRole): Promise<void> {
  await db.updateTable('teamMembers').set({ role }).where('teamId', '=', teamId).where('accountId', '=', accountId).execute();
}

export async function updateMemberSharePlan(db: Db, teamId: string, accountId: string, sharePlan: boolean): Promise<void> {
  await db.updateTable('teamMembers').set({ sharePlan: flag(sharePlan) }).where('teamId', '=', teamId).where('accountId', '=', accountId).execute();
}

/** Takes the account out of the team; the role it had, or undefined when it was not in it. */
export async function deleteTeamMember(db: Db, teamId: string, accountId: string): Promise<TeamRole | undefined> {
  const left = await db.deleteFrom('teamMembers').where('teamId', '=', teamId).where('accountId', '=', accountId).returning('role').executeTakeFirst();
  return left && (left.role as TeamRole);
}
