/**
 * Turns the bytes of an imported file into text. Exporters disagree on encodings:
 * LinkedIn and Google write UTF-8 (sometimes with a byte-order mark), Outlook
 * desktop writes Windows-1252 or UTF-16 with a byte-order mark, and older phones
 * and address books write Shift-JIS, GB18030, KOI8-R and the like.
 *
 * - An encoding the user names is used as named (and must be one iconv-lite knows).
 * - UTF-16 LE/BE is recognised only by its byte-order mark.
 * - A NUL byte without a UTF-16 mark means the file is not text: refused.
 * - UTF-8 with a byte-order mark must be valid UTF-8, or the file is refused
 *   with the line of the first bad byte.
 * - Without a mark, valid UTF-8 is UTF-8. Otherwise the encoding is detected
 *   (chardet) and the file decoded with it (iconv-lite), with a warning when the
 *   detector is not confident. A file whose lines are partly UTF-8 and partly
 *   not (two exports pasted together) is read line by line, each line in its
 *   own encoding, with a warning naming the lines that were not UTF-8.
 * - A vCard folded inside a UTF-8 sequence (RFC 6350 §3.2 allows folding at any
 *   octet) is put back together as bytes before decoding.
 * The returned text never starts with a byte-order mark.
 */
import { chardet, iconv } from '../encoding-libraries.js';
import { ImportFileError, type ImportWarning } from '../../core/import-types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const NOT_TEXT = 'this is not a text file (it holds NUL bytes); a UTF-16 file needs its byte-order mark';

/** Below this confidence (chardet's 0–100) a detected encoding comes with a warning. */
export const CONFIDENT = 30;

/** How many bytes the detector reads: plenty for its statistics, bounded for a 200 MB file. */
const SAMPLE_BYTES = 1024 * 1024;

export interface DecodedText {
  text: string;
  /** The encoding used (for a mixed file: the one used for its lines that are not UTF-8). */
  encoding: string;
  /** How it was chosen. */
  encodingSource: 'given' | 'byte-order mark' | 'utf-8' | 'detected' | 'mixed';
  /** The detector's confidence, 0–100, when it chose. */
  confidence: number | null;
  warnings: ImportWarning[];
}

/** Whether iconv-lite can decode an encoding of this name. */
export function isKnownEncoding(name: string): boolean {
  try {
    return name.trim() !== '' && iconv().encodingExists(name.trim());
  } catch {
    return false;
  }
}

/** The text of a file, or ImportFileError when it cannot be text. */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  return decodeFile(bytes, encoding).text;
}

export function decodeFile(input: Uint8Array, encoding?: string): DecodedText {
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (encoding !== undefined) return decodeGiven(buffer, encoding);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return utf16(buffer.subarray(2), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return utf16(buffer.subarray(2), 'utf-16be');
  if (buffer.includes(0)) throw new ImportFileError(null, NOT_TEXT);
  const marked = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const body = refoldVcard(marked ? buffer.subarray(3) : buffer);
  try {
    return { text: utf8.decode(body), encoding: 'UTF-8', encodingSource: marked ? 'byte-order mark' : 'utf-8', confidence: null, warnings: [] };
  } catch {
    if (marked) throw new ImportFileError(firstBadUtf8Line(body), 'the file is marked as UTF-8 but this line holds bytes that are not UTF-8');
  }
  const lines = splitLines(body);
  const bad = lines.filter((line) => !isUtf8(line.bytes));
  const mixed = lines.some((line) => hasUtf8Multibyte(line.bytes) && isUtf8(line.bytes));
  if (!mixed) {
    const guess = detect(body);
    return { text: iconv().decode(body, guess.encoding), encoding: guess.encoding, encodingSource: 'detected', confidence: guess.confidence, warnings: guess.warnings };
  }
  // Some lines are UTF-8 (with characters past ASCII), others are not: each line in its own encoding.
  const guess = detect(Buffer.concat(bad.slice(0, 2000).map((line) => line.bytes)));
  const parts = lines.map((line) => (isUtf8(line.bytes) ? utf8.decode(line.bytes) : iconv().decode(line.bytes, guess.encoding)) + line.ending);
  const shown = bad.slice(0, 5).map((line) => line.number);
  const warnings: ImportWarning[] = [
    {
      code: 'mixed-encoding',
      lines: shown,
      message: `the file mixes encodings: most lines are UTF-8, but ${bad.length === 1 ? 'line' : `${bad.length} lines, among them lines`} ${shown.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not; ${bad.length === 1 ? 'it was' : 'they were'} read as ${guess.encoding}. Check their names below, or choose the encoding`,
    },
    ...guess.warnings,
  ];
  return { text: parts.join(''), encoding: guess.encoding, encodingSource: 'mixed', confidence: guess.confidence, warnings };
}

function decodeGiven(buffer: Buffer, encoding: string): DecodedText {
  const name = encoding.trim();
  if (!isKnownEncoding(name)) throw new ImportFileError(null, `"${encoding}" is not an encoding Waggle knows (for example utf-8, windows-1252, shift_jis, gb18030, koi8-r)`);
  const text = iconv().decode(name.toLowerCase().replace(/[^a-z0-9]/g, '') === 'utf8' ? refoldVcard(buffer) : buffer, name);
  const warnings: ImportWarning[] = [];
  const unreadable = countReplacements(text);
  if (unreadable > 0) {
    warnings.push({ code: 'unreadable-characters', lines: [], message: `${unreadable} character${unreadable === 1 ? '' : 's'} could not be read as ${name} and were replaced by �: is this the file's encoding?` });
  }
  return { text, encoding: name, encodingSource: 'given', confidence: null, warnings };
}

function utf16(body: Buffer, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = iconv().decode(body, encoding, { stripBOM: false });
  if (text.includes('\u0000')) throw new ImportFileError(null, NOT_TEXT);
  return { text, encoding: encoding.toUpperCase(), encodingSource: 'byte-order mark', confidence: null, warnings: [] };
}

/** The encoding of bytes that are not UTF-8, as the detector guesses it, with a warning when it is unsure. */
function detect(bytes: Buffer): { encoding: string; confidence: number; warnings: ImportWarning[] } {
  const candidates = chardet()
    .analyse(bytes.subarray(0, SAMPLE_BYTES))
    .filter((c) => c.confidence >= 10 && !/^(utf|ascii)/i.test(c.name) && isKnownEncoding(c.name))
    // ISO-8859-1 is read as Windows-1252, its superset, as browsers do.
    .map((c) => ({ name: /^iso-8859-1$/i.test(c.name) ? 'windows-1252' : c.name, confidence: c.confidence }));
  const readable = candidates.find((c) => countReplacements(iconv().decode(bytes.subarray(0, SAMPLE_BYTES), c.name)) === 0);
  const chosen = readable ?? { name: 'windows-1252', confidence: 0 };
  const warnings: ImportWarning[] = [];
  if (chosen.confidence < CONFIDENT) {
    warnings.push({
      code: 'uncertain-encoding',
      lines: [],
      message: `the file is not UTF-8, and its encoding is uncertain: it was read as ${chosen.name} (confidence ${chosen.confidence}%). If names below look garbled, choose the file's encoding`,
    });
  }
  return { encoding: chosen.name, confidence: chosen.confidence, warnings };
}

/** U+FFFD, and the C1 controls a wrong single-byte decoding leaves. */
function countReplacements(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) count++;
  }
  return count;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes hold at least one well-formed UTF-8 sequence past ASCII. */
