import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { ByteBudgetLru, stringBytes } from '../core/byte-budget.js';
import { versionNewer } from './data-version.js';

/**
 * What a listing works out from a workspace's whole data (how many match, the order of every
 * match), kept per database handle until the data's version changes (data-version.ts), so the
 * pages of one listing share it. The caller reads the version before anything else, so a value
 * kept under it is never older than it says. Kept as the promise, so requests arriving together
 * share one computation; a failed one is forgotten. Least recently used out first past `maxBytes`
 * per handle (core/byte-budget.ts), each entry weighed as its key and what `weigh` estimates of
 * its value once worked out (a listing's order: its ids).
 *
 * A value may owe a catch-up (`owe`): a write to a few people leaves it under the version after
 * the write with those people noted, and the value is caught up with them (`catchUp.apply`) when
 * it is next read, not on every write (storage/people-list-patch.ts): many kept values are never
 * read again before the next write.
 *
 * The last few such writes are remembered (RECENT_WRITES), and a value put on the shelf after them
 * is brought through those it came too late for: one read under a version they had already moved on
 * from (its version read before a write, its value asked for after it), or one worked out while they
 * committed. Under a steady stream of writes such a value was otherwise kept under a version nobody
 * reads any more, and the next read worked it out again whole: on PostgreSQL at 30,000 people, with
 * a write every 60 ms, a listing's order (180 ms to read) was read again whole on almost every read.
 */

/** How many of the last writes (`owe`) a value put on the shelf after them is brought through. */
const RECENT_WRITES = 64;
interface Entry<T, A, O> {
  version: string;
  value: Promise<T>;
  /** The value once worked out: only a settled value can owe a catch-up. */
  settled?: { value: T };
  /** What `weigh` gave for the settled value, so that a catch-up can weigh it again by what it moved. */
  weight?: number;
  /** What the value was worked out from, for owe (a listing's filter, say). */
  about: A;
  /** What the settled value owes: written since, not caught up with yet. Replaced, never changed in place, so a catch-up can tell it grew. */
  owed?: O;
  /** How it catches up with what it owes: said by whoever made it owe (owe). */
  catchUp?: CatchUp<T, A, O>;
  /** The catch-up under way, shared by the reads that arrive meanwhile. */
  catching?: Promise<T>;
}

/** A kept value as owe sees it: its version, what it is about, the value if it is worked out yet and what it owes. */
export interface KeptValue<T, A, O = never> {
  key: string;
  version: string;
  about: A;
  settled?: { value: T };
  owed?: O;
}

/** How a kept value owes and catches up (people-list-catch-up.ts). */
export interface CatchUp<T, A, O> {
  /**
   * Whether catching a value up with a write it already holds gives the same value (an order: each owed
   * person is taken out and placed again as the data now has them). Then a value still being worked out,
   * whose picture may or may not hold the write, may owe it; otherwise (a count moved by who joined or
   * left) such a value is forgotten.
   */
  readonly idempotent: boolean;
  /** What is owed once `more` is added to `owed` (undefined: nothing yet); null when it is more than catching up is worth (the value is then forgotten). */
  add(owed: O | undefined, more: O): O | null;
  /** The version of the value's data that `trx` (a transaction of its own) sees: the value is caught up to it. */
  versionIn(trx: Kysely<Database>, about: A): Promise<string>;
  /** The value caught up with what it owes, read in `trx`, and its weight, worked out from the old weight and what moved. */
  apply(trx: Kysely<Database>, owing: { value: T; weight: number; about: A; owed: O }): Promise<{ value: T; weight: number }>;
}

/** A write as `owe` heard it: how values catch up with it, what it makes of each, and the values it moved until it ended (for its undoing). */
interface Owing<T, A, O> {
  catchUp: CatchUp<T, A, O>;
  decide: Decide<T, A, O>;
  moved: Array<[key: string, entry: Entry<T, A, O>]> | null;
}
type Decide<T, A, O> = (kept: KeptValue<T, A, O>) => { version: string; owe?: O } | null | undefined;

