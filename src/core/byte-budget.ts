/**
 * What a cache keeps, bounded by the bytes it holds rather than by how many things: a kept
 * answer of one person and the whole order of 30,000 differ a thousandfold, so a count bounds
 * neither the server's memory nor what is worth keeping. Each entry is weighed once, by an
 * estimate (stringBytes, idsBytes below: close enough to keep a cache near its budget, not an
 * exact count of V8's heap), and the least recently used go first past the budget. Pure: the
 * server's kept answers (server/answer-cache.ts) and the listings' kept orders and counts
 * (storage/kept-per-version.ts) both hold one.
 */

/** What a Map's slot and the small object around each entry (its value, weight and two links in the line of use) cost, whatever it holds. */
export const ENTRY_OVERHEAD_BYTES = 96;

/** Whether V8 can hold the string one byte a character (Latin-1). */
function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** A string's bytes on V8's heap, about: a 16-byte header and one byte a character (two if any is past Latin-1), rounded up to 8. */
export function stringBytes(text: string): number {
  const chars = oneByte(text) ? text.length : text.length * 2;
  return 16 + Math.ceil(chars / 8) * 8;
}

/**
 * The bytes alone, in a buffer of their own: zlib's answer of a few hundred bytes is a view
 * into the 16 KB chunk it was written in, and a kept view keeps the whole chunk (a budget of
 * small answers weighed by their length then held ten times its bytes). Copied only when the
 * buffer behind is larger than the view.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** What a byte array holds: the whole buffer behind it, however little of it the view shows. */
export const heldBytes = (bytes: Uint8Array): number => bytes.buffer.byteLength;

/** One id in a list of ids: a pointer and a string. */
export const idBytes = (id: string): number => 8 + stringBytes(id);

/** A list of ids (a listing's whole order): a pointer and a string each. */
export function idsBytes(ids: readonly string[]): number {
  let bytes = 16;
  for (const id of ids) bytes += idBytes(id);
  return bytes;
}

/** An entry in the line of use: its neighbours toward the oldest (`older`) and the newest (`newer`). */
interface Kept<K, V> {
  key: K;
  value: V;
  bytes: number;
  older: Kept<K, V> | null;
  newer: Kept<K, V> | null;
}

/**
 * Entries in least-recently-used order, at most `maxBytes` of them by their weights. A value
 * may be changed in place (an object the caller holds) and weighed again with `reweigh`,
 * keeping its place in the line.
 *
 * The line is a list linked through the entries, beside a Map that finds them: a read moves
 * its entry to the newest end without touching the Map, and the oldest is the list's head.
 * Kept in the Map's own order instead (a read deleted and set its key again), every read left
 * a hole in the Map's table, and finding the oldest took an iterator kept from one eviction to
 * the next; V8 keeps every table a Map has outgrown for the iterators made on it, so between two
 * evictions each table the reads filled was held: 37 MB under one page read for 30 s (issue 15).
 */
export class ByteBudgetLru<K, V> {
  private readonly entries = new Map<K, Kept<K, V>>();
  private used = 0;
  private oldest: Kept<K, V> | null = null;
  private newest: Kept<K, V> | null = null;

  constructor(readonly maxBytes: number) {
    if (!(maxBytes > 0)) throw new RangeError(`a byte budget must be positive (was ${maxBytes})`);
  }

  /** The bytes kept now, by the weights given. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, without counting it as used. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit !== this.newest) {
      this.unlink(hit);
      this.append(hit);
    }
    return hit.value;
  }

  /**
   * Keeps `value` as the most recently used, weighing `bytes` (plus the entry's own overhead),
   * and lets the oldest go past the budget. One heavier than the whole budget is not kept: false.
   */
  set(key: K, value: V, bytes: number): boolean {
    this.delete(key);
    const weight = bytes + ENTRY_OVERHEAD_BYTES;
    if (weight > this.maxBytes) return false;
    const entry: Kept<K, V> = { key, value, bytes: weight, older: null, newer: null };
    this.entries.set(key, entry);
    this.append(entry);
    this.used += weight;
    this.evictPastBudget();
    return true;
  }

  /** Weighs a kept value again (it grew or shrank in place), in its place in the line; the oldest go past the budget, itself too if it alone is past it. */
  reweigh(key: K, bytes: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const weight = bytes + ENTRY_OVERHEAD_BYTES;
    this.used += weight - entry.bytes;
    entry.bytes = weight;
    this.evictPastBudget();
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.unlink(entry);
    this.used -= entry.bytes;
    return true;
  }

  /** The keys and values now, oldest first: a copy, so the caller may change the cache while it goes through them. */
  snapshot(): [K, V][] {
    const all: [K, V][] = [];
    for (let entry = this.oldest; entry; entry = entry.newer) all.push([entry.key, entry.value]);
    return all;
  }

  /** Lets the oldest go until the budget holds. */
  private evictPastBudget(): void {
    while (this.used > this.maxBytes && this.oldest) this.delete(this.oldest.key);
  }

  /** Puts an entry (in no line) at the newest end. */
  private append(entry: Kept<K, V>): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  /** Takes an entry out of the line, its neighbours joined. */
  private unlink(entry: Kept<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = null;
    entry.newer = null;
  }
}
