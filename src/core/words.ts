/**
 * Counted nouns, said right: "1 new relationship", "2 new relationships",
 * "1 person", "3 people". One rule for every number the CLI, the check and the
 * web app print.
 */

/** The noun alone, for a count: `noun(1, 'person', 'people')` is "person". */
export function noun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** The count and its noun: `plural(2, 'target')` is "2 targets". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${noun(count, one, many)}`;
}

/** "is" or "are", for a count: "1 tie is", "2 ties are". */
export function isAre(count: number): string {
  return count === 1 ? 'is' : 'are';
}