export class KeptPerVersion<T, A = undefined, O = never> {
  private readonly shelves = new WeakMap<Kysely<Database>, ByteBudgetLru<string, Entry<T, A, O>>>();
  /** Per handle and key, the computation getSeeing is waiting on, and the version its first reader read. */
  private readonly seeing = new WeakMap<Kysely<Database>, Map<string, { version: string; value: Promise<T>; about: A }>>();
  /** Per handle, the last RECENT_WRITES writes heard by `owe`, oldest first. */
  private readonly recentWrites = new WeakMap<Kysely<Database>, Owing<T, A, O>[]>();

  constructor(
    private readonly maxBytes: number,
    private readonly weigh: (value: T) => number,
    /**
     * The write, if any, about to move what is kept for `about` on to a newer version (data-version.ts,
     * committingWrite): a reader that finds its value kept under an older version waits for it once
     * before working the value out again.
     */
    private readonly movingOn?: (db: Kysely<Database>, about: A) => Promise<void> | undefined,
  ) {}

  async get(db: Kysely<Database>, key: string, version: string, compute: () => Promise<T>, ...[about]: A extends undefined ? [] : [A]): Promise<T> {
    return this.getAt(db, key, version, compute, about as A, false);
  }

  private async getAt(db: Kysely<Database>, key: string, version: string, compute: () => Promise<T>, about: A, waited: boolean): Promise<T> {
    let shelf = this.shelves.get(db);
    if (!shelf) this.shelves.set(db, (shelf = new ByteBudgetLru<string, Entry<T, A, O>>(this.maxBytes)));
    // Used again: to the back of the line.
    const hit = shelf.get(key);
    // Kept under a newer version than the reader read (it read the version before a write, and asks now):
    // never older than it says, so good for the reader too, where working it out again under the older
    // version and keeping that instead would leave every read after the write to work it out once more.
    if (hit && (hit.version === version || versionNewer(hit.version, version))) {
      if (hit.owed === undefined) return hit.value;
      if (!hit.catching) {
        const catching = this.caughtUp(db, shelf, key, hit).finally(() => {
          if (hit.catching === catching) delete hit.catching;
        });
        hit.catching = catching;
      }
      return hit.catching;
    }
    // Kept one write behind, that write still on its way back: once it has moved the value on, the value
    // is kept under the reader's version owing a few people, caught up for far less than working it out.
    const moving = hit && !waited ? this.movingOn?.(db, about) : undefined;
    if (moving) {
      await moving;
      return this.getAt(db, key, version, compute, about, true);
    }
    const entry: Entry<T, A, O> = { version, value: compute(), about: about as A };
    // Weighed by its key until it is worked out.
    shelf.set(key, entry, stringBytes(key));
    this.throughRecentWrites(db, shelf, key, entry);
    try {
      const done = await entry.value;
      if (shelf.peek(key) === entry) {
        entry.settled = { value: done };
        entry.weight = this.weigh(done);
        shelf.reweigh(key, stringBytes(key) + entry.weight);
      }
      return done;
    } catch (error) {
      if (shelf.peek(key) === entry) shelf.delete(key);
      throw error;
    }
  }

  /**
   * get, for a value whose computation names the version it was worked out from (`compute` reads both in
   * one statement: one snapshot), kept under that version (offer) once worked out, never before. So a
   * value whose catch-up is not idempotent (a count) outlives the writes that commit while it is worked
   * out: put on the shelf under the version read before it, as get does, such a value could not tell
   * whether its picture held them and was forgotten, and under PostgreSQL's steady writes the next read
   * counted again (a due listing's count, 3 ms of PostgreSQL's time, worked out on almost every read).
   * Here each write after its own version is owed as usual (throughRecentWrites). Readers asking at the
   * same version meanwhile share the computation; the version it names is never older than theirs
   * (it is read after theirs was).
   */
  async getSeeing(db: Kysely<Database>, key: string, version: string, compute: () => Promise<{ value: T; version: string }>, ...[about]: A extends undefined ? [] : [A]): Promise<T> {
    let hit = this.shelves.get(db)?.peek(key);
    // As get: a value kept one write behind, the write on its way back, is waited for once.
    const moving = hit && hit.version !== version && !versionNewer(hit.version, version) ? this.movingOn?.(db, about as A) : undefined;
    if (moving) {
      await moving;
      hit = this.shelves.get(db)?.peek(key);
    }
    if (hit && (hit.version === version || versionNewer(hit.version, version))) return this.getAt(db, key, version, async () => (await compute()).value, about as A, true);
    let pending = this.seeing.get(db);
    if (!pending) this.seeing.set(db, (pending = new Map()));
    const shared = pending.get(key);
    if (shared?.version === version) return shared.value;
    const value = compute().then((worked) => {
      this.offer(db, key, worked.version, worked.value, ...([about] as never));
      return worked.value;
    });
    const own = { version, value, about: about as A };
    pending.set(key, own);
    try {
      return await value;
    } finally {
      if (pending.get(key) === own) pending.delete(key);
    }
  }

