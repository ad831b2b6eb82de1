import { readFileSync, writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Where the server's memory goes, for whoever measures it (scripts/bench-api.mjs --memory):
 * opt-in with WAGGLE_MEMORY_REPORT=FILE, after which each SIGUSR2 writes FILE with
 * process.memoryUsage(), V8's heap spaces and the kernel's split of the resident set
 * (anonymous memory: heaps and malloc; file-backed: the program, libraries and any mapped
 * database), then the same again after a full garbage collection (`afterGc`): a heap that is large
 * before and small after is garbage V8 has not yet collected (old space grows lazily), one that
 * stays large is held. For what holds it, Node's own `--heapsnapshot-signal=SIGUSR1` (in
 * NODE_OPTIONS) writes a snapshot for Chrome's memory tool (or scripts/heap-summary.mjs).
 */
export interface MemoryBreakdown {
  /** All in MB, one decimal. */
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** The resident set the kernel counts as anonymous (heaps, malloc) and as file-backed. */
  rssAnon: number | null;
  rssFile: number | null;
  /** Each V8 space's used and committed size. */
  heapSpaces: Record<string, { used: number; size: number }>;
}

/** What SIGUSR2 writes: the breakdown as found, and after a full collection. */
export interface MemoryReport extends MemoryBreakdown {
  afterGc: MemoryBreakdown;
}

const mb = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

/** The kernel's RssAnon and RssFile (Linux only; null elsewhere), in bytes. */
function residentSplit(): { anon: number | null; file: number | null } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string) => {
      const found = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status);
      return found ? Number(found[1]) * 1024 : null;
    };
    return { anon: kb('RssAnon'), file: kb('RssFile') };
  } catch {
    return { anon: null, file: null };
  }
}

export function memoryBreakdown(): MemoryBreakdown {
  const usage = process.memoryUsage();
  const split = residentSplit();
  const heapSpaces: MemoryBreakdown['heapSpaces'] = {};
  for (const space of getHeapSpaceStatistics()) heapSpaces[space.space_name] = { used: mb(space.space_used_size), size: mb(space.space_size) };
  return {
    rss: mb(usage.rss),
    heapTotal: mb(usage.heapTotal),
    heapUsed: mb(usage.heapUsed),
    external: mb(usage.external),
    arrayBuffers: mb(usage.arrayBuffers),
    rssAnon: split.anon === null ? null : mb(split.anon),
    rssFile: split.file === null ? null : mb(split.file),
    heapSpaces,
  };
}

let fullCollection: (() => void) | null = null;

/**
 * V8's full, synchronous collection. The server does not run with --expose-gc (nothing else
 * should collect by hand), so the flag is set when first asked for, which only the memory
 * report does, and `gc` taken from a fresh context, where the flag has made it a global.
 */
export function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/** The breakdown now, then after a full collection. */
export function memoryReport(): MemoryReport {
  const found = memoryBreakdown();
  collectGarbage();
  return { ...found, afterGc: memoryBreakdown() };
}

/** With WAGGLE_MEMORY_REPORT set, writes the report there on each SIGUSR2 (see above). Returns how to stop. */
export function reportMemoryOnSignal(env: NodeJS.ProcessEnv = process.env): () => void {
  const file = env.WAGGLE_MEMORY_REPORT;
  if (!file) return () => {};
  const write = () => writeFileSync(file, `${JSON.stringify(memoryReport())}\n`);
  process.on('SIGUSR2', write);
  return () => process.off('SIGUSR2', write);
}
