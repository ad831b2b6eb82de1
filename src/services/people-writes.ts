import type { Kysely } from 'kysely';
import type { KeysWritten } from '../core/listing-placement.js';
import type { Database } from '../storage/schema.js';
import { pageRowsWritten } from '../storage/page-rows-kept.js';

/**
 * A committed write to a few people that says what it wrote (inTransactionOnPeople, context.ts),
 * told to whoever keeps answers worked out from the data (server/answer-cache.ts), so that what
 * it kept and the write did not touch can stay: the data went from version `before` to `after`
 * (storage/data-version.ts) by this write alone, and it wrote only rows of `personIds` and what
 * belongs to them alone (PERSON_LOCAL), named as `written`.
 */
export interface PeopleWritten {
  /** The database handle the write went through: a kept answer read through another is not told. */
  db: Kysely<Database>;
  workspaceId: string;
  personIds: readonly string[];
  /** What it wrote, in listingVersion's names (`people.stage`, `exchanges`). */
  written: ReadonlySet<string>;
  /** Each of `personIds`' stage, next contact and last exchange before and after it (core/listing-placement.ts). */
  keys: ReadonlyMap<string, KeysWritten>;
  before: string;
  after: string;
}

/**
 * What a write to a few people may write and still be told as one: columns of their rows, and
 * tables whose rows belong to them alone (a new exchange among them, its follow-ups, their dates
 * and channels, the plan's targets among them met by it: only the plan reads those, and it says
 * nothing of what it depends on). A membership, a goal link or a tie written changes what other people's answers
 * show (a network's members, a goal's people), so such a write is not told: every kept answer
 * is worked out again, as after any write.
 */
const PERSON_LOCAL_TABLES = new Set(['exchanges', 'exchange_people', 'exchange_gives', 'exchange_receives', 'follow_ups', 'person_dates', 'contact_points', 'plan_targets']);

export function onlyPersonLocal(written: ReadonlySet<string>): boolean {
  return [...written].every((name) => name.startsWith('people.') || PERSON_LOCAL_TABLES.has(name));
}

type Listener = (write: PeopleWritten) => void;
/** Per database handle, so a test's server forgets its listeners with its database. */
const listeners = new WeakMap<Kysely<Database>, Set<Listener>>();

/** Calls `listener` after each told write through `db`; gives back a function that stops it. */
export function onPeopleWritten(db: Kysely<Database>, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function tellPeopleWritten(write: PeopleWritten): void {
  // The people's kept page rows first (storage/page-rows-kept.ts): an answer worked out after this reads theirs again.
  pageRowsWritten(write.db, write.workspaceId, write.personIds, write.before, write.after);
  for (const listener of listeners.get(write.db) ?? []) listener(write);
}
