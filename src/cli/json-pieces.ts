/*
 * Compact JSON written in pieces: the same text as `JSON.stringify(value)`, handed out a
 * few hundred kilobytes at a time. `waggle check --json` at 5,000 people is 12.7 MB; as one
 * string it is held twice over (the string, then its bytes), and one name outside Latin-1
 * makes V8 keep the whole string two bytes a character, which is slow to turn into UTF-8.
 * Pieces keep each string small and mostly one byte a character.
 */

/** How much text to gather before handing it on: large enough that writes are few. */
const PIECE_CHARS = 256 * 1024;
/** Below this many elements an array is stringified whole: splitting it gains nothing. */
const SPLIT_AT = 64;
/** How deep to walk: the report, its parts, their lists; below that an item is one piece (a map node, a finding). */
const WALK_DEPTH = 3;

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

function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth >= WALK_DEPTH) {
    yield JSON.stringify(value) as string;
    return;
  }
  if (Array.isArray(value) && value.length >= SPLIT_AT) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      if (isSkipped(item)) yield 'null';
      else yield* pieces(item, depth + 1);
    }
    yield ']';
    return;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    yield '{';
    let first = true;
    for (const key of keys) {
      const item = value[key];
      if (isSkipped(item)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(item, depth + 1);
    }
    yield '}';
    return;
  }
  // Leaves and small arrays: JSON.stringify's own text (undefined at the top is its business).
  yield JSON.stringify(value) as string;
}

/** Hands `write` the compact JSON of `value` in pieces of about PIECE_CHARS characters. */
export function writeJsonInPieces(value: unknown, write: (text: string) => void): void {
  let gathered: string[] = [];
  let size = 0;
  for (const piece of pieces(value, 0)) {
    gathered.push(piece);
    size += piece.length;
    if (size >= PIECE_CHARS) {
      write(gathered.join(''));
      gathered = [];
      size = 0;
    }
  }
  if (size > 0) write(gathered.join(''));
}
