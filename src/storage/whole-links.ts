import { sql, type Kysely } from 'kysely';
import type { GoalLink, Membership, Tie } from '../core/model.js';
import { parseJsonList } from './columns.js';
import type { Database } from './schema.js';

/*
 * Every membership, tie and goal link of a workspace, in the orders links.ts gives them: what
 * the network check, the exports and the check's worker read. Without the camel-case plugin and
 * with the names aliased in SQL, as the whole people list and the journal's bulk reads do: at
 * 5,000 people (7,600 memberships, 10,000 ties, 4,500 goal links) the plugin's per-row copy and
 * Kysely's building cost more than the queries (issue 15: `waggle check` as a whole process).
 */

export async function selectWholeMemberships(db: Kysely<Database>, workspaceId: string): Promise<Membership[]> {
  const { rows } = await sql<Membership>`select network_id as "networkId", person_id as "personId", role
    from memberships where workspace_id = ${workspaceId} order by network_id, person_id`.execute(db.withoutPlugins());
  return rows;
}

export async function selectWholeTies(db: Kysely<Database>, workspaceId: string): Promise<Tie[]> {
  const { rows } = await sql<Tie>`select person_a as "personAId", person_b as "personBId", strength, note
    from ties where workspace_id = ${workspaceId} order by person_a, person_b`.execute(db.withoutPlugins());
  return rows;
}

type LinkRow = { goalId: string; targetId: string; relevance: number; note: string | null; serves: string };
const toGoalLink = (kind: GoalLink['kind'], r: LinkRow): GoalLink => ({ goalId: r.goalId, kind, targetId: r.targetId, relevance: r.relevance, note: r.note, serves: parseJsonList<string>(r.serves) });

/** People's links first (by goal, then person), then networks' (by goal, then network). */
export async function selectWholeGoalLinks(db: Kysely<Database>, workspaceId: string): Promise<GoalLink[]> {
  const raw = db.withoutPlugins();
  const people = await sql<LinkRow>`select goal_id as "goalId", person_id as "targetId", relevance, note, serves
    from person_goals where workspace_id = ${workspaceId} order by goal_id, person_id`.execute(raw);
  const networks = await sql<LinkRow>`select goal_id as "goalId", network_id as "targetId", relevance, note, serves
    from network_goals where workspace_id = ${workspaceId} order by goal_id, network_id`.execute(raw);
  return [...people.rows.map((r) => toGoalLink('person', r)), ...networks.rows.map((r) => toGoalLink('network', r))];
}
