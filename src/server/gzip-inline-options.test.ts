import fc from 'fast-check';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inlineZipOptions } from './gzip.js';

/** JSON-like text: repeated keys and values, as the API's answers are, of any size an answer zipped at once has. */
const jsonLike = fc
  .array(fc.record({ id: fc.stringMatching(/^p[0-9]{1,6}$/), name: fc.string({ maxLength: 40 }), strength: fc.integer({ min: 1, max: 5 }), notes: fc.string({ unit: 'grapheme', maxLength: 300 }) }), { minLength: 1, maxLength: 300 })
  .map((rows) => Buffer.from(JSON.stringify(rows)));

describe('the zip options of an answer zipped at once', () => {
  it('give the same text back, no larger than zlib at its defaults and the same level', () => {
    fc.assert(
      fc.property(jsonLike, (body) => {
        const options = inlineZipOptions(body.byteLength);
        const small = gzipSync(body, options);
        expect(gunzipSync(small).equals(body)).toBe(true);
        expect(small.byteLength).toBeLessThanOrEqual(gzipSync(body, { level: options.level }).byteLength);
      }),
      { numRuns: 150 },
    );
  });

  it('keep a window as large as the answer, up to zlib’s largest', () => {
    expect(inlineZipOptions(1024)).toMatchObject({ windowBits: 11, memLevel: 5 });
    expect(inlineZipOptions(3800)).toMatchObject({ windowBits: 12, memLevel: 6 });
    expect(inlineZipOptions(64 * 1024)).toMatchObject({ windowBits: 15, memLevel: 8 });
    for (const bytes of [0, 100, 1023, 5000, 40_000, 1 << 20]) expect(2 ** inlineZipOptions(bytes).windowBits).toBeGreaterThanOrEqual(Math.min(bytes + 262, 2 ** 15));
  });
});
