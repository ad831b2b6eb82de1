import type { Exchange, FollowUp, Goal, Introduction, Network, Person } from './model.js';
import type { PersonDate } from './person-dates.js';
import type { NetworkRole } from './vocabulary.js';

/**
 * A person with everything around them: what `person show` and the person page display
 * (GET /api/people/{id}). The contract's PersonDetail schema is tied to this type at compile
 * time (src/contract/outputs.ts), so the document and the answer cannot drift apart.
 */
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
  /** Today where the user is (the clock and the profile's time zone): what the next contact is overdue against, without asking for the due list. */
  today: string;
}
