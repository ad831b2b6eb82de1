import type { MiddlewareHandler } from 'hono';
import { today, type ServiceContext } from '../services/context.js';
import { atDataVersion, atDataVersionSeen, currentDataVersion, listingSeesVersion } from '../services/data-version.js';
import { onPeopleWritten, type PeopleWritten } from '../services/people-writes.js';
import { dependenciesOf, touches, type AnswerDependencies } from './answer-dependencies.js';
import { answerCounter, type AnswerCounter, type AnswerOutcome } from './answer-count.js';
import { bytesSent, jsonBytesAnswer } from './gzip.js';
import { ByteBudgetLru, heldBytes, idsBytes, ownBytes, stringBytes } from '../core/byte-budget.js';

/**
 * The reads a page repeats (a page of people, a person, what is due, the plan), answered
 * once per version of the data and kept, zipped as sent, for the requests that ask the
 * same until anything is written. The version (storage/data-version.ts) changes with
 * every write through this server and every commit by another process (the CLI on the
 * same SQLite file) or another server (PostgreSQL), and it is read before the answer is
 * worked out, so a kept answer is never older than its version. The key holds the
 * workspace, today's date in its time zone (what is due moves at midnight), the whole
 * URL and whether the client takes gzip. Only successful JSON answers are kept, each at
 * most MAX_ENTRY_BYTES, and the whole (bodies, keys and headers, core/byte-budget.ts) at most
 * MAX_BYTES, least recently used out first.
 *
 * One computation per key and version: after a write every kept answer is old at once, and
 * the fifty clients of a busy page would each work the same answer out together. The first
 * works it out; those asking the same meanwhile wait for its bytes (or, if it is not one to
 * keep, an error say, work their own out).
 *
 * Kept across a write that does not touch it: a write to a few people that says what it wrote
 * (services/people-writes.ts) moves the version on by itself alone, and every answer kept under the
 * version before it whose route said what it depends on (answer-dependencies.ts), and which shows
 * none of those people and reads nothing the write wrote, is kept under the version after it. A
 * listing's page of fifty stays kept when someone else's exchange is logged; any other write, or a
 * write from another process, leaves every answer to be worked out again.
 *
 * The told writes are noted, not applied to every kept answer as they come: a write used to walk
 * all the answers kept (thousands under a mixed load, a tenth of a write's time on the requests'
 * thread), most of which were never asked for again before the next write. An answer asked for
 * under a version older than the one read walks the noted writes from its version to that one,
 * and is kept under it if none of them touches it; so the cost follows the reads, as the listings'
 * catch-up does (storage/people-list-patch.ts).
 */
/** A database handle, as the services hold it. */
type Handle = ServiceContext['db'];

export const MAX_BYTES = 24 * 1024 * 1024;
/** How many told writes are noted per handle: an answer older than the oldest of them is worked out again. */
export const MAX_TOLD_WRITES = 512;
const MAX_ENTRY_BYTES = 1024 * 1024;

/** GET routes whose answers follow from the workspace's data, today's date and the URL alone. */
const KEPT_PATHS = /^\/api\/(?:people|people\/[^/]+|due|plan|networks|networks\/[^/]+|goals|goals\/[^/]+)$/;

/**
 * GET routes answered by one read that names the version it saw (a person's page: storage/person-detail.ts),
 * and the people listings that read their version with their page (services/data-version.ts
 * listingSeesVersion: on PostgreSQL a page of a kept order). With nothing kept for the key, the version is
 * not read before (on PostgreSQL a round trip of its own): the answer is kept under the version its read
 * saw, or not at all if it named none.
 */
const VERSION_SEEN_PATHS = /^\/api\/people\/[^/]+$/;
const LISTING_PATH = '/api/people';

