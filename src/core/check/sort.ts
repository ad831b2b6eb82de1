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
