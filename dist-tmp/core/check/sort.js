/**
 * Orderings shared by the parts of the check. Plain code-unit comparison of names
 * keeps sorting 5,000 people fast and the output identical on every machine.
 */
/** Compares two strings by code units (stable across locales and runtimes). */
export function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Compares two rank vectors, higher first, element by element. */
export function compareRankDesc(a, b) {
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const d = (b[i] ?? 0) - (a[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/**
 * Sorts items by a rank vector (higher first) then by name, computing each rank once.
 * Returns a new array.
 */
export function sortByRank(items, rank) {
    return items
        .map((item) => ({ item, key: rank(item) }))
        .sort((a, b) => compareRankDesc(a.key, b.key) || compareText(a.item.name, b.item.name) || compareText(a.item.id, b.item.id))
        .map(({ item }) => item);
}
//# sourceMappingURL=sort.js.map