import { setFlagsFromString } from 'node:v8';

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
