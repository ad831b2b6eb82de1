import { Buffer } from 'node:buffer';
import { decidedListView } from '../core/check/decided-list.js';

/*
 * Compact JSON written in pieces: the bytes of `JSON.stringify(value)` in UTF-8, handed out
 * a few hundred kilobytes at a time. `waggle check --json` at 5,000 people is 12.7 MB; as one
 * string it is held twice over (the string, then its bytes), and one name outside Latin-1
 * makes V8 keep the whole string two bytes a character, which is slow to turn into UTF-8.
 * Pieces keep each string small and mostly one byte a character. Each piece is encoded
 * straight into the buffer being filled (TextEncoder.encodeInto): joining the strings first and
 * encoding the joined text cost as much as the stringify itself, and a Buffer for each piece,
 * copied again to join them, cost a sixth of the writing (measured on the 5,000-person report).
 */

/** How many bytes to gather before handing them on: large enough that writes are few. */
const PIECE_BYTES = 256 * 1024;
/** Below this many elements an array is stringified whole: splitting it gains nothing. */
const SPLIT_AT = 64;
/**
 * How many elements of a long array one JSON.stringify call writes: a call per element, and a
 * generator handing each piece on, cost three times the stringify itself (measured on the
 * 5,000-person report: 180 ms against 50), while a run of 256 is a few tens of kilobytes.
 */
const RUN = 256;
/** How deep to walk: the report, its parts, their lists; below that a value is stringified whole. */
const WALK_DEPTH = 3;

const encoder = new TextEncoder();

/** Plain data JSON.stringify would walk itself (no toJSON, no class of its own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Puts the JSON text of a list of `length` elements through `put`, RUN elements at a time. Each run
 * is JSON.stringify's own text for those elements (holes and functions as null); its brackets, one
 * byte each, are left off all but the first run's opening and the last's closing.
 */
function putRuns(length: number, slice: (start: number, end: number) => unknown[], put: (text: string) => void): void {
  if (length === 0) {
    put('[]');
    return;
  }
  for (let at = 0; at < length; at += RUN) {
    const run = JSON.stringify(slice(at, at + RUN)) as string;
    const last = at + RUN >= length;
    if (at > 0) put(',');
    put(run.slice(at === 0 ? 0 : 1, last ? run.length : run.length - 1));
  }
}

/** Puts `value`'s JSON text through `put`, in pieces where it is large. */
function walk(value: unknown, depth: number, put: (text: string) => void): void {
  if (depth >= WALK_DEPTH) {
    put(JSON.stringify(value) as string);
    return;
  }
  if (Array.isArray(value) && value.length >= SPLIT_AT) {
    putRuns(value.length, (start, end) => value.slice(start, end), put);
    return;
  }
  if (isPlainObject(value)) {
    let text = '{';
    let first = true;
    for (const key of Object.keys(value)) {
      // A list of the check's findings written a run at a time and let go (decided-list.ts): the
      // same items as reading it whole, which would write them all and keep them to the end.
      const decided = depth + 1 < WALK_DEPTH ? decidedListView(value, key) : undefined;
      if (decided) {
        text += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        put(text);
        putRuns(decided.total, (start, end) => decided.slice(start, end), put);
        text = '';
        continue;
      }
      const item = value[key];
      if (isSkipped(item)) continue;
      text += `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      put(text);
      walk(item, depth + 1, put);
      text = '';
    }
    put(`${text}}`);
    return;
  }
  // Leaves and small arrays: JSON.stringify's own text. Undefined at the top writes nothing, as
  // JSON.stringify gives no text for it.
  const text = JSON.stringify(value) as string | undefined;
  if (text !== undefined) put(text);
}

/** Hands `write` the UTF-8 bytes of `value`'s compact JSON in pieces of about PIECE_BYTES. */
export function writeJsonInPieces(value: unknown, write: (bytes: Buffer) => void): void {
  // A fresh buffer for each piece handed on: `write` may keep it (a stream queues what it cannot write yet).
  let piece = Buffer.allocUnsafeSlow(PIECE_BYTES);
  let size = 0;
  const handOn = () => {
    write(piece.subarray(0, size));
    piece = Buffer.allocUnsafeSlow(PIECE_BYTES);
    size = 0;
  };
  walk(value, 0, (text) => {
    // encodeInto writes whole characters only, as many as fit; the rest goes into the next piece.
    let read = 0;
    while (read < text.length) {
      const done = encoder.encodeInto(read === 0 ? text : text.slice(read), piece.subarray(size));
      size += done.written;
      read += done.read;
      if (read < text.length || size >= PIECE_BYTES - 3) handOn();
    }
  });
  if (size > 0) write(piece.subarray(0, size));
}
