import { nameKey, withoutTitle } from '../../../src/core/names.js';

export interface Findable {
  key: string;
  label: string;
  strength: number;
  importance: number;
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

/**
 * The map's Find: every match, the exact name first, then names starting with the
 * text, then a later word starting with it, then the rest; within each, the stronger
 * tie first, then the more important, then by name.
 */
export function rankMatches<T extends Findable>(items: readonly T[], typed: string): { item: T; rank: MatchRank }[] {
  const found: { item: T; rank: MatchRank }[] = [];
  for (const item of items) {
    const rank = matchRank(item.label, typed);
    if (rank) found.push({ item, rank });
  }
  return found.sort((a, b) => ORDER[a.rank] - ORDER[b.rank] || b.item.strength - a.item.strength || b.item.importance - a.item.importance || a.item.label.localeCompare(b.item.label));
}
