import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhoto, fromBase64, MAX_PHOTO_BYTES, photoFromVcardValue, sniffPhotoType, toBase64 } from './photo.js';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0]);
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0]);
const WEBP = bytes('RIFF', [26, 0, 0, 0], 'WEBPVP8 ');
const SVG = bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

describe('a photo is kept only when its bytes are a raster image', () => {
  it('tells PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect([PNG, JPEG, GIF, WEBP].map(sniffPhotoType)).toEqual(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
    expect([PNG, JPEG, GIF, WEBP].map((b) => checkPhoto(b))).toEqual(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
  });

  it('refuses an SVG with a script, saying why, and HTML, a PDF, random bytes and an empty file', () => {
    expect(() => checkPhoto(SVG)).toThrow(/SVG drawing, which can carry scripts: a photo must be a PNG, JPEG, WebP or GIF/);
    expect(() => checkPhoto(bytes('  <svg onload="alert(1)"/>'))).toThrow(/SVG/);
    expect(() => checkPhoto(bytes('<html><script>alert(1)</script></html>'))).toThrow(/HTML or XML document/);
    expect(() => checkPhoto(bytes('%PDF-1.7'))).toThrow(/a PDF/);
    expect(() => checkPhoto(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toThrow(/not a PNG, JPEG, WebP or GIF/);
    expect(() => checkPhoto(new Uint8Array())).toThrow(/empty/);
    // A PNG signature cut short is not a PNG.
    expect(sniffPhotoType(PNG.subarray(0, 7))).toBeNull();
  });

  it('refuses a photo over 2 MB, even a real PNG, and takes one of exactly 2 MB', () => {
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set(PNG);
    expect(() => checkPhoto(huge)).toThrow(/the most a photo may be is 2 MB/);
    expect(checkPhoto(huge.subarray(0, MAX_PHOTO_BYTES))).toBe('image/png');
  });

  it('never takes the type from anything but the bytes: any prefix that is not a signature is refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (random) => {
        const type = sniffPhotoType(random);
        if (type === null) expect(() => checkPhoto(random)).toThrow();
        else expect(checkPhoto(random)).toBe(type);
      }),
    );
  });
});

describe('base64 and the vCard PHOTO value', () => {
  it('round-trips any bytes through base64 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (b) => {
        expect(fromBase64(toBase64(b))).toEqual(b);
      }),
    );
    expect(toBase64(bytes('Man'))).toBe('TWFu');
    expect(toBase64(bytes('Ma'))).toBe('TWE=');
    expect(fromBase64('TW\r\n Fu')).toEqual(bytes('Man'));
    expect(fromBase64('not base64!')).toBeNull();
  });

  it('reads a data: URI and base64 with ENCODING=b, and never a web address', () => {
    const encoded = toBase64(PNG);
    expect(photoFromVcardValue(`data:image/png;base64,${encoded}`, null)).toEqual(PNG);
    expect(photoFromVcardValue(encoded, 'b')).toEqual(PNG);
    expect(photoFromVcardValue(encoded, 'BASE64')).toEqual(PNG);
    expect(photoFromVcardValue('https://example.org/ana.jpg', null)).toBeNull();
    expect(photoFromVcardValue('http://169.254.169.254/latest/meta-data', 'b')).toBeNull();
    expect(photoFromVcardValue('data:image/png,notbase64', null)).toBeNull();
    // Without an encoding, text is not taken for an image.
    expect(photoFromVcardValue(encoded, null)).toBeNull();
  });
});
