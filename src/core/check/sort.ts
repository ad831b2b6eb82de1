/**
 * Orderings shared by the parts of the check. Plain code-unit comparison of names
 * keeps sorting 5,000 people fast and the output identical on every machine.
 */
/** Compares two strings by code units (stable across locales and runtimes). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two rank vectors, higher first, element by element. */
export function compareRankDesc(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Named {
  name: string;
  id: string;
}

/**
 * Sorts items by a rank vector (higher first), then by name and id so that the
 * order never depends on input order. Each rank is computed once. Returns a new array.
 */
export function sortByRank<T>(items: readonly T[], rank: (item: T) => readonly number[], named: (item: T) => Named): T[] {
  return items
    .map((item) => ({ item, key: rank(item), ref: named(item) }))
    .sort((a, b) => compareRankDesc(a.key, b.key) || compareText(a.ref.name, b.ref.name) || compareText(a.ref.id, b.ref.id))
    .map(({ item }) => item);
}

/**
 * The order `sortByRank` gives, for facts the check index gives a slot, given in slot order:
 * each item's rank vector (`width` numbers, which `rank` writes into one Float64Array from
 * `at`) compared as numbers, higher first, then the index's `nameRank` in place of the names
 * (name, then id, then slot: the input order of equal names and ids). No vector or name is
 * compared as an object or a string: these lists can hold tens of thousands of people.
 */
export function sortFactsByRank<T extends { slot: number }>(
  items: readonly T[],
  width: number,
  rank: (item: T, row: Float64Array, at: number) => void,
  nameRank: Int32Array,
): T[] {
  const keys = new Float64Array(items.length * width);
  const order: number[] = [];
  for (let i = 0; i < items.length; i++) {
    rank(items[i] as T, keys, i * width);
    order.push(i);
  }
  order.sort((a, b) => {
    for (let k = 0; k < width; k++) {
      const d = (keys[b * width + k] as number) - (keys[a * width + k] as number);
      if (d !== 0) return d;
    }
    return (nameRank[(items[a] as T).slot] as number) - (nameRank[(items[b] as T).slot] as number);
  });
  return order.map((i) => items[i] as T);
}

/**
 * Keeps the first `count` items offered, in the order `compare` gives, exactly as a
 * stable sort then `slice(0, count)` would: a need can match thousands of people
 * when only the first three are shown, so nothing else is kept or sorted.
 */
export class FirstInOrder<T> {
  readonly items: T[] = [];
  /** How many items were offered, kept or not. */
  offered = 0;

  constructor(
    private readonly count: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    this.offered++;
    const best = this.items;
    if (this.count <= 0 || (best.length === this.count && this.compare(item, best[this.count - 1] as T) >= 0)) return;
    // After every equal item already kept: a stable sort keeps input order among equals.
    let at = best.length;
    while (at > 0 && this.compare(item, best[at - 1] as T) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > this.count) best.pop();
  }
}
