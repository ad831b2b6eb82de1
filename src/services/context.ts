import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dayFinder, type IsoDate } from '../core/dates.js';
import { patchListingsAround, rowsOfRead, type PatchedWrite, type PeopleChange } from '../storage/people-list-patch.js';
import { oneLockingWriteAtATime } from '../storage/data-version.js';
import { startPart } from '../storage/write-sections.js';
import { writerFor } from '../storage/write-connections.js';
import type { Database } from '../storage/schema.js';
import { onlyPersonLocal, tellPeopleWritten } from './people-writes.js';

/** Where "now" comes from; injected so tests can stand on a fixed day. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Makes ids for new records; injected so tests can predict them. */
export type IdGenerator = (prefix: IdPrefix) => string;
export type IdPrefix = 'per' | 'net' | 'goal' | 'need' | 'ex' | 'fu' | 'intro' | 'tgt' | 'tpl' | 'shr' | 'acct' | 'ws' | 'ses' | 'tok' | 'inv' | 'fail' | 'team' | 'tinv' | 'tgoal' | 'treq' | 'tpost';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random bytes drawn 4 KB at a time: one system call per 400 ids, not one per id (an import makes 30,000). */
const POOL_BYTES = 4000;
let pool = randomBytes(POOL_BYTES);
let used = 0;

/** The alphabet's character codes. */
const ALPHABET_CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Per prefix, the character codes of an id, the prefix and `_` filled in: the rest written over for each id. */
const idCodes = new Map<string, number[]>();

/**
 * Short random ids such as `per_7k2m9q4xtr`: easy to type on the command line, 50 bits of randomness.
 * Each is made as one string from its character codes, where appending ten characters one at a
 * time made a string for each and a last one over them to be copied whole when first compared
 * or bound (an import makes 30,000 ids and sorts them: issue 15).
 */
export const randomIds: IdGenerator = (prefix) => {
  if (used + 10 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  let codes = idCodes.get(prefix);
  if (!codes) idCodes.set(prefix, (codes = [...Array.from(prefix, (c) => c.charCodeAt(0)), 0x5f, ...new Array<number>(10).fill(0)]));
  const at = codes.length - 10;
  for (let i = 0; i < 10; i++) codes[at + i] = ALPHABET_CODES[(pool[used + i] as number) & 31]!;
  used += 10;
  return String.fromCharCode.apply(null, codes);
};

/** Ids counting up from 1, for tests. */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}_${String(next).padStart(4, '0')}`;
  };
}

/** What every service needs: the database, the workspace it acts in, the clock and the id maker. */
export interface ServiceContext {
  db: Kysely<Database>;
  workspaceId: string;
  clock: Clock;
  ids: IdGenerator;
  /** The time zone whose calendar says what day it is. */
  timeZone: string;
}

export function nowTimestamp(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}

/** One day finder per zone: each request asks what day it is a few times, and formatting the instant each time was a few percent of a busy server's time. */
const dayFinders = new Map<string, (ms: number) => IsoDate>();

export function today(ctx: Pick<ServiceContext, 'clock' | 'timeZone'>): IsoDate {
  let find = dayFinders.get(ctx.timeZone);
  if (!find) dayFinders.set(ctx.timeZone, (find = dayFinder(ctx.timeZone)));
  return find(ctx.clock.now().getTime());
}

/** Runs `work` in one transaction, the open one if there is one: all of it is stored or none, and what it reads is one consistent picture. */
export function inTransaction<T>(ctx: ServiceContext, work: (trx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}

/**
 * inTransaction for a write that changes a few people's rows (`change`: whose, which columns
 * of `people` it may write, and what it reads first: `work` gets it from `readFirst`): the kept people listings are patched for them before it commits
 * (storage/people-list-patch.ts), not read again whole after it. Inside an open transaction, or
 * for many people, it is inTransaction. Once committed, what it wrote is told (people-writes.ts), so
 * that kept answers it did not touch stay kept.
 */
export async function inTransactionOnPeople<T, R = never>(ctx: ServiceContext, change: PeopleChange<R>, work: (trx: ServiceContext, readFirst: () => Promise<R[]>) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) {
    const first = change.readFirst?.(ctx.db);
    return work(ctx, async () => (first ? rowsOfRead(ctx.db, first) : []));
  }
  const root = ctx.db;
  let patched: PatchedWrite | null = null;
  // One at a time per workspace on PostgreSQL, queued before taking a connection (oneLockingWriteAtATime): begun while
  // the write before runs, its first statement (the lock) sent once that write has ended.
  let endOwing = (_refused: boolean) => {};
  const result = await oneLockingWriteAtATime(root, ctx.workspaceId, async (turn, letNextBegin) => {
    try {
      // On PostgreSQL a connection of the writes' own pool (write-connections.ts): never waiting for the reads to give one back.
      let sectionTimed = () => {};
      const committed = await writerFor(root).transaction().execute(async (trx) => {
        const turnTimed = startPart('turn');
        await turn;
        turnTimed();
        sectionTimed = startPart('section');
        // Ours to run: the next write may take its connection and begin, to lock the moment this one ends.
        letNextBegin();
        const done = await patchListingsAround(
          root,
          trx,
          ctx.workspaceId,
          change,
          (readFirst) => work({ ...ctx, db: trx }, readFirst),
          (write) => (patched = write),
          (end) => (endOwing = end),
        );
        return done;
      });
      endOwing(false);
      sectionTimed();
      return committed;
    } catch (error) {
      // Rolled back (refused at COMMIT, or failed before it): what the kept listings were left owing is taken back,
      // before the next write may lock (its turn comes once this settles).
      endOwing(true);
      throw error;
    }
  });
  // Told after the commit, never for a write that rolled back: what is kept under `after` must be what a reader then sees.
  const told = patched as PatchedWrite | null;
  if (told && onlyPersonLocal(told.written)) tellPeopleWritten({ db: root, workspaceId: ctx.workspaceId, ...told });
  return result;
}
