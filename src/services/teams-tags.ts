import { ValidationError } from '../core/errors.js';
import { mergeTeam } from '../core/team/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { loadTeamSnapshot } from './teams-sharing.js';
import { selectTeamGoals } from '../storage/team-goals.js';

/** What a dance-floor item may be tagged to: this team's goals, and one network the team shares now. */
export interface TeamTags {
  goalIds: string[];
  networkKey: string | null;
}

/** The tags, checked against the team: a goal of another team, or a network nobody shares, is refused by name. */
export async function checkedTags(db: Kysely<Database>, teamId: string, input: { goalIds?: string[] | undefined; networkKey?: string | null | undefined }): Promise<TeamTags> {
  const goals = new Set((await selectTeamGoals(db, teamId)).map((g) => g.id));
  const goalIds = [...new Set(input.goalIds ?? [])];
  for (const id of goalIds) if (!goals.has(id)) throw new ValidationError('goalIds', `"${id}" is not a goal of this team`);
  if (input.networkKey) {
    const graph = mergeTeam(await loadTeamSnapshot(db, teamId));
    if (!graph.networks.some((n) => n.key === input.networkKey)) throw new ValidationError('networkKey', 'is not a network the team shares');
  }
  return { goalIds, networkKey: input.networkKey || null };
}
