import { describe, expect, it } from 'vitest';
import { randomIds } from './context.js';

describe('randomIds', () => {
  it('makes ids of the prefix, an underscore and ten characters of the alphabet, each prefix its own', () => {
    for (const prefix of ['per', 'ex', 'intro', 'tinv', 'per']) {
      const id = randomIds(prefix as 'per');
      expect(id).toMatch(new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{10}$`));
    }
  });

  it('does not repeat over 100,000 ids, across refills of its random pool, and uses the whole alphabet at every place', () => {
    const ids = Array.from({ length: 100_000 }, () => randomIds('per'));
    expect(new Set(ids).size).toBe(ids.length);
    for (let place = 4; place < 14; place++) expect(new Set(ids.map((id) => id[place])).size).toBe(32);
  });
});
