import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * What a listing works out from a workspace's whole data (how many match, the order of every
 * match), kept per database handle until the data's version changes (data-version.ts), so the
 * pages of one listing share it. The caller reads the version before anything else, so a value
 * kept under it is never older than it says. Kept as the promise, so requests arriving together
 * share one computation; a failed one is forgotten. Oldest out first past `maxEntries`, or past
 * `maxWeight` (each value weighed by `weigh`: the ids it holds, say).
 */
interface Entry<T, A> {
  version: string;
  value: Promise<T>;
  weight: number;
  /** The value once worked out: only a settled value can be revised in place (revise). */
  settled?: { value: T };
  /** What the value was worked out from, for revise (a listing's filter, say). */
  about: A;
}

/** A kept value as revise sees it: its version, what it is about, and the value if it is worked out yet. */
export interface KeptValue<T, A> {
  key: string;
  version: string;
  about: A;
  settled?: { value: T };
}

class Shelf<T, A> {
  readonly entries = new Map<string, Entry<T, A>>();
  weight = 0;

  forget(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.weight -= old.weight;
    this.entries.delete(key);
  }
}

export class KeptPerVersion<T, A = undefined> {
  private readonly shelves = new WeakMap<Kysely<Database>, Shelf<T, A>>();

  constructor(
    private readonly maxEntries: number,
    private readonly weigh: (value: T) => number = () => 0,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  async get(db: Kysely<Database>, key: string, version: string, compute: () => Promise<T>, ...[about]: A extends undefined ? [] : [A]): Promise<T> {
    let shelf = this.shelves.get(db);
    if (!shelf) this.shelves.set(db, (shelf = new Shelf<T, A>()));
    const hit = shelf.entries.get(key);
    if (hit && hit.version === version) {
      // Used again: to the back of the line (a Map keeps insertion order).
      shelf.entries.delete(key);
      shelf.entries.set(key, hit);
      return hit.value;
    }
    shelf.forget(key);
    const entry: Entry<T, A> = { version, value: compute(), weight: 0, about: about as A };
    shelf.entries.set(key, entry);
    try {
      const done = await entry.value;
      if (shelf.entries.get(key) === entry) {
        entry.settled = { value: done };
        this.weighIn(shelf, entry, done);
      }
      return done;
    } catch (error) {
      if (shelf.entries.get(key) === entry) shelf.entries.delete(key);
      throw error;
    }
  }

  /**
   * Goes through `db`'s kept values (a snapshot of them: `revise` may wait) and asks `revise` what
   * each is now: undefined leaves it as it is, null forgets it, and a value and version replace it
   * in place (a write that changed one person patching a listing's order, storage/people-list-patch.ts),
   * unless it was replaced or forgotten meanwhile. Kept in its place in the line.
   */
  async revise(db: Kysely<Database>, revise: (kept: KeptValue<T, A>) => Promise<{ version: string; value: T } | null | undefined>): Promise<void> {
    const shelf = this.shelves.get(db);
    if (!shelf) return;
    for (const [key, entry] of [...shelf.entries]) {
      const next = await revise({ key, version: entry.version, about: entry.about, ...(entry.settled ? { settled: entry.settled } : {}) });
      if (next === undefined || shelf.entries.get(key) !== entry) continue;
      if (next === null) {
        shelf.forget(key);
        continue;
      }
      shelf.weight -= entry.weight;
      entry.version = next.version;
      entry.value = Promise.resolve(next.value);
      entry.settled = { value: next.value };
      this.weighIn(shelf, entry, next.value);
    }
  }

  /** Counts a settled value's weight in, then forgets the oldest past the bounds. */
  private weighIn(shelf: Shelf<T, A>, entry: Entry<T, A>, value: T): void {
    entry.weight = this.weigh(value);
    shelf.weight += entry.weight;
    for (const oldest of shelf.entries.keys()) {
      if (shelf.entries.size <= this.maxEntries && shelf.weight <= this.maxWeight) break;
      shelf.forget(oldest);
    }
  }
}
