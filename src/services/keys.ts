/** Normalised keys for matching and search; names are compared the core's way, channels by storage's match key. */
export { nameKey, sortKey } from '../core/names.js';
export { contactKey } from '../storage/people.js';
