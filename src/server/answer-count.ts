import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * For measuring (scripts/bench-api.mjs --kept): with WAGGLE_ANSWER_COUNT=FILE, every GET the kept
 * answers could serve (answer-cache.ts) is counted by the shape of its address and by how it was
 * answered, and the counts are written to FILE twice a second and once more as the process exits. A
 * mixed read/write run's reads cost what the answers worked out anew cost, so this says which kinds
 * of page are worked out, and why: nothing was kept for the address yet, or what was kept was older
 * than the data and a write since touched it. Off unless asked: a count is a string built and a map
 * updated per request. The requests' process and thread only, as statement-count.ts.
 */
const INTERVAL_MS = 500;
/**
 * The most shapes counted one by one; the rest under OTHER_SHAPES. The shape is read from the address
 * before the route checks its parameters, so a client sending made-up parameter names would otherwise
 * make a new shape, and grow the counts, with every request.
 */
export const MAX_SHAPES = 500;
export const OTHER_SHAPES = '(other shapes)';

/** How a GET that could be kept was answered. */
export type AnswerOutcome =
  /** Sent as kept, under the data's version. */
  | 'kept'
  /** Sent as kept under an older version: every write since told what it wrote, and none touched it. */
  | 'keptAcrossWrites'
  /** Sent the answer another request was working out for the same address and version. */
  | 'shared'
  /** Worked out: nothing kept for the address (never asked, or let go for the budget). */
  | 'workedOutNoneKept'
  /** Worked out: what was kept was older than the data, and a write since touched it or did not say what it wrote. */
  | 'workedOutOutdated'
  /** Worked out by a read that names its version (a person's page, some listings), nothing kept for it. */
  | 'workedOutSeeing';

export interface AnswerCounter {
  count(pathname: string, search: URLSearchParams, outcome: AnswerOutcome): void;
}

/** The parameters whose values say which kind of page it is (a sort, the due filter); of the rest only the names count. */
const TELLING_VALUES = new Set(['sort', 'due']);

/**
 * An address's shape: its path with the id of a person, network or goal as `:id`, and its query's
 * parameter names in order, with the value of those that name a kind of page. Ten thousand people's
 * pages are one shape; a page by next contact and one by name are two.
 */
export function answerShape(pathname: string, search: URLSearchParams): string {
  const path = pathname.replace(/^(\/api\/(?:people|networks|goals))\/[^/]+$/, '$1/:id');
  const names = [...new Set(search.keys())].sort();
  const query = names.map((name) => (TELLING_VALUES.has(name) ? `${name}=${search.get(name)}` : name)).join('&');
  return query ? `${path}?${query}` : path;
}

/** A counter that writes its counts to `file` twice a second while they change, and when asked (`write`). */
export function fileAnswerCounter(file: string): AnswerCounter & { write(): void; stop(): void } {
  const counts = new Map<string, Record<string, number>>();
  let total = 0;
  let written = -1;
  const write = () => writeFileSync(file, JSON.stringify({ total, byShape: Object.fromEntries(counts) }));
  const timer = setInterval(() => {
    if (written === total) return;
    written = total;
    write();
  }, INTERVAL_MS).unref();
  return {
    count(pathname, search, outcome) {
      total += 1;
      const named = answerShape(pathname, search);
      const shape = counts.has(named) || counts.size < MAX_SHAPES ? named : OTHER_SHAPES;
      let outcomes = counts.get(shape);
      if (!outcomes) counts.set(shape, (outcomes = {}));
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    },
    write,
    stop: () => clearInterval(timer),
  };
}

let shared: AnswerCounter | null | undefined;

/** The process's counter when WAGGLE_ANSWER_COUNT names a file, else null. */
export function answerCounter(env: NodeJS.ProcessEnv = process.env): AnswerCounter | null {
  if (shared !== undefined) return shared;
  const file = env.WAGGLE_ANSWER_COUNT;
  if (!file || !isMainThread || process.send !== undefined) return (shared = null);
  const counter = fileAnswerCounter(file);
  // And once more as the process ends, after the last tick.
  process.on('exit', counter.write);
  return (shared = counter);
}
