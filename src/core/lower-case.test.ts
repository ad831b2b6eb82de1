import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCase } from './lower-case.js';

describe('lowerCase', () => {
  it('is toLowerCase, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(lowerCase(text)).toBe(text.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('is toLowerCase for the capitals, accents and scripts a name or link holds', () => {
    for (const text of ['HTTPS://www.LinkedIn.com/in/Ana', 'https://www.linkedin.com/in/ana', 'ÉLODIE', 'élodie', 'Ксения', 'İstanbul', 'ǅ', 'ΣΑΣ', '王芳', 'ÀÉÎÕÜ', '']) {
      expect(lowerCase(text)).toBe(text.toLowerCase());
    }
  });
});
