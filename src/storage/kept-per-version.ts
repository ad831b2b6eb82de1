import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { ByteBudgetLru, stringBytes } from '../core/byte-budget.js';

/**
 * What a listing works out from a workspace's whole data (how many match, the order of every
 * match), kept per database handle until the data's version changes (data-version.ts), so the
 * pages of one listing share it. The caller reads the version before anything else, so a value
 * kept under it is never older than it says. Kept as the promise, so requests arriving together
 * share one computation; a failed one is forgotten. Least recently used out first past `maxBytes`
 * per handle (core/byte-budget.ts), each entry weighed as its key and what `weigh` estimates of
 * its value once worked out (a listing's order: its ids).
 */
interface Entry<T, A> {
  version: string;
  value: Promise<T>;
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

export class KeptPerVersion<T, A = undefined> {
  private readonly shelves = new WeakMap<Kysely<Database>, ByteBudgetLru<string, Entry<T, A>>>();

  constructor(
    private readonly maxBytes: number,
    private readonly weigh: (value: T) => number,
  ) {}

  async get(db: Kysely<Database>, key: string, version: string, compute: () => Promise<T>, ...[about]: A extends undefined ? [] : [A]): Promise<T> {
    let shelf = this.shelves.get(db);
    if (!shelf) this.shelves.set(db, (shelf = new ByteBudgetLru<string, Entry<T, A>>(this.maxBytes)));
    // Used again: to the back of the line.
    const hit = shelf.get(key);
    if (hit && hit.version === version) return hit.value;
    const entry: Entry<T, A> = { version, value: compute(), about: about as A };
    // Weighed by its key until it is worked out.
    shelf.set(key, entry, stringBytes(key));
    try {
      const done = await entry.value;
      if (shelf.peek(key) === entry) {
        entry.settled = { value: done };
        shelf.reweigh(key, stringBytes(key) + this.weigh(done));
      }
      return done;
    } catch (error) {
      if (shelf.peek(key) === entry) shelf.delete(key);
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
    for (const [key, entry] of shelf.snapshot()) {
      const next = await revise({ key, version: entry.version, about: entry.about, ...(entry.settled ? { settled: entry.settled } : {}) });
      if (next === undefined || shelf.peek(key) !== entry) continue;
      if (next === null) {
        shelf.delete(key);
        continue;
      }
      entry.version = next.version;
      entry.value = Promise.resolve(next.value);
      entry.settled = { value: next.value };
      shelf.reweigh(key, stringBytes(key) + this.weigh(next.value));
    }
  }
}
