/**
 * Turns the bytes of an imported file into text. Exporters disagree on encodings:
 * LinkedIn and Google write UTF-8 (sometimes with a byte-order mark), Outlook
 * desktop writes Windows-1252 or UTF-16 with a byte-order mark.
 *
 * - UTF-16 LE/BE is recognised only by its byte-order mark.
 * - A NUL byte without a UTF-16 mark means the file is not text: refused.
 * - UTF-8 with a byte-order mark must be valid UTF-8, or the file is refused
 *   with the line of the first bad byte.
 * - Without a mark, bytes that are not valid UTF-8 are read as Windows-1252.
 * The returned text never starts with a byte-order mark.
 */
import iconv from 'iconv-lite';
import { ImportFileError } from '../../core/import-types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const NOT_TEXT = 'this is not a text file (it holds NUL bytes); a UTF-16 file needs its byte-order mark';

export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return utf16(buffer.subarray(2), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return utf16(buffer.subarray(2), 'utf-16be');
  if (buffer.includes(0)) throw new ImportFileError(null, NOT_TEXT);
  const marked = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const body = marked ? buffer.subarray(3) : buffer;
  try {
    return utf8.decode(body);
  } catch {
    if (marked) throw new ImportFileError(firstBadUtf8Line(body), 'the file is marked as UTF-8 but this line holds bytes that are not UTF-8');
    return iconv.decode(body, 'windows-1252');
  }
}

function utf16(body: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  const text = iconv.decode(body, encoding, { stripBOM: false });
  if (text.includes('\u0000')) throw new ImportFileError(null, NOT_TEXT);
  return text;
}

/** Line breaks never occur inside a UTF-8 sequence, so each line can be checked on its own. */
function firstBadUtf8Line(body: Buffer): number | null {
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    const end = body.indexOf(0x0a, start);
    const stop = end === -1 ? body.length : end;
    try {
      utf8.decode(body.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return null;
}