function hasUtf8Multibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) continue;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/** The lines of bytes, each with its line break; a CR alone ends a line too. */
function splitLines(body: Buffer): { number: number; bytes: Buffer; ending: string }[] {
  const lines: { number: number; bytes: Buffer; ending: string }[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const b = body[i];
    if (i < body.length && b !== 0x0a && b !== 0x0d) continue;
    const crlf = b === 0x0d && body[i + 1] === 0x0a;
    lines.push({ number: lines.length + 1, bytes: body.subarray(start, i), ending: i === body.length ? '' : crlf ? '\r\n' : b === 0x0d ? '\r' : '\n' });
    if (crlf) i++;
    start = i + 1;
  }
  return lines;
}

/** Line breaks never occur inside a UTF-8 sequence, so each line can be checked on its own. */
function firstBadUtf8Line(body: Buffer): number | null {
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    const end = body.indexOf(0x0a, start);
    const stop = end === -1 ? body.length : end;
    if (!isUtf8(body.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return null;
}

/** The length of the UTF-8 sequence a lead byte opens (0 for a byte that opens none). */
function sequenceLength(b: number): number {
  return b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
}

/**
 * A vCard line may be folded at any octet, even inside a UTF-8 sequence:
 * `Jos\xC3` CRLF SPACE `\xA9 Split`. Unfolding has to join those bytes before
 * decoding; here the cut sequence's first bytes move past the fold, so that every
 * line decodes on its own and keeps its number (`Jos` CRLF SPACE `\xC3\xA9 Split`).
 * Files that are not vCards, and folds between whole characters, are left as they are.
 */
export function refoldVcard(body: Buffer): Buffer {
  const head = body.subarray(0, 64).toString('latin1').trimStart().slice(0, 11).toUpperCase();
  if (head !== 'BEGIN:VCARD') return body;
  let out: Buffer | null = null;
  for (let lf = body.indexOf(0x0a); lf >= 0; lf = body.indexOf(0x0a, lf + 1)) {
    const fold = lf + 1;
    if (body[fold] !== 0x20 && body[fold] !== 0x09) continue;
    const end = lf > 0 && body[lf - 1] === 0x0d ? lf - 1 : lf;
    // The cut sequence's lead: at most 3 bytes back, past continuation bytes.
    let lead = end - 1;
    while (lead >= 0 && end - lead <= 3 && (body[lead]! & 0xc0) === 0x80) lead--;
    if (lead < 0 || end - lead > 3) continue;
    const want = sequenceLength(body[lead]!);
    const have = end - lead;
    if (want === 0 || have >= want) continue;
    let rest = 0;
    while (rest < want - have && ((body[fold + 1 + rest] ?? 0) & 0xc0) === 0x80) rest++;
    if (rest !== want - have) continue;
    out ??= Buffer.from(body);
    // [lead … end) [break] [space] → [break] [space] [lead … end)
    const cut = Buffer.from(body.subarray(lead, end));
    out.copy(out, lead, end, fold + 1);
    cut.copy(out, lead + (fold + 1 - end));
  }
  return out ?? body;
}
