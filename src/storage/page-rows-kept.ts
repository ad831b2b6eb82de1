import type { Kysely } from 'kysely';
import { ByteBudgetLru } from '../core/byte-budget.js';
import type { Database } from './schema.js';

/*
 * SQLite: people as a page of a listing shows them (people-page.ts), kept between the pages that
 * show them, per database handle and workspace (within one budget a handle), valid at one version of
 * the data (data-version.ts).
 * A page of a kept order whose answer was not kept (a new offset, a page a write touched) read its
 * fifty people again, their rows and channels built as JSON by SQLite and parsed here, though most
 * had not changed: under the mixed read/write run at 30,000 people the costliest statement on the
 * requests' thread, and the parse as much again. Now only the people not kept are read.
 *
 * Never older than the version they are kept under: a reader keeps what it read only while the
 * version it read first is still the one kept (what it read may be newer than that version, never
 * older). A write to a few people that is told (services/people-writes.ts) moves the kept people on
 * to its version with its own people dropped; any other change of version (any other write, another
 * process's commit) empties them at the next read.
 *
 * What is kept is handed to every page that shows it: the caller freezes it, so that a change made
 * to one page's person fails loudly instead of showing on the next page.
 */

/**
 * What the kept people may weigh, all workspaces of a database handle together, by their callers'
 * estimate (a person about 1 KB parsed: some 7,500 people); the workspace read least recently goes
 * first. At 16 MB the mixed run at 30,000 people read as many a second and its server's peak RSS was
 * 278 MB against 263 at 8 (one run each), where issue 15 asks under 300.
 */
export const PAGE_ROWS_MAX_BYTES = 8 * 1024 * 1024;

interface KeptRows<T> {
  version: string;
  rows: ByteBudgetLru<string, T>;
}

/** Per handle, each workspace's kept people, weighed as what they hold (reweighed as they grow). */
const kept = new WeakMap<Kysely<Database>, ByteBudgetLru<string, KeptRows<unknown>>>();

function keptFor(db: Kysely<Database>): ByteBudgetLru<string, KeptRows<unknown>> {
  let byWorkspace = kept.get(db);
  if (!byWorkspace) kept.set(db, (byWorkspace = new ByteBudgetLru(PAGE_ROWS_MAX_BYTES)));
  return byWorkspace;
}

/** A workspace's own budget: the whole, less room for its entry in the handle's, so that it alone never outweighs it. */
const WORKSPACE_MAX_BYTES = PAGE_ROWS_MAX_BYTES - 1024;

/** The kept people valid at `version`: emptied first if they were kept under another. */
function rowsAt<T>(db: Kysely<Database>, workspaceId: string, version: string): KeptRows<T> {
  const byWorkspace = keptFor(db);
  const held = byWorkspace.get(workspaceId) as KeptRows<T> | undefined;
  if (held && held.version === version) return held;
  const fresh: KeptRows<T> = { version, rows: new ByteBudgetLru<string, T>(WORKSPACE_MAX_BYTES) };
  byWorkspace.set(workspaceId, fresh as KeptRows<unknown>, 0);
  return fresh;
}

/** One person read: its id, what is kept of it, and what that weighs. */
export interface RowRead<T> {
  id: string;
  value: T;
  bytes: number;
}

/**
 * What is kept of each of `ids`, or read by `read` (given the ids not kept, in any order), in the
 * order of `ids`; an id neither kept nor read (no such person) is left out. `version` is the data's
 * version, read before anything else.
 */
export async function pageRowsKept<T>(db: Kysely<Database>, workspaceId: string, version: string, ids: readonly string[], read: (missing: readonly string[]) => Promise<readonly RowRead<T>[]>): Promise<T[]> {
  const at = rowsAt<T>(db, workspaceId, version);
  // Looked at without moving them to the back of the line: the people read longest ago go first, not those
  // shown longest ago. Moving each of fifty people on every page cost about twice the looking (two profiles of
  // the mixed run: 0.29 s in 20 s moving, 0.23 s in 30 s looking).
  const values = ids.map((id) => at.rows.peek(id));
  const missing = ids.filter((_, i) => values[i] === undefined);
  if (missing.length) {
    const fresh = await read(missing);
    // Kept only if nothing moved the version on meanwhile: what was read after a write is never kept under the version before it.
    const byWorkspace = keptFor(db);
    const keep = byWorkspace.peek(workspaceId) === at && at.version === version;
    const byId = new Map<string, T>();
    for (const { id, value, bytes } of fresh) {
      byId.set(id, value);
      if (keep) at.rows.set(id, value, bytes);
    }
    // The workspace weighs what it holds now: past the handle's budget, the workspaces read longest ago go.
    if (keep) byWorkspace.reweigh(workspaceId, at.rows.bytes);
    ids.forEach((id, i) => {
      if (values[i] === undefined) values[i] = byId.get(id);
    });
  }
  return values.filter((value): value is T => value !== undefined);
}

/** A committed write to `personIds` alone, the data going from `before` to `after` by it: their people dropped, the rest kept under `after`. */
export function pageRowsWritten(db: Kysely<Database>, workspaceId: string, personIds: readonly string[], before: string, after: string): void {
  const byWorkspace = kept.get(db);
  const held = byWorkspace?.peek(workspaceId);
  if (!byWorkspace || !held) return;
  // Kept under another version (a write went untold since): nothing kept can be vouched for.
  if (held.version !== before && held.version !== after) {
    byWorkspace.delete(workspaceId);
    return;
  }
  for (const id of personIds) held.rows.delete(id);
  held.version = after;
  byWorkspace.reweigh(workspaceId, held.rows.bytes);
}
