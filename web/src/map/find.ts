import { compareNames, nameKey, withoutTitle } from '../../../src/core/names.js';

export interface Findable {
  key: string;
  label: string;
  strength: number;
  importance: number;
  /** The latest exchange with them (YYYY-MM-DD), or null: among equally strong ties, the one heard from last comes first. */
  lastExchangeOn?: string | null;
}

/** How well a name matches what was typed, best first. */
export type MatchRank = 'exact' | 'prefix' | 'word' | 'contains';
const ORDER: Record<MatchRank, number> = { exact: 0, prefix: 1, word: 2, contains: 3 };

/** How a name matches the typed text (case, accents and a title aside), or null. */
export function matchRank(label: string, typed: string): MatchRank | null {
  const needle = nameKey(typed);
  if (needle === '') return null;
  const full = nameKey(label);
  const bare = nameKey(withoutTitle(label));
  if (full === needle || bare === needle) return 'exact';
  if (full.startsWith(needle) || bare.startsWith(needle)) return 'prefix';
  if (full.split(/[\s\-']+/).some((word) => word.startsWith(needle))) return 'word';
  return full.includes(needle) ? 'contains' : null;
}

/** The more recent exchange first; never met last. ISO dates compare as text. */
function byRecentExchange(a: Findable, b: Findable): number {
  const x = a.lastExchangeOn ?? '';
  const y = b.lastExchangeOn ?? '';
  return x === y ? 0 : x > y ? -1 : 1;
}

/**
 * The map's Find: every match, the exact name first, then names starting with the
 * text, then a later word starting with it, then the rest; within each, the stronger
 * tie first, then the most recent exchange (so "Ana" finds the Ana you spoke to last
 * week, not a dormant namesake), then the more important, then by name.
 */
export function rankMatches<T extends Findable>(items: readonly T[], typed: string): { item: T; rank: MatchRank }[] {
  const found: { item: T; rank: MatchRank }[] = [];
  for (const item of items) {
    const rank = matchRank(item.label, typed);
    if (rank) found.push({ item, rank });
  }
  return found.sort(
    (a, b) => ORDER[a.rank] - ORDER[b.rank] || b.item.strength - a.item.strength || byRecentExchange(a.item, b.item) || b.item.importance - a.item.importance || compareNames({ name: a.item.label }, { name: b.item.label }),
  );
}
