import { describe, expect, it } from 'vitest';
import { isAre, noun, plural } from './words.js';

describe('counted nouns', () => {
  it('uses the singular for exactly one, the plural otherwise', () => {
    expect(plural(1, 'new relationship')).toBe('1 new relationship');
    expect(plural(2, 'new relationship')).toBe('2 new relationships');
    expect(plural(0, 'target')).toBe('0 targets');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(5, 'person', 'people')).toBe('5 people');
    expect(noun(1, 'place')).toBe('place');
    expect(isAre(1)).toBe('is');
    expect(isAre(3)).toBe('are');
  });
});
