/** Normalised keys for matching and search; names are compared the core's way. */
export { nameKey, sortKey } from '../core/names.js';
/** The LIKE pattern is storage's: the people listing still builds its own queries here. */
export { containsPattern } from '../storage/like.js';

export function contactKey(value: string): string {
  return value.trim().toLowerCase();
}
