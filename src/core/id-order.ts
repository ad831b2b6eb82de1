import { idBytes } from './byte-budget.js';

/**
 * A listing's whole order of ids (30,000 at the size issue 15 names), kept between requests and
 * caught up with a few people at a time (storage/people-list-catch-up.ts): taken out, and put back
 * where the order now places them. Held in chunks of about CHUNK ids, and never changed once made:
 * a catch-up gives a new order that shares every chunk it did not touch with the old one (which a
 * reader may still hold), so it copies a chunk or two, not the whole order. As one array, each
 * catch-up copied 30,000 ids (240 KB, allocated among V8's large objects), most of a catch-up's time
 * on the requests' thread and much of its garbage.
 */
export const CHUNK = 1024;

export class IdOrder {
  /** Where each chunk starts in the whole order (the chunks' lengths summed before it). */
  private readonly starts: number[];

  private constructor(
    private readonly chunks: readonly (readonly string[])[],
    readonly length: number,
    /** What its ids weigh (core/byte-budget.ts idBytes each): kept as it changes, never summed again. */
    readonly idBytes: number,
  ) {
    this.starts = [];
    let start = 0;
    for (const chunk of chunks) {
      this.starts.push(start);
      start += chunk.length;
    }
  }

  static of(ids: readonly string[]): IdOrder {
    const chunks: string[][] = [];
    for (let from = 0; from < ids.length; from += CHUNK) chunks.push(ids.slice(from, from + CHUNK));
    let bytes = 0;
    for (const id of ids) bytes += idBytes(id);
    return new IdOrder(chunks, ids.length, bytes);
  }

  /** The chunk holding `place` (0 ≤ place < length), by binary search over the starts. */
  private chunkAt(place: number): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= place) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The id at `place`, or undefined outside the order. */
  at(place: number): string | undefined {
    if (!(place >= 0 && place < this.length)) return undefined;
    const chunk = this.chunkAt(place);
    return this.chunks[chunk]?.[place - (this.starts[chunk] as number)];
  }

  /** The ids from `from` up to (not including) `to`, as Array.prototype.slice takes them (no negative places). */
  slice(from = 0, to = this.length): string[] {
    const start = Math.max(0, Math.min(from, this.length));
    const end = Math.max(start, Math.min(to, this.length));
    const ids: string[] = [];
    if (start === end) return ids;
    for (let chunk = this.chunkAt(start); chunk < this.chunks.length && (this.starts[chunk] as number) < end; chunk++) {
      const begins = this.starts[chunk] as number;
      const part = (this.chunks[chunk] as readonly string[]).slice(Math.max(0, start - begins), end - begins);
      for (const id of part) ids.push(id);
    }
    return ids;
  }

  /** Every id, in order: one array (for tests and small orders). */
  toArray(): string[] {
    return this.slice();
  }

  /** The order without `ids` (each found by indexOf in its chunk), and which of them it held. */
  without(ids: Iterable<string>): { order: IdOrder; removed: string[] } {
    const chunks = [...this.chunks];
    const removed: string[] = [];
    let bytes = this.idBytes;
    for (const id of ids) {
      for (let i = 0; i < chunks.length; i++) {
        const chunk = chunks[i] as readonly string[];
        const place = chunk.indexOf(id);
        if (place === -1) continue;
        const copy = chunk.slice();
        copy.splice(place, 1);
        chunks[i] = copy;
        removed.push(id);
        bytes -= idBytes(id);
        break;
      }
    }
    if (removed.length === 0) return { order: this, removed };
    return { order: new IdOrder(chunks.filter((chunk) => chunk.length > 0), this.length - removed.length, bytes), removed };
  }

  /** The order with `id` put at `place` (0 ≤ place ≤ length): everything from `place` on moves one later. */
  inserted(place: number, id: string): IdOrder {
    if (!(place >= 0 && place <= this.length)) throw new RangeError(`place ${place} is outside an order of ${this.length}`);
    if (this.chunks.length === 0) return new IdOrder([[id]], 1, idBytes(id));
    // At the very end: the last chunk takes it.
    const chunk = place === this.length ? this.chunks.length - 1 : this.chunkAt(place);
    const copy = (this.chunks[chunk] as readonly string[]).slice();
    copy.splice(place - (this.starts[chunk] as number), 0, id);
    const chunks = [...this.chunks];
    // A chunk grown to twice the size is split, so no chunk's copy costs more than 2 × CHUNK ids.
    if (copy.length >= 2 * CHUNK) chunks.splice(chunk, 1, copy.slice(0, CHUNK), copy.slice(CHUNK));
    else chunks[chunk] = copy;
    return new IdOrder(chunks, this.length + 1, this.idBytes + idBytes(id));
  }
}
