import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

/**
 * For measuring (scripts/bench-api.mjs --write-sections): with WAGGLE_WRITE_SECTIONS=FILE, the time
 * writes to a few people spend waiting for their turn and in their section (services/context.ts), on
 * PostgreSQL part by part (storage/people-list-patch.ts), summed by part, and the requests' thread's
 * delay (how long a callback that is due waits for the thread), window by window, written to FILE twice
 * a second.
 *
 * Why: those writes hold the workspace's counter locked one at a time (data-version.ts,
 * oneLockingWriteAtATime), so one write's section bounds how many writes a second the workspace takes,
 * whatever the processor has to spare; in the mixed run, one request in ten a write, the reads a second
 * are nine times that. Each round trip inside the section waits its turn on the requests' thread, which
 * the delay shows. Off unless asked; the requests' process and thread only (as statement-count.ts).
 */
const INTERVAL_MS = 500;
/** How many of the thread's delay windows are kept in the file: two minutes of them. */
const WINDOWS_KEPT = 240;

/**
 * The parts of a write to a few people (inTransactionOnPeople), in order: waiting for the write before it to end,
 * then the section itself, part by part (PostgreSQL: the lock's round trip, the write's own statements, the
 * round trip of its last read and COMMIT, and moving what was kept on after it), and whole. SQLite's writes,
 * one at a time on the one connection, have a turn and a section only.
 */
export type WritePart = 'turn' | 'lock' | 'statements' | 'commit' | 'after' | 'section';

export interface WriteSectionTimer {
  add(part: WritePart, ms: number): void;
}

let shared: WriteSectionTimer | null | undefined;

/** The process's timer when WAGGLE_WRITE_SECTIONS names a file, else null. */
export function writeSectionTimer(env: NodeJS.ProcessEnv = process.env): WriteSectionTimer | null {
  if (shared !== undefined) return shared;
  const file = env.WAGGLE_WRITE_SECTIONS;
  if (!file || !isMainThread || process.send !== undefined) return (shared = null);
  const parts: Partial<Record<WritePart, { count: number; ms: number }>> = {};
  const windows: { at: number; meanMs: number; p50Ms: number; p99Ms: number }[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const write = () => writeFileSync(file, JSON.stringify({ parts, loopDelay: windows }));
  setInterval(() => {
    windows.push({ at: Date.now(), meanMs: delay.mean / 1e6, p50Ms: delay.percentile(50) / 1e6, p99Ms: delay.percentile(99) / 1e6 });
    if (windows.length > WINDOWS_KEPT) windows.shift();
    delay.reset();
    write();
  }, INTERVAL_MS).unref();
  // And once more as the process ends: a command line's write is over before the first tick.
  process.on('exit', write);
  return (shared = {
    add(part, ms) {
      const sum = (parts[part] ??= { count: 0, ms: 0 });
      sum.count += 1;
      sum.ms += ms;
    },
  });
}

/** Times one part when measuring: `const done = startPart('lock'); …; done();` (nothing when not measuring). */
export function startPart(part: WritePart): () => void {
  const timer = writeSectionTimer();
  if (!timer) return noop;
  const start = performance.now();
  return () => timer.add(part, performance.now() - start);
}

const noop = () => {};
