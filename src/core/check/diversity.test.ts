import { describe, expect, it } from 'vitest';
import { PERSON_CATEGORIES } from '../vocabulary.js';
import { buildPerson, buildSnapshot } from './builders.js';
import { runCheck } from './run-check.js';

describe('diversity', () => {
  it('counts every category of the checklist, zeros included, plus the uncategorised', () => {
    const d = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'p1', category: 'leader-in-field' }),
          buildPerson({ id: 'p2', category: 'leader-in-field' }),
          buildPerson({ id: 'p3', category: 'department-colleague' }),
          buildPerson({ id: 'p4', category: null }),
        ],
      }),
    ).diversity;
    expect(d.counts.map((c) => c.category)).toEqual([...PERSON_CATEGORIES]);
    expect(Object.fromEntries(d.counts.map((c) => [c.category, c.count]))).toEqual({
      'department-colleague': 1,
      'other-function': 0,
      'unrelated-industry': 0,
      'author-blogger': 0,
      'already-valued': 0,
      'professional-association': 0,
      'leader-in-field': 2,
      'social-media': 0,
    });
    expect(d.uncategorised).toBe(1);
    expect(d.total).toBe(4);
  });

  it('names each empty category with a suggestion, noting uncategorised people', () => {
    const d = runCheck(buildSnapshot({ people: [buildPerson({ id: 'p1', category: 'leader-in-field' }), buildPerson({ id: 'p2' })] })).diversity;
    expect(d.gaps.map((g) => g.category)).toEqual(PERSON_CATEGORIES.filter((c) => c !== 'leader-in-field'));
    const authors = d.gaps.find((g) => g.category === 'author-blogger');
    expect(authors?.why.text).toBe('None of the 2 people in your map is among authors and bloggers (1 have no category yet; categorising them may fill this gap).');
    expect(authors?.why.facts).toMatchObject({ category: 'author-blogger', count: 0, people: 2, uncategorised: 1 });
    expect(authors?.next).toMatch(/^Write to the author/);
    expect(new Set(d.gaps.map((g) => g.next)).size).toBe(d.gaps.length);
  });

  it('lists all eight gaps on an empty map', () => {
    const d = runCheck(buildSnapshot()).diversity;
    expect(d.gaps).toHaveLength(8);
    expect(d.total).toBe(0);
    expect(d.gaps[0]?.why.text).toMatch(/^Your map is empty/);
  });
});
