/**
 * Putting a few people back into a kept order (storage/people-list-catch-up.ts) when only the
 * database can say what sorts before what (its collation, its ties): a search for every person at
 * once, each round one question about many (person, probe) pairs, so that placing ten people in an
 * order of 30,000 is three questions, not thirty. On PostgreSQL each question is a round trip that
 * waits on the server's busy thread; one a person and a round was most of the statements a mixed
 * load sent.
 *
 * No I/O here: `ask` is the question, asked of whatever knows the order's rule.
 */

/** The few things of an order the search reads: its length and the id at a place. */
export interface OrderToPlaceIn {
  readonly length: number;
  at(place: number): string | undefined;
}

/** One pair asked about: whether `probe` sorts before `person`. */
export interface ProbePair {
  person: string;
  probe: string;
}

/** Answers one round: of the pairs, those whose probe sorts before its person (by pairKey). */
export type AskWhichSortBefore = (pairs: readonly ProbePair[]) => Promise<ReadonlySet<string>>;

/** The key of a pair in `ask`'s answer. */
export const pairKey = (person: string, probe: string) => `${person}\u0000${probe}`;

/** How many places of the order each person is probed against a round: rounds = log base (probes + 1) of the order's length. */
export const DEFAULT_PROBES = 32;

/**
 * Where each of `people` goes in `order` (which holds none of them), as the places to insert them at
 * one after another, in that order: the first place whose id does not sort before them, people
 * landing on the same place ordered among themselves by the same rule. Each round asks about at most
 * `probes` places for each person still searching; the first round also asks how the people sort among
 * themselves (only needed when two land together, but asked then so that it costs no round of its own).
 */
export async function placesInOrder(
  order: OrderToPlaceIn,
  people: readonly string[],
  ask: AskWhichSortBefore,
  probes = DEFAULT_PROBES,
): Promise<{ place: number; id: string }[]> {
  const unique = [...new Set(people)];
  const searching = unique.map((id) => ({ id, low: 0, high: order.length }));
  let among: ReadonlySet<string> = new Set();
  let first = true;
  while (first || searching.some((s) => s.low < s.high)) {
    const asked: { search: (typeof searching)[number]; places: number[] }[] = [];
    const pairs: ProbePair[] = [];
    for (const search of searching) {
      if (search.low >= search.high) continue;
      const places = probedPlaces(search.low, search.high, probes);
      asked.push({ search, places });
      for (const place of places) pairs.push({ person: search.id, probe: order.at(place) as string });
    }
    if (first && unique.length > 1) {
      for (const person of unique) for (const other of unique) if (other !== person) pairs.push({ person, probe: other });
    }
    const before = pairs.length > 0 ? await ask(pairs) : new Set<string>();
    if (first) among = before;
    first = false;
    for (const { search, places } of asked) {
      const firstNotBefore = places.findIndex((place) => !before.has(pairKey(search.id, order.at(place) as string)));
      if (firstNotBefore === -1) search.low = (places.at(-1) as number) + 1;
      else {
        search.high = places[firstNotBefore] as number;
        if (firstNotBefore > 0) search.low = (places[firstNotBefore - 1] as number) + 1;
      }
    }
  }
  // Inserted from the last place back, so each place still means the order without the people; those on one
  // place go in last-sorted first, so each pushes the ones after it along.
  const before = (a: string, b: string) => among.has(pairKey(b, a));
  const landed = searching.map((s) => ({ place: s.low, id: s.id }));
  landed.sort((a, b) => b.place - a.place || (before(a.id, b.id) ? 1 : before(b.id, a.id) ? -1 : 0));
  return landed;
}

/** The places probed between low and high: every one when they fit, else `probes` spread evenly. */
function probedPlaces(low: number, high: number, probes: number): number[] {
  const span = high - low;
  if (span <= probes) return Array.from({ length: span }, (_, i) => low + i);
  return Array.from({ length: probes }, (_, i) => low + Math.floor(((i + 1) * span) / (probes + 1)));
}
