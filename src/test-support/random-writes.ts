import type { UpdatePersonInput } from '../contract/inputs.js';
import { seededRandom } from '../core/random.js';
import { CHANNELS, PERSON_CATEGORIES, STAGES } from '../core/vocabulary.js';

/**
 * The seeded writes to a few people that the kept-listing and kept-answer tests run (a name, a
 * category, a stage, scores, dates, a cadence, notes, an exchange): few values each, so that
 * ties, namesakes and accents meet often. Seeded (core/random.ts): a failure is the same failure
 * next time.
 */
export const FEW_NAMES = ['Ana Silva', 'Dr Ana Silva', 'Bo Lee', 'bo lee', 'Zoë Ng'];
export const FEW_DATES = ['2026-11-20', '2026-11-25', '2026-12-01', null];

export interface Seeded {
  next: () => number;
  pick: <T>(list: readonly T[]) => T;
}

export function seeded(seed: number): Seeded {
  const next = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

/** One edit of a person, drawn from the fields the kept listings sort and filter by. */
export function randomPersonEdit(random: Seeded): UpdatePersonInput {
  const edits: UpdatePersonInput[] = [
    { name: random.pick(FEW_NAMES) },
    { category: random.next() < 0.2 ? null : random.pick(PERSON_CATEGORIES) },
    { stage: random.pick(STAGES) },
    { strength: Math.floor(random.next() * 6), importance: Math.floor(random.next() * 6) },
    { nextContactOn: random.pick(FEW_DATES) },
    { cadence: random.pick(['1w', '1m', null]) },
    { notes: random.pick(['ana from the bench', 'nobody', null]) },
  ];
  return random.pick(edits);
}

/** An exchange with the person, now and then with one more of `ids`. */
export function randomExchange(random: Seeded, person: string, ids: readonly string[]) {
  const personIds = random.next() < 0.3 ? [person, random.pick(ids)] : [person];
  return { personIds, channel: random.pick(CHANNELS), occurredOn: random.pick(['2026-11-22', '2026-11-01', '2025-06-30']) };
}
