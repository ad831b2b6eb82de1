import Table from 'cli-table3';
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

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
}

/** A plain, borderless table that reads well in a terminal and in a pasted email. */
export function table<T>(rows: readonly T[], columns: Column<T>[]): string {
  const t = new Table({
    head: columns.map((c) => c.header),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: process.stdout.isTTY ? ['bold'] : [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
  });
  for (const row of rows) t.push(columns.map((c) => clip(String(c.value(row) ?? ''))));
  return t.toString().replace(/[ \t]+$/gm, '');
}

/** Label: value lines for one record, skipping empty values. */
export function fields(pairs: [string, string | number | null | undefined][]): string {
  const shown = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '');
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${String(v)}`).join('\n');
}

function clip(text: string, max = 48): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** "3 of 120 people" when paged, "120 people" otherwise. */
export function countLine(shown: number, total: number, noun: string): string {
  const plural = total === 1 ? noun : `${noun}s`;
  return shown === total ? `${total} ${plural}` : `${shown} of ${total} ${plural}`;
}
