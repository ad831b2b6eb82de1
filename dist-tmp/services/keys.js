/**
 * Normalised keys for matching: case, accents and spacing do not make two people
 * different. Used for search and, later, for merging duplicates on import.
 */
export function nameKey(name) {
    return name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
}
export function contactKey(value) {
    return value.trim().toLowerCase();
}
/** A LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped (use with `escape '\'`). */
export function containsPattern(text) {
    return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
//# sourceMappingURL=keys.js.map