import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection found alive, for a server.
 * V8 sizes its next collection from how fast it collects and how fast the program allocates,
 * up to four times the live heap on a machine with memory to spare (as this one has): a server
 * that keeps ~100 MB (kept answers, listing orders, the check's parts) and answers thousands of
 * requests a second let its heap reach 500 MB of garbage not yet collected, and its resident
 * set a gigabyte. At 1.5 times, the heap after a burst of every kind of request stays near what
 * it holds, for more frequent full collections, which mostly mark on V8's helper threads.
 */
export const SERVING_HEAP_GROWING_PERCENT = 50;

/**
 * Sets the growth for the rest of the process's life. A flag V8 reads each time it sizes the next
 * collection (unlike --max-old-space-size, fixed when the heap is made), so it takes effect
 * when set at serve start, with no flag on the command line or re-exec.
 */
export function growHeapSlowly(percent = SERVING_HEAP_GROWING_PERCENT): void {
  if (!Number.isInteger(percent) || percent <= 0) throw new RangeError(`the heap's growing percent must be a positive whole number (was ${percent})`);
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Turns off V8's allocation-site pretenuring for the rest of the process's life. V8 watches which
 * places in the code allocate objects that outlive a young collection and, past a threshold,
 * allocates there straight into the old space. A server's answers all come from the same few
 * places (the framework's request, context and headers), and a burst of them in flight at once
 * (50 clients) looks long-lived; with the server's kept answers alive in the old space V8 never
 * takes the decision back. Measured at 30,000 people, 10 s of `GET /api/health` then 10 s of
 * `GET /api/due`: the old space filled with answers dead a millisecond later and a full
 * collection ran every 0.4 s (62 in those 20 s; 6 with this off), health answered 9,000-14,000
 * a second (17,000-22,000 with this off) and due's p95 grew from 5.5 to 8-12 ms. Read each time V8
 * weighs its feedback, so it takes effect when set at serve start (heap-growth.test.ts shows it).
 */
export function allocateYoungFirst(): void {
  setFlagsFromString(NO_PRETENURING);
}

/** V8's flag that allocateYoungFirst sets. */
export const NO_PRETENURING = '--no-allocation-site-pretenuring';

/** How large a server lets V8's young generation grow, a semi-space: half V8's own ceiling on this machine (16 MB). */
const SERVING_SEMI_SPACE_MB = 8;
/** V8's own growth factor for the young generation (its flag's default), put back below the cap. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

/**
 * Whether a server on this database holds its young generation at SERVING_SEMI_SPACE_MB (capYoungGeneration).
 * SQLite: yes. A request there runs through without waiting (its statements are calls on its thread), so its
 * objects are garbage within a millisecond or two, and 8 MB a semi-space holds hundreds of requests' worth.
 * PostgreSQL: no, V8's own size (16 MB a semi-space on this machine). A request there waits for its round
 * trips, under fifty clients for tens of milliseconds, and what it holds meanwhile (its request, context and
 * promises) outlived the scavenges an 8 MB young generation ran every few milliseconds: copied, promoted and
 * then marked in the old space. Measured with `--trace-gc` on pages no answer was kept for (`bench-api
 * --fresh`, 8 s, two pairs turn about): 357 and 356 µs of collection a request at 8 MB (about 700
 * scavenges and 31 full collections), 159 and 154 at 16 (about 380 and 12), and 25–36% more answers a
 * second. The larger young generation is 16 MB more of the resident set, where PostgreSQL's server peaks
 * some 50 MB under issue 15's 300 and SQLite's under 25.
 */
export const youngGenerationCapped = (database: 'sqlite' | 'postgres'): boolean => database === 'sqlite';

/** The young generation's size as V8 reports it: both semi-spaces, what it holds in memory. */
function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Holds V8's young generation at `semiSpaceMb` a semi-space for the rest of the process's life,
 * where V8 grows it to 16 MB (32 MB held, the two semi-spaces) under a server's load. At 30,000
 * people a SQLite server's peak resident memory over the bench's API run sat at 294-305 MB against
 * a ceiling of 300 (issue 15); with this, the run's peak was 276 -> 255 MB at 10 s a kind and 286 MB
 * at 30 s, with as many answers a second, and the requests' garbage still dies young (a request's
 * objects live a few milliseconds; 8 MB holds hundreds of requests' worth).
 *
 * `--max-semi-space-size` does this but is read only as V8 makes its heap, and `node bin/waggle.js`
 * passes no flags. What V8 reads each time it would grow the young generation is its growth factor:
 * so after each collection the factor is set to 1 (no growth) once the young generation is at the
 * cap, and back to V8's own while it is below it (V8 shrinks an idle server's young generation, and
 * it must be able to grow again). A collection is heard after it ends, so a young generation that
 * grows twice between two (a long synchronous burst) may pass the cap once; it then stays where it
 * is, as V8 alone would have it.
 */
export function capYoungGeneration(semiSpaceMb = SERVING_SEMI_SPACE_MB): void {
  if (!Number.isInteger(semiSpaceMb) || semiSpaceMb <= 0) throw new RangeError(`the young generation's cap must be a positive whole number of MB (was ${semiSpaceMb})`);
  const capBytes = 2 * semiSpaceMb * 2 ** 20;
  let atCap = false;
  const settle = () => {
    const reached = youngGenerationBytes() >= capBytes;
    if (reached === atCap) return;
    atCap = reached;
    setFlagsFromString(`--semi-space-growth-factor=${reached ? 1 : V8_SEMI_SPACE_GROWTH_FACTOR}`);
  };
  new PerformanceObserver(settle).observe({ entryTypes: ['gc'] });
  settle();
}
