// The map's layout, worked out off the main thread: the page draws the rings as placed at
// once, hands the nodes here, and moves them as the positions come back (ring-relax.ts).
import { relaxRings, type RingLayoutInput } from './ring-relax.js';

/** What the page sends, and what comes back: positions (x, y interleaved, in the nodes' order). */
export type RingLayoutRequest = RingLayoutInput;
export interface RingLayoutUpdate {
  positions: Float32Array;
  done: boolean;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<RingLayoutRequest>) => void) | null; postMessage: (message: RingLayoutUpdate, transfer: Transferable[]) => void };
scope.onmessage = (event) => {
  relaxRings(event.data, { onStep: (positions, done) => scope.postMessage({ positions, done }, [positions.buffer]) });
};
