import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, nameKey, sortKey, withoutTitle } from './names.js';

const TITLES = ['Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Mr', 'Mrs', 'Mrs.', 'Ms', 'Mx', 'Sir', 'Dame', 'Rev', 'Rev.', 'DR', 'prof.'];
/** The rule every name key follows: accents off, lower case, spacing collapsed and trimmed. */
const fullFold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
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

describe('sortKey with a family name: filed under it where it is known', () => {
  const notTitle = (w: string) => !['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'rev', 'revd'].includes(w.toLowerCase());
  const words = (max: number) => fc.array(word.filter(notTitle), { minLength: 1, maxLength: max });

  it('puts the family name first, then the given names, whatever titles come before', () => {
    expect(sortKey('Dr Ana Silva', 'Silva')).toBe('silva ana');
    expect(sortKey('Prof. Bea Xavier Dias', 'Xavier Dias')).toBe('xavier dias bea');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TITLES), { maxLength: 2 }), words(3), words(2), (titles, given, family) => {
        expect(sortKey([...titles, ...given, ...family].join(' '), family.join(' '))).toBe(`${nameKey(family.join(' '))} ${nameKey(given.join(' '))}`);
      }),
    );
  });

  it('ignores a family name that is not part of the name, or blank: no guessing', () => {
    expect(sortKey('Carl Smith', 'Ames')).toBe('carl smith');
    expect(sortKey('Dr Ana Silva', '  ')).toBe('ana silva');
    expect(sortKey('Ana Silva', null)).toBe('ana silva');
    fc.assert(
      fc.property(words(4), fc.option(word), (name, family) => {
        const full = name.join(' ');
        const inName = family !== null && nameKey(full).split(' ').includes(nameKey(family));
        if (!inName) expect(sortKey(full, family)).toBe(sortKey(full));
      }),
    );
  });

  it("is the same given the name's own key, worked out once by a caller that needs both, titled or not, spaced anyhow", () => {
    const spacing = fc.constantFrom(' ', '  ', '\t', ' \u00a0');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TITLES), { maxLength: 2 }), words(3), spacing, fc.option(word), (titles, name, space, family) => {
        const full = [...titles, ...name].join(space);
        expect(sortKey(full, family, nameKey(full))).toBe(sortKey(full, family));
      }),
    );
  });

  it('compareNames is a total order: antisymmetric, transitive, and zero only for the same name and key', () => {
    const named = fc.record({ name: words(3).map((w) => w.join(' ')), familyName: fc.option(word) });
    fc.assert(
      fc.property(named, named, named, (a, b, c) => {
        expect(Math.sign(compareNames(a, b))).toBe(-Math.sign(compareNames(b, a)) || 0);
        if (compareNames(a, b) <= 0 && compareNames(b, c) <= 0) expect(compareNames(a, c)).toBeLessThanOrEqual(0);
        if (compareNames(a, b) === 0) expect([a.name, sortKey(a.name, a.familyName)]).toEqual([b.name, sortKey(b.name, b.familyName)]);
      }),
    );
  });
});

describe('nameKey', () => {
  it('folds case, accents and spacing, in any script', () => {
    expect(nameKey('  Chloé   MARTIN ')).toBe('chloe martin');
    expect(nameKey('Ｋｓｅｎｉｙａ\u00a0Смирно́ва')).toBe('kseniya смирнова');
    expect(nameKey('Ana\tSilva\r\n')).toBe('ana silva');
  });

  it('gives every text, plain ASCII or not, the key of the full Unicode fold', () => {
    fc.assert(fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', '\t', 'é', 'e\u0301', 'Å', 'ﬁ', '\u00a0'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 30 }), (text) => {
      expect(nameKey(text)).toBe(fullFold(text));
    }), { numRuns: 2000 });
  });
});

describe('names that need no folding (plain ASCII words one space apart) get the keys every name gets', () => {
  // Pieces that make plain names and every kind of not-plain one: runs of spaces, tabs, a
  // no-break space, accents, other scripts, titles, capitals, punctuation, nothing at all.
  const piece = fc.oneof(word, fc.stringMatching(/^[!-~]{1,6}$/), fc.constantFrom(...TITLES), fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\u00a0', '\n', 'É', 'Ксения', ''));
  const name = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
  it('nameKey folds plain names by lower-casing alone, and the rest by the full fold', () => {
    expect(nameKey('Ana Silva')).toBe('ana silva');
    expect(nameKey(' Ana  Silva')).toBe('ana silva');
    expect(nameKey('Ana\u00a0Silva')).toBe('ana silva');
    expect(nameKey('Ana Silva ')).toBe('ana silva');
    expect(nameKey('')).toBe('');
    // Plain ASCII names made of these pieces are held to the full fold above, with the rest.
    fc.assert(
      fc.property(name, (text) => {
        expect(nameKey(text)).toBe(fullFold(text));
      }),
    );
  });

  it('withoutTitle drops leading titles and keeps the rest as written, spacing made single', () => {
    expect(withoutTitle('Ana Silva')).toBe('Ana Silva');
    expect(withoutTitle('Dr Ana Silva')).toBe('Ana Silva');
    expect(withoutTitle('Dr.  Ana')).toBe('Ana');
    expect(withoutTitle('Drew Barrymore')).toBe('Drew Barrymore');
    expect(withoutTitle('Dr')).toBe('Dr');
    const titles = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'rev', 'revd']);
    fc.assert(
      fc.property(name, (text) => {
        const words = text.trim().split(/\s+/);
        let at = 0;
        while (at < words.length - 1 && titles.has(words[at]!.replace(/\.$/, '').toLowerCase())) at++;
        expect(withoutTitle(text)).toBe(words.slice(at).join(' '));
      }),
    );
  });

  it('sortKey files a name ending in its family name, and one holding it earlier, under the family name', () => {
    expect(sortKey('Ana Silva0', 'Silva0')).toBe('silva0 ana');
    expect(sortKey('Ana Silva Silva', 'Silva')).toBe('silva ana silva');
    expect(sortKey('Ana Silva Costa', 'Silva')).toBe('silva ana costa');
    expect(sortKey('Ana Da Silva', 'da silva')).toBe('da silva ana');
    // "Silva" is not the last word of "Ana Asilva": the family name is matched as whole words.
    expect(sortKey('Ana Asilva', 'Silva')).toBe('ana asilva');
    expect(sortKey('Dr Ana  Silva', ' Silva ')).toBe('silva ana');
  });
});
