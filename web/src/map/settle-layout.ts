import type Sigma from 'sigma';
import { RING_SPACING, type PlacedNode } from '../map-layout.js';
import type { RingLayoutRequest, RingLayoutUpdate } from './ring-layout.worker.js';

/** The performance mark set when the layout has settled (scripts/bench-web.mjs reads it). */
export const SETTLED_MARK = 'waggle:map-layout-settled';

export type SettledPositions = ReadonlyMap<string, { x: number; y: number }>;

/**
 * Settles the drawn map's layout in a Web Worker (ring-relax.ts), starting from the rings as
 * placed, which sigma has already drawn: the first frame does not wait for it. Positions come
 * back a few times on the way and are applied once a frame; `onSettled` gets the last ones
 * (in the layout's own coordinates, y down, as mapSvg draws; the rings' own if the worker fails). Returns a function that stops it.
 */
export function settleLayout(renderer: Sigma, nodes: readonly PlacedNode[], edges: readonly { source: string; target: string }[], onSettled: (positions: SettledPositions) => void): () => void {
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const tied = edges.filter((e) => index.has(e.source) && index.has(e.target));
  const radius = Float64Array.from(nodes, (n) => Math.hypot(n.x, n.y));
  const request: RingLayoutRequest = {
    radius,
    ring: Int32Array.from(radius, (r) => Math.round(r / RING_SPACING)),
    angle: Float64Array.from(nodes, (n) => Math.atan2(n.y, n.x)),
    source: Int32Array.from(tied, (e) => index.get(e.source)!),
    target: Int32Array.from(tied, (e) => index.get(e.target)!),
  };
  const worker = new Worker(new URL('./ring-layout.worker.ts', import.meta.url), { type: 'module' });
  let latest: RingLayoutUpdate | null = null;
  let frame = 0;
  const apply = () => {
    frame = 0;
    if (!latest) return;
    const { positions, done } = latest;
    latest = null;
    // One batched update (sigma redoes its work once, not once a node); sigma's y points up.
    renderer.getGraph().updateEachNodeAttributes(
      (key, attributes) => {
        const i = index.get(key);
        return i === undefined ? attributes : { ...attributes, x: positions[2 * i]!, y: -positions[2 * i + 1]! };
      },
      { attributes: ['x', 'y'] },
    );
    if (!done) return;
    worker.terminate();
    performance.mark(SETTLED_MARK);
    onSettled(new Map(nodes.map((n, i) => [n.key, { x: positions[2 * i]!, y: positions[2 * i + 1]! }])));
  };
  worker.onmessage = (event: MessageEvent<RingLayoutUpdate>) => {
    latest = event.data;
    if (!frame) frame = requestAnimationFrame(apply);
  };
  // A worker that fails (a policy that refuses it, an error in it) leaves the rings as drawn, settled
  // as they are: the page goes on (its lines are added once the layout is settled) rather than wait.
  worker.onerror = () => {
    worker.terminate();
    onSettled(new Map(nodes.map((n) => [n.key, { x: n.x, y: n.y }])));
  };
  worker.postMessage(request, [request.radius.buffer, request.ring.buffer, request.angle.buffer, request.source.buffer, request.target.buffer]);
  return () => {
    worker.terminate();
    if (frame) cancelAnimationFrame(frame);
  };
}
