/**
 * Diversity: how many people the map holds in each category of the checklist
 * (aim high and wide), with each empty category named and a first step for it.
 * Everyone counts, whatever the strength of the tie: the checklist is about
 * reach, and a weak tie to a leader in the field is still reach.
 */
import { PERSON_CATEGORIES, type PersonCategory } from '../vocabulary.js';
import { CATEGORY_LABELS, CATEGORY_SUGGESTIONS } from './suggest.js';
import type { CheckIndex } from './snapshot-index.js';
import type { CategoryCount, Diversity, DiversityGap } from './types.js';

/** Counts per checklist category (all eight, zeros included) and the gaps. */
export function diversity(index: CheckIndex): Diversity {
  const counts = new Map<PersonCategory, number>(PERSON_CATEGORIES.map((c) => [c, 0]));
  let uncategorised = 0;
  for (const person of index.snapshot.people) {
    const current = person.category === null ? undefined : counts.get(person.category);
    if (current === undefined) uncategorised++;
    else counts.set(person.category as PersonCategory, current + 1);
  }
  const rows: CategoryCount[] = PERSON_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    count: counts.get(category) ?? 0,
  }));
  const total = index.snapshot.people.length;
  const gaps: DiversityGap[] = rows
    .filter((row) => row.count === 0)
    .map((row) => ({
      code: 'empty-category',
      category: row.category,
      why: {
        text:
          total === 0
            ? `Your map is empty, so it has no ${row.label} yet.`
            : `None of the ${total} people in your map is among ${row.label}` +
              (uncategorised > 0 ? ` (${uncategorised} have no category yet; categorising them may fill this gap).` : '.'),
        facts: { category: row.category, count: 0, people: total, uncategorised },
      },
      next: CATEGORY_SUGGESTIONS[row.category],
    }));
  return { counts: rows, uncategorised, total, gaps };
}
