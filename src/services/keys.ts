/** Normalised keys for matching and search; names are compared the core's way. */
export { nameKey, sortKey } from '../core/names.js';

export function contactKey(value: string): string {
  return value.trim().toLowerCase();
}
