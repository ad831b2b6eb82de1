/**
 * A vCard value's transfer encodings: quoted-printable (2.1) and base64 (2.1 and 3.0),
 * the bytes read in the charset the property names, or guessed without one.
 */
import { iconv } from '../encoding-libraries.js';
import { fromBase64 } from '../../core/photo.js';

const EQUALS = 0x3d;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text in the named charset; without one (or an unknown one), UTF-8 when valid, else Windows-1252 as Outlook writes. */
export function decodeBytes(bytes: Uint8Array, charset: string | null): string {
  const name = charset?.trim() ?? '';
  try {
    if (name && iconv().encodingExists(name)) return iconv().decode(bytes, name);
  } catch {
    // an unreadable charset name: fall through to the guess
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv().decode(bytes, 'win1252');
  }
}

/** Quoted-printable (soft line breaks already joined): `=XX` bytes decoded with the charset; a stray `=` is kept. */
export function decodeQuotedPrintable(raw: string, charset: string | null): string {
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    out += decodeBytes(Uint8Array.from(bytes), charset);
    bytes.length = 0;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === EQUALS && i + 2 < raw.length) {
      const high = hexDigit(raw.charCodeAt(i + 1));
      const low = hexDigit(raw.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    if (c < 0x80) bytes.push(c);
    else {
      // Already text (the file was decoded before): keep the character as it is.
      flush();
      out += raw[i];
    }
  }
  flush();
  return out;
}

/** Base64 text decoded with the charset; a value that is not base64 at all is kept as written rather than read as noise. */
export function decodeBase64(raw: string, charset: string | null): string {
  const bytes = fromBase64(raw);
  return bytes === null ? raw.trim() : decodeBytes(bytes, charset);
}
