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
interface Entry<T> {
  version: string;
  value: Promise<T>;
  weight: number;
}

class Shelf<T> {
  readonly entries = new Map<string, Entry<T>>();
  weight = 0;

  forget(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.weight -= old.weight;
    this.entries.delete(key);
  }
}

export class KeptPerVersion<T> {
  private readonly shelves = new WeakMap<Kysely<Database>, Shelf<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly weigh: (value: T) => number = () => 0,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  async get(db: Kysely<Database>, key: string, version: string, compute: () => Promise<T>): Promise<T> {
    let shelf = this.shelves.get(db);
    if (!shelf) this.shelves.set(db, (shelf = new Shelf<T>()));
    const hit = shelf.entries.get(key);
    if (hit && hit.version === version) {
      // Used again: to the back of the line (a Map keeps insertion order).
      shelf.entries.delete(key);
      shelf.entries.set(key, hit);
      return hit.value;
    }
    shelf.forget(key);
    const entry: Entry<T> = { version, value: compute(), weight: 0 };
    shelf.entries.set(key, entry);
    try {
      const done = await entry.value;
      if (shelf.entries.get(key) === entry) {
        entry.weight = this.weigh(done);
        shelf.weight += entry.weight;
        for (const oldest of shelf.entries.keys()) {
          if (shelf.entries.size <= this.maxEntries && shelf.weight <= this.maxWeight) break;
          shelf.forget(oldest);
        }
      }
      return done;
    } catch (error) {
      if (shelf.entries.get(key) === entry) shelf.entries.delete(key);
      throw error;
    }
  }
}
