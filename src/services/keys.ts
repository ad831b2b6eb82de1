/** Normalised keys for matching and search; names are compared the core's way. */
export { nameKey, sortKey } from '../core/names.js';

export function contactKey(value: string): string {
  return value.trim().toLowerCase();
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped (use with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
