import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, sortKey } from './names.js';

const TITLES = ['Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Mr', 'Mrs', 'Mrs.', 'Ms', 'Mx', 'Sir', 'Dame', 'Rev', 'Rev.', 'DR', 'prof.'];
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'-]{1,12}$/);

describe('sortKey: where a person is filed in a list', () => {
  it('files a titled name under the name itself', () => {
    expect(sortKey('Dr Ana Silva')).toBe('ana silva');
    expect(sortKey('Prof. Dr. Rui Costa')).toBe('rui costa');
    expect(sortKey('  Dame   Fiona Hart ')).toBe('fiona hart');
    // A name that only begins like a title, or is nothing but one, is not cut.
    expect(sortKey('Drew Barrymore')).toBe('drew barrymore');
    expect(sortKey('Dr')).toBe('dr');
    expect(sortKey('Sir')).toBe('sir');
  });

  it('is the name key of the untitled name, whatever titles come first', () => {
    // Words that are not titles themselves (core/names.ts also knows Miss and Revd).
    const notTitle = (w: string) => !['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'rev', 'revd'].includes(w.toLowerCase());
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TITLES), { maxLength: 3 }), fc.array(word.filter(notTitle), { minLength: 1, maxLength: 4 }), (titles, words) => {
        expect(sortKey([...titles, ...words].join(' '))).toBe(nameKey(words.join(' ')));
      }),
    );
  });
});
