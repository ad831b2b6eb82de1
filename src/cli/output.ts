import Table from 'cli-table3';

// emit has a file of its own, so that a command that prints only JSON or its own text (`waggle check`) does not load cli-table3.
export { emit } from './emit.js';

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