  /**
   * The value kept for `key`, worked out and owing nothing, with the version it is kept under, whatever
   * that is; used again, as get uses it. For a reader that learns the version in the same statement as
   * the rows it reads beside the value (people-list.ts): the value is good for those rows only if the
   * versions are equal, and the reader checks.
   */
  latest(db: Kysely<Database>, key: string): { version: string; value: T } | undefined {
    const entry = this.shelves.get(db)?.get(key);
    if (!entry?.settled || entry.owed !== undefined) return undefined;
    return { version: entry.version, value: entry.settled.value };
  }

  /**
   * Keeps `value`, worked out elsewhere from the data at `version` exactly (read in one snapshot with
   * it), unless something is kept or being worked out for `key` under that version already.
   */
  offer(db: Kysely<Database>, key: string, version: string, value: T, ...[about]: A extends undefined ? [] : [A]): void {
    let shelf = this.shelves.get(db);
    if (!shelf) this.shelves.set(db, (shelf = new ByteBudgetLru<string, Entry<T, A, O>>(this.maxBytes)));
    if (shelf.peek(key)?.version === version) return;
    const weight = this.weigh(value);
    const entry: Entry<T, A, O> = { version, value: Promise.resolve(value), settled: { value }, weight, about: about as A };
    shelf.set(key, entry, stringBytes(key) + weight);
    this.throughRecentWrites(db, shelf, key, entry);
  }

  /** What getSeeing is working out for `db` now: each key and what its value is about. */
  seeingNow(db: Kysely<Database>): { key: string; about: A }[] {
    return [...(this.seeing.get(db) ?? [])].map(([key, { about }]) => ({ key, about }));
  }

  /** The kept values of `db` now (a copy). */
  kept(db: Kysely<Database>): KeptValue<T, A, O>[] {
    return (this.shelves.get(db)?.snapshot() ?? []).map(([key, entry]) => this.asKept(key, entry));
  }

  /**
   * Goes through `db`'s kept values, in one go (nothing awaited, so no read sees half of it), and asks
   * `decide` what each is now: undefined leaves it as it is, null forgets it, and a version moves it
   * there, owing `owe` besides what it owed (catchUp.add) when said, to be caught up by `catchUp` when
   * next read. Kept in its place in the line.
   *
   * `remember`: whether a value put on the shelf after this, under the version before it, may still
   * lack this write, and is to be brought through it then (throughRecentWrites). So on PostgreSQL,
   * where a value is read on another connection while the write commits. Not on SQLite: every read
   * waits for the one connection the write holds, so a value kept after this has the write already,
   * and under the version it leaves (a write to a few people moves no listing's version there) a
   * count would be forgotten for owing it, and an order caught up with it for nothing.
   *
   * Gives back how to end it, once the write's transaction has: refused (its COMMIT refused, or it
   * failed before), the values it moved, to a version that is then nobody's data, are forgotten, and it
   * is no longer remembered. Left there, such a value was taken for newer than the data (its version's
   * counter ahead of the next write's; see get) and missed that next write. Committed, it lets go of
   * the values it moved, which it held only for that: a remembered write would otherwise keep values
   * the shelf has since dropped alive beyond its budget, for as long as it is remembered.
   */
  owe(db: Kysely<Database>, catchUp: CatchUp<T, A, O>, decide: Decide<T, A, O>, { remember }: { remember: boolean }): (refused: boolean) => void {
    const pass: Owing<T, A, O> = { catchUp, decide, moved: [] };
    let recent = this.recentWrites.get(db);
    if (remember) {
      if (!recent) this.recentWrites.set(db, (recent = []));
      recent.push(pass);
      if (recent.length > RECENT_WRITES) recent.shift();
    }
    const shelf = this.shelves.get(db);
    if (shelf) for (const [key, entry] of shelf.snapshot()) this.oweOne(shelf, key, entry, pass);
    return (refused) => {
      const moved = pass.moved;
      pass.moved = null;
      if (!refused) return;
      const at = recent?.indexOf(pass) ?? -1;
      if (at >= 0) recent?.splice(at, 1);
      const now = this.shelves.get(db);
      for (const [key, entry] of moved ?? []) if (now?.peek(key) === entry) now.delete(key);
    };
  }

