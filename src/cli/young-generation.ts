import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation at the size it starts with (a 1 MB semi-space) for the rest of
 * this process. A command that reads the whole map once and prints it (`waggle check`) keeps
 * almost everything it allocates until it ends: V8, seeing so much survive each scavenge, grows
 * the young generation to 16 MB a semi-space, and each scavenge then copies megabytes of
 * survivors out of the processor's cache. Kept small, the survivors are promoted a few at a time
 * while they are still in the cache (measured on `waggle check --json` at 5,000 people, whole
 * process, in pairs against the unchanged command: about 10% less CPU, peak RSS 144 -> 119 MB).
 * `node --max-semi-space-size` says the same but is read only as node
 * starts, and `node bin/waggle.js` passes no flags; the growth factor is read each time the
 * young generation would grow, so setting it here takes effect (young-generation.test.ts holds it to that).
 * Not for `waggle serve`: a server's requests make short-lived garbage that a larger young generation lets die young.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Lets V8's old generation grow to seven times what a full collection leaves alive, where V8's
 * own factor is at most four, for a command that keeps what it reads to the end (`waggle import`:
 * every record, planned person and line until the rows are written). Grown by V8's factor, the
 * heap of a 30,000-row LinkedIn import met its limit when the plan was half made, and V8 marked
 * all 64 MB of it to free 6 MB: 21-28 ms. With this, one early full collection (at about 16 MB)
 * and none after (whole process 0.968 of the time and CPU, 30 runs in turn, peak RSS 164 -> 168
 * MB). The factor is read at each full collection, so setting it here takes effect
 * (young-generation.test.ts holds it to that). V8's ceiling on the heap still holds: a larger
 * file meets full collections as it nears that ceiling, as before.
 */
export function letOldGenerationGrow(): void {
  setFlagsFromString('--heap-growing-percent=600');
}
