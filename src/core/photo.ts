import { ValidationError } from './errors.js';

/**
 * A person's photo: only raster images a browser shows without running anything
 * (PNG, JPEG, WebP, GIF), told by their first bytes, never by a name or a declared
 * type. SVG is refused: it is a document that can carry script. Nothing here fetches
 * or decodes pixels; the bytes are kept and served as they came.
 */

export const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** 2 MiB: a phone photo at full size fits; a file meant to fill the disk does not. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes are, by their magic numbers; null for anything else. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** What the bytes look like when they are not a photo we take, for a message the user can act on. */
function describeRefused(bytes: Uint8Array): string {
  // Markup is ASCII where it matters: the first bytes as Latin-1 text are enough to tell.
  const head = String.fromCharCode(...bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.includes('<svg')) return 'an SVG drawing, which can carry scripts';
  if (head.startsWith('<')) return 'an HTML or XML document';
  if (startsWith(bytes, ascii('%PDF'))) return 'a PDF';
  return 'not a PNG, JPEG, WebP or GIF image';
}

/**
 * The photo's type when the bytes may be kept; otherwise a ValidationError on `field`
 * saying why (empty, too large, or what the file is instead) and what is taken.
 */
export function checkPhoto(bytes: Uint8Array, field = 'photo'): PhotoType {
  if (bytes.length === 0) throw new ValidationError(field, 'the file is empty; choose a PNG, JPEG, WebP or GIF image');
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new ValidationError(field, `the image is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the most a photo may be is ${MAX_PHOTO_BYTES / 1024 / 1024} MB (make it smaller first)`);
  }
  const type = sniffPhotoType(bytes);
  if (type === null) throw new ValidationError(field, `this file is ${describeRefused(bytes)}: a photo must be a PNG, JPEG, WebP or GIF image`);
  return type;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Base64 (with or without padding, line breaks and spaces) to bytes; null when it is not base64. Pure, so the core can read a vCard's photo. */
export function fromBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const digits = compact.replace(/=+$/, '');
  if (digits.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const c of digits) {
    buffer = (buffer << 6) | VALUE.get(c)!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * A vCard PHOTO's image, when the card carries it: a `data:` URI (vCard 4.0) or
 * base64 with ENCODING=b / BASE64 (vCard 3.0 and 2.1). A web address is never
 * fetched: it gives null, as does anything that is not base64.
 */
export function photoFromVcardValue(value: string, encoding: string | null): Uint8Array | null {
  const trimmed = value.trim();
  const data = /^data:([^,]*),(.*)$/is.exec(trimmed);
  if (data) return /;base64$/i.test(data[1]!.trim()) ? fromBase64(data[2]!) : null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null; // http:, https:, cid:, file: … nothing fetched
  const enc = encoding?.trim().toLowerCase() ?? '';
  return enc === 'b' || enc === 'base64' ? fromBase64(trimmed) : null;
}

/** Bytes to base64 with padding, for a vCard or a backup. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) + (c === undefined ? '=' : ALPHABET[n & 63]!);
  }
  return out;
}
