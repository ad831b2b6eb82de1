import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../core/import-types.js';
import { decodeFile, decodeText } from './decode.js';
import { parseVcards } from '../vcard/read.js';

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

/** A contacts file of real names, as an old address book in that script would hold them. */
const PEOPLE: Record<string, string[]> = {
  shift_jis: ['山田,太郎,株式会社日立製作所', '佐藤,花子,東京大学病院', '鈴木,一郎,京都リハビリテーション', '高橋,美咲,大阪医療センター', '田中,健,名古屋大学'],
  gb18030: ['王,小明,北京协和医院', '李,娜,上海交通大学', '张,伟,广州康复中心', '刘,洋,深圳医疗集团', '陈,静,浙江大学医学院'],
  'koi8-r': ['Дмитрий,Иванов,Больница Север', 'Ксения,Смирнова,Университет', 'Алексей,Попов,Клиника Здоровье', 'Ольга,Кузнецова,Центр реабилитации', 'Сергей,Волков,Институт'],
  'windows-1252': ['José,García,Hospital Ñúñez', 'François,Dupont,Clinique Saint-Étienne', 'Jürgen,Müller,Universität Köln', 'Zoë,Brontë,Café Crème', 'Søren,Kierkegaard,Københavns'],
};
const csvOf = (rows: string[]) => `First Name,Last Name,Company\r\n${rows.join('\r\n')}\r\n`;

describe('decodeFile: detecting the encoding', () => {
  for (const [encoding, rows] of Object.entries(PEOPLE)) {
    it(`reads a ${encoding} file as written, without a warning`, () => {
      const text = csvOf(rows);
      const decoded = decodeFile(iconv.encode(text, encoding));
      expect(decoded.text).toBe(text);
      expect(decoded.encodingSource).toBe('detected');
      expect(iconv.encodingExists(decoded.encoding) && iconv.decode(iconv.encode(text, encoding), decoded.encoding)).toBe(text);
      expect(decoded.warnings).toEqual([]);
    });
  }

  it('reads a file of UTF-8 lines and Windows-1252 lines line by line, and warns naming the lines', () => {
    const head = new TextEncoder().encode('First Name,Last Name,Company\r\n王,小明,北京协和医院\r\nДмитрий,Иванов,Больница\r\n');
    const tail = iconv.encode('José,García,Hospital Ñúñez\r\nZoë,Brontë,Café Crème\r\n', 'windows-1252');
    const decoded = decodeFile(Buffer.concat([head, tail]));
    expect(decoded.text).toBe('First Name,Last Name,Company\r\n王,小明,北京协和医院\r\nДмитрий,Иванов,Больница\r\nJosé,García,Hospital Ñúñez\r\nZoë,Brontë,Café Crème\r\n');
    expect(decoded.encodingSource).toBe('mixed');
    expect(decoded.warnings[0]).toMatchObject({ code: 'mixed-encoding', lines: [4, 5] });
    expect(decoded.warnings[0]?.message).toMatch(/mixes encodings.*lines 4, 5/);
  });

  it('warns when the detector is not confident (a single short name)', () => {
    const decoded = decodeFile(iconv.encode('王小明', 'gb18030'));
    expect(decoded.warnings.map((w) => w.code)).toEqual(['uncertain-encoding']);
    expect(decoded.warnings[0]?.message).toMatch(/choose the file's encoding/);
  });

  it('uses an encoding the user names, and refuses one nobody knows', () => {
    const bytes = iconv.encode(csvOf(['山田,太郎,日立']), 'shift_jis');
    expect(decodeFile(bytes, 'Shift_JIS')).toMatchObject({ text: csvOf(['山田,太郎,日立']), encoding: 'Shift_JIS', encodingSource: 'given', warnings: [] });
    expect(decodeFile(bytes, 'utf-8').warnings.map((w) => w.code)).toEqual(['unreadable-characters']);
    expect(() => decodeFile(bytes, 'klingon-8')).toThrow(ImportFileError);
    expect(() => decodeFile(bytes, 'klingon-8')).toThrow(/"klingon-8" is not an encoding/);
  });
});

describe('a vCard folded inside a UTF-8 sequence', () => {
  it('is unfolded as bytes: José, not JosÃ©, on the lines of the file', () => {
    const [before, after] = [Buffer.from('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jos\xc3', 'latin1'), Buffer.from('\r\n \xa9 Split\r\nN:Split;Jos\xc3\xa9;;;\r\nEND:VCARD\r\n', 'latin1')];
    const text = decodeText(Buffer.concat([before, after]));
    const file = parseVcards(text);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([[1, 'José Split']]);
    // Folded in the middle of a four-byte sequence, with LF breaks and a tab.
    const emoji = Buffer.from('😀', 'utf8');
    const card = Buffer.concat([Buffer.from('BEGIN:VCARD\nFN:Ann '), emoji.subarray(0, 1), Buffer.from('\n\t'), emoji.subarray(1), Buffer.from('\nEND:VCARD\n')]);
    expect(parseVcards(decodeText(card)).contacts[0]?.name).toBe('Ann 😀');
  });
});
