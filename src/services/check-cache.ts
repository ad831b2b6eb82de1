import type { Kysely } from 'kysely';
import type { CheckFreshness } from '../contract/check-output.js';
import type { Database } from '../storage/schema.js';
import type { KeptParts } from './check-packed.js';

/**
 * The server's network check, kept between changes and renewed behind the answers
 * (stale-while-revalidate). Per workspace and focus (the key), the last check worked
 * out is answered from until a newer one is ready, saying so (`updating`); a request
 * that finds none yet waits for the first. One computation per key at a time: a request
 * that sees newer data while one runs asks for one more after it, however many ask.
 * A few keys at most keep a check (least recently asked out first), and each keeps
 * only what the answers read (check-packed.ts). Kept per database handle, so two data
 * folders in one process never share one.
 */
const MAX_KEPT = 3;

/**
 * Under a steady stream of writes the check would be worked out back to back, taking a
 * core from the requests for as long as the writes go on. A computation due straight after
 * another waits first REST_PER_COMPUTATION times as long as the last one took (at most
 * MAX_REST_MS), so the worker has at most about a quarter of a core while the writes go on,
 * and the answers stay at most about four computations old (some 12 s at 30,000 people).
 * Once a core in two (a rest as long as the computation), its processes and PostgreSQL's
 * reads for them were a quarter of all the CPU a request cost under PostgreSQL's mixed load
 * (issue 15). A write after a quiet spell is worked out at once, as before: only computations
 * due straight after another rest.
 */
const REST_PER_COMPUTATION = 3;
const MAX_REST_MS = 20_000;

/** A check (or what else is kept the same way: the map's bytes) worked out from one version of the data (storage/data-version.ts). */
export interface KeptCheck<T = KeptParts> {
  version: string;
  /** When its data was read (ISO time). */
  workedOutAt: string;
  check: T;
}


export interface ServedCheck<T = KeptParts> {
  check: T;
  freshness: CheckFreshness;
}

interface Slot<T = unknown> {
  kept: KeptCheck<T> | null;
  /** The computation under way (or the rest before the one due next): settles with its failure, or null; never rejects, so nobody need listen. */
  running: Promise<unknown> | null;
  /** The newest version a request saw while a computation ran: one more is due after it unless it caught up. */
  newest: string | null;
  /** How the last request said to work the check out (its context). */
  work: () => Promise<KeptCheck<T>>;
  computations: number;
}

const slotsByDatabase = new WeakMap<Kysely<Database>, Map<string, Slot>>();

function slotOf<T>(db: Kysely<Database>, key: string, work: () => Promise<KeptCheck<T>>): Slot<T> {
  let slots = slotsByDatabase.get(db);
  if (!slots) slotsByDatabase.set(db, (slots = new Map()));
  // A key names what is kept under it (the check, the map), so its slot holds that one kind.
  const slot = (slots.get(key) as Slot<T> | undefined) ?? { kept: null, running: null, newest: null, work, computations: 0 };
  slot.work = work;
  // Most recently asked last: a Map keeps insertion order.
  slots.delete(key);
  slots.set(key, slot);
  return slot;
}

function start<T>(db: Kysely<Database>, key: string, slot: Slot<T>): void {
  slot.newest = null;
  slot.computations += 1;
  const startedAt = performance.now();
  slot.running = slot.work().then(
    (kept) => {
      slot.kept = kept;
      forgetOldest(db);
      return null;
    },
    (error: unknown) => error,
  );
  void slot.running.then((failure) => {
    slot.running = null;
    if (failure !== null) {
      // The answers go on from the check kept, if any; the next request tries again.
      if (slot.kept) console.error(failure);
      return;
    }
    if (slot.newest !== null && slot.newest !== slot.kept?.version) restThenStart(db, key, slot, performance.now() - startedAt);
  });
}

/** The next computation, due at once after one that took `tookMs`, after a rest (see REST_PER_COMPUTATION); answers meanwhile say `updating`. */
function restThenStart<T>(db: Kysely<Database>, key: string, slot: Slot<T>, tookMs: number): void {
  const rest = new Promise<null>((resolve) => {
    // Unreferenced: a rest never keeps a process alive that has nothing else to do.
    setTimeout(resolve, Math.min(tookMs * REST_PER_COMPUTATION, MAX_REST_MS), null).unref();
  });
  slot.running = rest;
  void rest.then(() => start(db, key, slot));
}

/** Keeps MAX_KEPT checks at most: the least recently asked go first, unless being worked out. */
function forgetOldest(db: Kysely<Database>): void {
  const slots = slotsByDatabase.get(db);
  if (!slots) return;
  let keeping = [...slots.values()].filter((s) => s.kept).length;
  for (const [key, slot] of slots) {
    if (keeping <= MAX_KEPT) break;
    if (slot.running || !slot.kept) continue;
    slots.delete(key);
    keeping -= 1;
  }
}

/**
 * The check for `key` at data `version`: the kept one when it is of this version; else
 * the kept one all the same, marked updating, while a newer one is worked out; else
 * (none kept yet) the first one, waited for. `work` reads the data's version and works
 * the check out from data at least that new.
 */
export async function serveKept<T>(db: Kysely<Database>, key: string, version: string, work: () => Promise<KeptCheck<T>>): Promise<ServedCheck<T>> {
  const slot = slotOf(db, key, work);
  if (slot.kept?.version !== version) {
    if (slot.running) slot.newest = version;
    else start(db, key, slot);
  }
  if (!slot.kept) {
    const failure = await slot.running;
    if (failure !== null && failure !== undefined) throw failure;
  }
  const kept = slot.kept;
  if (!kept) throw new Error('the check was worked out but not kept');
  return { check: kept.check, freshness: { dataVersion: kept.version, workedOutAt: kept.workedOutAt, updating: slot.running !== null } };
}

/** What the keeper has done for `key`, for tests: how many computations it started, and whether one runs. */
export function checkKeeperState(db: Kysely<Database>, key: string): { computations: number; running: boolean; keptVersion: string | null } | null {
  const slot = slotsByDatabase.get(db)?.get(key);
  return slot ? { computations: slot.computations, running: slot.running !== null, keptVersion: slot.kept?.version ?? null } : null;
}

/** Waits until no computation runs for `key` (none due after it either). */
export async function checkKeeperSettled(db: Kysely<Database>, key: string): Promise<void> {
  for (;;) {
    const slot = slotsByDatabase.get(db)?.get(key);
    if (!slot?.running) return;
    await slot.running;
    // The computation's own follow-up (one more, when newer data was seen) starts as it settles.
    await Promise.resolve();
  }
}