  /** One kept value through one write (owe). */
  private oweOne(shelf: ByteBudgetLru<string, Entry<T, A, O>>, key: string, entry: Entry<T, A, O>, pass: Owing<T, A, O>): void {
    const { catchUp, decide } = pass;
    const next = decide(this.asKept(key, entry));
    if (next === undefined) return;
    const owed = next === null || next.owe === undefined ? entry.owed : entry.settled || catchUp.idempotent ? catchUp.add(entry.owed, next.owe) : null;
    if (next === null || owed === null) {
      shelf.delete(key);
      return;
    }
    entry.version = next.version;
    pass.moved?.push([key, entry]);
    if (owed !== undefined && owed !== entry.owed) {
      entry.owed = owed;
      entry.catchUp = catchUp;
      // A catch-up under way reads a picture taken before this write committed: a read that comes
      // after the commit must not share it (it would not see its own write), so it starts its own.
      delete entry.catching;
    }
  }

  /**
   * A value just put on the shelf, through the recent writes in the order they came: each says
   * nothing to a value not under the version it left (decide), so only those from its version on
   * move it, one after another, as they would have had it been there.
   */
  private throughRecentWrites(db: Kysely<Database>, shelf: ByteBudgetLru<string, Entry<T, A, O>>, key: string, entry: Entry<T, A, O>): void {
    for (const pass of this.recentWrites.get(db) ?? []) {
      if (shelf.peek(key) !== entry) return;
      this.oweOne(shelf, key, entry, pass);
    }
  }

  private asKept(key: string, entry: Entry<T, A, O>): KeptValue<T, A, O> {
    return { key, version: entry.version, about: entry.about, ...(entry.settled ? { settled: entry.settled } : {}), ...(entry.owed === undefined ? {} : { owed: entry.owed }) };
  }

  /**
   * The value caught up with what it owes, read in a repeatable-read transaction of its own (one
   * picture of the data, whatever commits meanwhile), and kept so if nothing was written to it
   * meanwhile (the same version, owing the same); otherwise it is what the reader gets, and the next
   * read catches up again from the value as it was.
   */
  private async caughtUp(db: Kysely<Database>, shelf: ByteBudgetLru<string, Entry<T, A, O>>, key: string, entry: Entry<T, A, O>): Promise<T> {
    const catchUp = entry.catchUp as CatchUp<T, A, O>;
    // A value that came to owe while it was being worked out (an idempotent catch-up): caught up once it is.
    // Its own reader's `get` settles it first (it waited on it first), unless it has left the shelf.
    const worked = entry.settled?.value ?? (await entry.value);
    const settled = entry.settled;
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const seen = await catchUp.versionIn(trx, entry.about);
        // Taken once the transaction's picture is: every write in it noted what it wrote before it committed.
        const owed = entry.owed;
        if (owed === undefined) return entry.settled?.value ?? worked;
        const caught = await catchUp.apply(trx, { value: worked, weight: entry.weight ?? this.weigh(worked), about: entry.about, owed });
        if (settled && shelf.peek(key) === entry && entry.version === seen && entry.owed === owed && entry.settled === settled) {
          entry.settled = { value: caught.value };
          entry.value = Promise.resolve(caught.value);
          entry.weight = caught.weight;
          delete entry.owed;
          shelf.reweigh(key, stringBytes(key) + caught.weight);
        }
        return caught.value;
      });
  }
}
