import type SqliteDatabase from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * SQLite: a write transaction's `begin immediate` that finds the file's write lock held by another
 * process (a command-line import beside a running server) waits without holding this process's
 * thread or its one connection. better-sqlite3 waits for the lock in SQLite's busy handler, inside a
 * synchronous call: the server's event loop stood still for as long as the other write ran, every
 * request with it (a read of a people page waited 740 ms behind a 30,000-row import run from the
 * command line, the whole import). Here the lock is asked for without a wait; while another holds it,
 * the connection is handed back for the reads and this write asks again a few milliseconds later, for
 * as long as the connection's own busy timeout (10 s; SQLITE_BUSY_TIMEOUT_MS), then fails with
 * SQLite's SQLITE_BUSY as before (driver-errors.ts: 503 unavailable, nothing written).
 */

/** The first wait between two asks, and the longest: doubled from one to the other. */
const FIRST_WAIT_MS = 1;
const LONGEST_WAIT_MS = 25;

/** SQLite's SQLITE_BUSY (or one of its extended codes), as the driver threw it or as the store told it (its cause: driver-errors.ts). */
function isBusy(error: unknown): boolean {
  const busy = (value: unknown) => value instanceof Error && /^SQLITE_BUSY/.test(String((value as Error & { code?: unknown }).code));
  return busy(error) || (error instanceof Error && busy(error.cause));
}

/** How the connection is held: given back while this waits, and taken again before it asks once more. */
export interface HeldConnection {
  handBack(): Promise<void>;
  takeAgain(): Promise<void>;
}

/**
 * Runs `begin` (a `begin immediate` on the connection `held`, to `database`), waiting for another
 * process's write lock as above. On failure the connection is held again, as it was when this was called.
 */
export async function beginImmediateWithoutBlocking(database: SqliteDatabase.Database, begin: () => Promise<unknown>, held: HeldConnection, now: () => number = () => performance.now()): Promise<void> {
  let deadline: number | null = null;
  let wait = FIRST_WAIT_MS;
  for (;;) {
    const timeout = Number(database.pragma('busy_timeout', { simple: true }));
    deadline ??= now() + timeout;
    database.pragma('busy_timeout = 0');
    try {
      await begin();
      return;
    } catch (error) {
      // The last ask fails as SQLite's own wait would have: the caller turns it into "try again".
      if (!isBusy(error) || now() >= deadline) throw error;
    } finally {
      database.pragma(`busy_timeout = ${timeout}`);
    }
    await held.handBack();
    try {
      await sleep(Math.min(wait, Math.max(0, deadline - now())));
    } finally {
      await held.takeAgain();
    }
    wait = Math.min(wait * 2, LONGEST_WAIT_MS);
  }
}
