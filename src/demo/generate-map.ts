/**
 * A seeded generator of large, plausible workspaces for the benchmark and tests.
 * Pure: the same options give the same snapshot on every machine (an inline
 * mulberry32 generator, never Math.random).
 */
import { addDays, type IsoDate } from '../core/dates.js';
import { seededRandom } from '../core/random.js';
import type { Exchange, Goal, GoalLink, Introduction, Membership, Network, Person, Tie } from '../core/model.js';
import {
  CHANNELS,
  GIVE_KINDS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  PERSON_CATEGORIES,
  RECEIVE_KINDS,
  STAGES,
  type PersonCategory,
} from '../core/vocabulary.js';
import { buildExchange, buildGoal, buildIntroduction, buildNetwork, buildPerson, DEFAULT_TODAY } from '../core/check/builders.js';
import { withDerivedContacts } from '../core/check/derive-contacts.js';
import type { MapSnapshot } from '../core/check/types.js';

export interface GenerateOptions {
  people?: number;
  networks?: number;
  goals?: number;
  exchanges?: number;
  today?: IsoDate;
  seed?: number;
}

export { seededRandom };

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Esi', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kemi', 'Liam', 'Mei', 'Nora', 'Omar', 'Priya'];
const LAST = ['Abara', 'Brook', 'Chen', 'Dlamini', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen', 'Kowalski', 'Lopez', 'Mensah', 'Novak'];
const OWN_ORGANISATION = 'Northfield Hospital';
const ORGANISATIONS = [OWN_ORGANISATION, 'City University', 'Riverside Clinic', 'Atlas Consulting', 'Royal College', 'Brightwave Media', 'Helix Labs', 'Greenway Council'];
const CADENCES = [null, null, '2w', '1m', '3m', '6m', '1y'];
const HOURS = [0, 0, 0.5, 1, 2, 4, 8, 12, 20];

/**
 * A workspace with the given counts (defaults: 5,000 people, 300 networks, 20 goals,
 * 50,000 exchanges). Network 0 is the user's employer; about a third of the goals
 * are transitions and one in ten is already achieved.
 */
export function generateLargeSnapshot(options: GenerateOptions = {}): MapSnapshot & { exchanges: Exchange[] } {
  const counts = {
    people: Math.max(0, Math.floor(options.people ?? 5000)),
    networks: Math.max(0, Math.floor(options.networks ?? 300)),
    goals: Math.max(0, Math.floor(options.goals ?? 20)),
    exchanges: Math.max(0, Math.floor(options.exchanges ?? 50000)),
  };
  const today = options.today ?? DEFAULT_TODAY;
  const random = seededRandom(options.seed ?? 1);
  const int = (n: number): number => Math.floor(random() * n);
  // A quarter of goal links name no need (they serve the goal as a whole).
  const servesPick = (): string[] => [[], ['need_1'], ['need_2'], ['need_1', 'need_2']][int(4)]!;
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const score = (): number => int(6);
  const pad = (i: number, width: number): string => String(i).padStart(width, '0');

  const networks: Network[] = [];
  for (let i = 0; i < counts.networks; i++) {
    networks.push(
      buildNetwork({
        id: `n${pad(i, 4)}`,
        name: i === 0 ? OWN_ORGANISATION : `Network ${i}`,
        kind: i === 0 ? 'employer' : pick(NETWORK_KINDS),
        role: i === 0 ? 'member' : pick(NETWORK_ROLES),
        strength: score(),
        importance: score(),
        hoursPerMonth: pick(HOURS),
      }),
    );
  }

  const goals: Goal[] = [];
  for (let i = 0; i < counts.goals; i++) {
    const transition = i % 3 === 0;
    goals.push(
      buildGoal({
        id: `g${pad(i, 3)}`,
        statement: `Goal ${i}: grow in area ${i}`,
        needs: [
          { id: 'need_1', name: `area ${i}`, essential: true },
          { id: 'need_2', name: `method ${i}`, essential: false },
        ],
        transitionFrom: transition ? `role ${i}` : null,
        transitionTo: transition ? `role ${i + 1}` : null,
        status: i % 10 === 9 ? 'achieved' : 'active',
      }),
    );
  }

  const people: Person[] = [];
  for (let i = 0; i < counts.people; i++) {
    const category: PersonCategory | null = chance(0.15) ? null : pick(PERSON_CATEGORIES);
    people.push(
      buildPerson({
        id: `p${pad(i, 6)}`,
        name: `${pick(FIRST)} ${pick(LAST)} ${i}`,
        organisation: category === 'department-colleague' ? OWN_ORGANISATION : chance(0.2) ? null : pick(ORGANISATIONS),
        category,
        strength: score(),
        importance: score(),
        knowAndLike: chance(0.3),
        canHelp: chance(0.3),
        stage: pick(STAGES),
        cadence: pick(CADENCES),
        preferredChannel: chance(0.2) ? null : pick(CHANNELS),
        lostJobList: chance(0.05),
        addedOn: addDays(today, -int(1500)),
      }),
    );
  }

  const personId = (): string => `p${pad(int(counts.people), 6)}`;
  const networkId = (): string => `n${pad(int(counts.networks), 4)}`;

  const memberships: Membership[] = [];
  if (counts.networks > 0) {
    const seen = new Set<string>();
    for (const person of people) {
      for (let k = int(4); k > 0; k--) {
        const n = networkId();
        const key = `${person.id}|${n}`;
        if (seen.has(key)) continue;
        seen.add(key);
        memberships.push({ personId: person.id, networkId: n, role: pick(NETWORK_ROLES) });
      }
    }
  }

  const ties: Tie[] = [];
  if (counts.people > 1) {
    const seen = new Set<string>();
    for (let k = 0; k < counts.people * 2; k++) {
      const a = personId();
      const b = personId();
      if (a === b) continue;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const key = `${lo}|${hi}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ties.push({ personAId: lo, personBId: hi, strength: 1 + int(5), note: null });
    }
  }

  const goalLinks: GoalLink[] = [];
  for (const goal of goals) {
    if (counts.people > 0) {
      const seen = new Set<string>();
      for (let k = Math.ceil(counts.people * 0.04); k > 0; k--) {
        const p = personId();
        if (seen.has(p)) continue;
        seen.add(p);
        goalLinks.push({ goalId: goal.id, kind: 'person', targetId: p, relevance: 1 + int(5), note: null, serves: servesPick() });
      }
    }
    if (counts.networks > 0) {
      const seen = new Set<string>();
      for (let k = Math.ceil(counts.networks * 0.1); k > 0; k--) {
        const n = networkId();
        if (seen.has(n)) continue;
        seen.add(n);
        goalLinks.push({ goalId: goal.id, kind: 'network', targetId: n, relevance: 1 + int(5), note: null, serves: servesPick() });
      }
    }
  }

  const exchanges: Exchange[] = [];
  if (counts.people > 0) {
    for (let i = 0; i < counts.exchanges; i++) {
      const personIds = [personId()];
      if (chance(0.15)) personIds.push(personId());
      exchanges.push(
        buildExchange({
          id: `x${pad(i, 7)}`,
          occurredOn: addDays(today, -int(730)),
          personIds: [...new Set(personIds)],
          channel: pick(CHANNELS),
          initiatedBy: chance(0.5) ? 'me' : 'them',
          networkId: counts.networks > 0 && chance(0.2) ? networkId() : null,
          gave: Array.from({ length: int(3) }, () => ({ kind: pick(GIVE_KINDS), note: null })),
          received: Array.from({ length: int(3) }, () => ({ kind: pick(RECEIVE_KINDS), note: null })),
        }),
      );
    }
  }

  const introductions: Introduction[] = [];
  if (counts.people > 1) {
    for (let i = 0; i < Math.floor(counts.people / 10); i++) {
      // Three different people at most, and never "I introduced someone to myself".
      const introduced = personId();
      const other = () => {
        let id = personId();
        while (id === introduced) id = personId();
        return id;
      };
      const byId = chance(0.5) ? other() : null;
      let toId = byId === null || !chance(0.6) ? other() : null;
      if (toId !== null && toId === byId) toId = null;
      introductions.push(buildIntroduction({ id: `i${pad(i, 5)}`, byId, personId: introduced, toId, madeOn: addDays(today, -int(1000)) }));
    }
  }

  return {
    today,
    profile: { name: 'Sam Example', workingOn: 'a pilot of nurse-led clinics' },
    people: withDerivedContacts(people, exchanges),
    networks,
    memberships,
    goals,
    goalLinks,
    ties,
    exchanges,
    introductions,
  };
}
