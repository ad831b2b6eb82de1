import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * For measuring (scripts/bench-api.mjs --statements): with WAGGLE_STATEMENT_COUNT=FILE (or its older
 * name WAGGLE_PG_STATEMENT_COUNT), every statement a PostgreSQL connection sends (each one a round trip:
 * pg sends one at a time) or SQLite runs (storage/sqlite.ts; begin and commit included) is counted
 * under the start of its text, and the counts are written to FILE twice a second, so the bench can
 * say how many statements, and which, a request of each kind costs. Off unless asked: counting
 * costs a map update per statement. Written once more as the process exits, so a command line
 * (WAGGLE_STATEMENT_COUNT=FILE waggle import …) leaves its whole count. The requests' process and
 * thread only: the check's own process (forked with a channel to its parent,
 * services/process-job.ts) and worker threads load this module too, with the same environment,
 * and would write over the file with their own counts.
 */
const INTERVAL_MS = 500;
/** Enough of a text to tell the statements apart; the rest is the same columns again. */
const KEY_LENGTH = 120;

export interface StatementCounter {
  count(text: string): void;
  /** Adds ms spent running a statement of this text (SQLite: the native call, on the requests' thread). */
  time(text: string, ms: number): void;
}

let shared: StatementCounter | null | undefined;

/** The process's counter when WAGGLE_STATEMENT_COUNT (or WAGGLE_PG_STATEMENT_COUNT) names a file, else null. */
export function statementCounter(env: NodeJS.ProcessEnv = process.env): StatementCounter | null {
  if (shared !== undefined) return shared;
  const file = env.WAGGLE_STATEMENT_COUNT ?? env.WAGGLE_PG_STATEMENT_COUNT;
  if (!file || !isMainThread || process.send !== undefined) return (shared = null);
  const counts = new Map<string, number>();
  const durations = new Map<string, number>();
  let total = 0;
  let written = -1;
  const write = () => writeFileSync(file, JSON.stringify({ total, byText: Object.fromEntries(counts), msByText: Object.fromEntries(durations) }));
  setInterval(() => {
    if (written === total) return;
    written = total;
    write();
  }, INTERVAL_MS).unref();
  // And once more as the process ends: a command line's import is over in two seconds, its last
  // statements (the COMMIT, timed) after the last tick.
  process.on('exit', write);
  const keyOf = (text: string) => text.replace(/\s+/g, ' ').slice(0, KEY_LENGTH);
  return (shared = {
    count(text) {
      total += 1;
      const key = keyOf(text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    time(text, ms) {
      const key = keyOf(text);
      durations.set(key, (durations.get(key) ?? 0) + ms);
    },
  });
}
