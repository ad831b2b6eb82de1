import { writeJsonInPieces } from './json-pieces.js';

/** Prints a result: JSON when asked for, else the human rendering. Always ends with a newline. */
export function emit(json: boolean, data: unknown, human: () => string): void {
  // Compact when piped to a program, where size and speed count: written in pieces, never held as one string.
  if (json && !process.stdout.isTTY) {
    writeJsonInPieces(data, (bytes) => process.stdout.write(bytes));
    process.stdout.write('\n');
    return;
  }
  // Indented for a person at a terminal.
  const text = json ? JSON.stringify(data, null, 2) : human();
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
