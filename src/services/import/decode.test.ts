import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../core/import-types.js';
import { decodeText } from './decode.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(utf8('Zoë,美咲'))).toBe('Zoë,美咲');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Zoë')]))).toBe('Zoë');
    expect(decodeText(bytes())).toBe('');
  });

  it('reads UTF-16 LE and BE by their byte-order mark', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...iconv.encode('Łukasz,王芳\r\n', 'utf-16le')]))).toBe('Łukasz,王芳\r\n');
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...iconv.encode('Αλέξανδρος', 'utf-16be')]))).toBe('Αλέξανδρος');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(iconv.encode('José Müller – “Zoë” Çelik', 'windows-1252'))).toBe('José Müller – “Zoë” Çelik');
  });

  it('refuses NUL bytes without a UTF-16 mark, and NUL characters with one', () => {
    for (const input of [bytes(0x41, 0x00, 0x42, 0x00), Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00])]) {
      expect(() => decodeText(input)).toThrow(ImportFileError);
      expect(() => decodeText(input)).toThrow(/not a text file/);
    }
  });

  it('refuses a file marked UTF-8 that is not, naming the line', () => {
    const input = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a\r\nb\r\n'), 0x63, 0xe9, 0x0d, 0x0a]);
    expect(() => decodeText(input)).toThrow(expect.objectContaining({ name: 'ImportFileError', line: 3 }));
  });
});
