import type { PersonDate } from '../../../src/core/person-dates.js';
import type { Exchange, FollowUp, Goal, Network, Person } from '../types.js';

/** GET /api/people/{id}. */
export interface PersonDetail {
  person: Person;
  goals: { goal: Goal; relevance: number; note: string | null; serves: string[] }[];
  networks: { network: Network; role: string | null }[];
  ties: { person: { id: string; name: string }; strength: number; note: string | null }[];
  introductions: { id: string; byId: string | null; personId: string; toId: string | null; madeOn: string; note: string | null }[];
  names: Record<string, string>;
  exchanges: Exchange[];
  followUps: FollowUp[];
  /** Birthday, anniversary and dates of the user's own naming. */
  dates: PersonDate[];
}