interface Kept {
  version: string;
  /** The handle and workspace it was read through, and what it depends on (none said: everything). */
  db?: Handle;
  workspaceId?: string;
  depends?: AnswerDependencies;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** An answer being worked out: settles with what was sent, or null when it is not one to share. */
interface Pending {
  version: string;
  answer: Promise<Kept | null>;
}

/** A kept answer's weight: the buffer behind its bytes as sent, its key, its headers and the ids of the people it depends on. */
const weightOf = (key: string, kept: Kept) =>
  heldBytes(kept.body) + stringBytes(key) + kept.headers.reduce((sum, [name, value]) => sum + stringBytes(name) + stringBytes(value), 0) + (kept.depends ? idsBytes([...kept.depends.people]) : 0);

export class AnswerCache {
  private readonly kept: ByteBudgetLru<string, Kept>;
  private readonly pending = new Map<string, Pending>();
  private readonly watched = new WeakSet<Handle>();
  /** Told writes per handle, by workspace and the version each left from (insertion order: oldest first). */
  private readonly toldWrites = new WeakMap<Handle, Map<string, PeopleWritten>>();

  constructor(maxBytes = MAX_BYTES) {
    this.kept = new ByteBudgetLru(maxBytes);
  }

  /** The answer to `key` at `version` being worked out now, if any. */
  underWay(key: string, version: string): Promise<Kept | null> | undefined {
    const pending = this.pending.get(key);
    return pending?.version === version ? pending.answer : undefined;
  }

  /** Says that `answer` is being worked out for `key` at `version`, until it settles. */
  workingOn(key: string, version: string, answer: Promise<Kept | null>): void {
    const pending = { version, answer };
    this.pending.set(key, pending);
    void answer.finally(() => {
      if (this.pending.get(key) === pending) this.pending.delete(key);
    });
  }

  /** Whether anything is kept for `key`, under whichever version. */
  holds(key: string): boolean {
    return this.kept.peek(key) !== undefined;
  }

  get(key: string, version: string): Kept | undefined {
    return this.lookup(key, version).hit;
  }

  /** The answer kept for `key` that holds at `version`, if any, and how it was found (answer-count.ts). */
  lookup(key: string, version: string): { hit?: Kept; outcome: Extract<AnswerOutcome, 'kept' | 'keptAcrossWrites' | 'workedOutNoneKept' | 'workedOutOutdated'> } {
    const hit = this.kept.get(key);
    if (!hit) return { outcome: 'workedOutNoneKept' };
    if (hit.version === version) return { hit, outcome: 'kept' };
    if (!this.untouchedUpTo(hit, version)) {
      this.kept.delete(key);
      return { outcome: 'workedOutOutdated' };
    }
    return { hit, outcome: 'keptAcrossWrites' };
  }

  /**
   * Whether the told writes lead from `kept`'s version to `version`, none of them touching it; if so it
   * is kept under `version` from now on. Any step not told (another write, another process's commit, a
   * write noted too long ago) and it is not.
   */
  private untouchedUpTo(kept: Kept, version: string): boolean {
    if (!kept.db || kept.workspaceId === undefined) return false;
    const writes = this.toldWrites.get(kept.db);
    if (!writes) return false;
    let at = kept.version;
    // Each step moves to the version a write left: at most as many steps as writes are noted.
    for (let steps = 0; at !== version && steps < MAX_TOLD_WRITES; steps++) {
      const write = writes.get(toldKey(kept.workspaceId, at));
      if (!write || touches(kept.depends, write)) return false;
      at = write.after;
    }
    if (at !== version) return false;
    kept.version = version;
    return true;
  }

  set(key: string, entry: Kept): void {
    if (entry.body.byteLength > MAX_ENTRY_BYTES) {
      this.kept.delete(key);
      return;
    }
    this.kept.set(key, entry, weightOf(key, entry));
  }

  /** A told write, noted: an answer kept under the version before it, that it does not touch, holds under the version after it (get). */
  told(write: PeopleWritten): void {
    let writes = this.toldWrites.get(write.db);
    if (!writes) this.toldWrites.set(write.db, (writes = new Map()));
    writes.set(toldKey(write.workspaceId, write.before), write);
    if (writes.size > MAX_TOLD_WRITES) writes.delete(writes.keys().next().value as string);
  }

