import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisedMutualInformation as nmi } from './nmi.js';

describe('normalised mutual information', () => {
  it('is 1 for the same partition under other names, and matches a worked example', () => {
    expect(nmi([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9].map((x) => x - 3))).toBeCloseTo(1, 12);
    // scikit-learn's normalized_mutual_info_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.5158037429793889
    expect(nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.5158037429793889, 12);
  });

  it('is symmetric, within [0, 1], and unchanged by renaming the labels', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 60 }), (pairs) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const value = nmi(a, b);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(nmi(b, a)).toBeCloseTo(value, 12);
        expect(nmi(a.map((x) => 5 - x), b)).toBeCloseTo(value, 12);
      }),
    );
  });
});
