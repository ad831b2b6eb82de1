// What the check and map pages still import from here. Every other page names the API's shapes from
// its generated document (`Schema<'Person'>`, api/client.ts); these go when the check's and the map's
// pages move onto the data layer (they are being changed for speed, so their imports are left as they are).

// The check's report keeps the core's type: its totals are keyed by quadrant, which the document
// can only say as a string-keyed map (and the contract ties its schema to this type at compile time).
export type { CheckReport, Finding } from '../../src/core/check/types.js';

/** For check/use-check.ts alone, until it reads through the data layer. */
export type Goal = import('./api/shapes.js').Schema<'Goal'>;
export interface Page<T> {
  items: T[];
  total: number;
}