  /** Listens for the writes told through `db`, once per handle. */
  watch(db: Handle): void {
    if (this.watched.has(db)) return;
    this.watched.add(db);
    onPeopleWritten(db, (write) => this.told(write));
  }

  get size(): number {
    return this.kept.size;
  }

  /** What is kept, by the weights the budget counts. */
  get bytes(): number {
    return this.kept.bytes;
  }
}

const toldKey = (workspaceId: string, before: string) => `${workspaceId}\u0000${before}`;

/** Not measuring: nothing to count. */
const notCounted = (_outcome: AnswerOutcome) => {};

export function keepAnswers(context: () => ServiceContext, cache = new AnswerCache(), counter: AnswerCounter | null = answerCounter()): MiddlewareHandler {
  // `counter`: off unless measuring (WAGGLE_ANSWER_COUNT, answer-count.ts).
  return async (c, next) => {
    if (c.req.method !== 'GET' || !KEPT_PATHS.test(c.req.path)) return next();
    const ctx = context();
    cache.watch(ctx.db);
    const url = new URL(c.req.url);
    const counted = counter ? (outcome: AnswerOutcome) => counter.count(url.pathname, url.searchParams, outcome) : notCounted;
    const key = `${ctx.workspaceId}\u0000${today(ctx)}\u0000${ctx.timeZone}\u0000${url.pathname}${url.search}\u0000${c.req.header('accept-encoding') ?? ''}`;
    /** What was sent, to keep under `version` if it is one to keep. */
    const keptOf = async (version: string): Promise<Kept | null> => {
      const res = c.res;
      if (res.status !== 200 || !/^application\/json\s*(?:;|$)/i.test(res.headers.get('content-type') ?? '') || res.headers.has('set-cookie')) return null;
      // A zipped answer is a view into zlib's larger chunk: kept, it holds its bytes alone.
      const body = ownBytes(bytesSent(res) ?? new Uint8Array(await res.clone().arrayBuffer()));
      const depends = dependenciesOf(c);
      return { version, db: ctx.db, workspaceId: ctx.workspaceId, ...(depends ? { depends } : {}), status: res.status, headers: [...res.headers], body };
    };
    const seesVersion = () => VERSION_SEEN_PATHS.test(url.pathname) || (url.pathname === LISTING_PATH && listingSeesVersion(ctx, url.searchParams));
    if (!cache.holds(key) && seesVersion()) {
      // Not shared with others asking the same meanwhile: its version is known only once it is read.
      counted('workedOutSeeing');
      const { version } = await atDataVersionSeen(ctx, next);
      const kept = version === undefined ? null : await keptOf(version);
      if (kept) cache.set(key, kept);
      return;
    }
    const version = await currentDataVersion(ctx);
    // Its bytes told to the zipping beside (gzip.ts), which then reads them as they are instead of out of the answer.
    const send = (kept: Kept) => jsonBytesAnswer(c.body(kept.body as Uint8Array<ArrayBuffer>, kept.status as 200, Object.fromEntries(kept.headers)), kept.body);
    const { hit, outcome } = cache.lookup(key, version);
    if (hit) {
      counted(outcome);
      return send(hit);
    }
    const underWay = cache.underWay(key, version);
    if (underWay) {
      const shared = await underWay;
      counted(shared ? 'shared' : outcome);
      if (shared) return send(shared);
      return next();
    }
    counted(outcome);
    let settle: (kept: Kept | null) => void = () => {};
    cache.workingOn(key, version, new Promise<Kept | null>((resolve) => (settle = resolve)));
    try {
      // The reads behind the answer take the version just read as theirs, instead of asking again.
      await atDataVersion(ctx, version, next);
      const kept = await keptOf(version);
      if (!kept) return;
      cache.set(key, kept);
      settle(kept);
    } finally {
      // Not kept (a failure, say) or thrown: whoever waited works their own answer out.
      settle(null);
    }
  };
}
