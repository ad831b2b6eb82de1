/**
 * The CSV reader every CSV format shares: records with the physical line each starts on,
 * quoting faults named by the line where they are, a header found within the first
 * HEADER_SCAN_CHARS characters, and columns found by their header names.
 */
import { ImportFileError } from '../../core/import-types.js';

export interface CsvRow {
  /** The physical line of the file where the record starts. */
  line: number;
  cells: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks are CRLF, LF or a lone CR, each one break. */
function breaksIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

function breaksBefore(text: string, offset: number): number {
  return text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * Every non-blank record of `text`, which starts at line `firstLine` of the file, by
 * RFC 4180: fields split by commas, records by CRLF, LF or a lone CR, a field in
 * double quotes may hold commas, breaks and doubled quotes; rows may be of any length;
 * a byte-order mark at the start is not part of the first field. Lines are counted
 * as the text is read, breaks inside quoted fields included.
 *
 * Read here rather than by a general CSV library: csv-parse took over a second for a
 * 30,000-row LinkedIn export (issue 15), where this takes a few tens of milliseconds;
 * formats.test.ts holds it to csv-parse's records and refusals on generated text.
 */
export function readRecords(text: string, firstLine: number): CsvRow[] {
  const rows: CsvRow[] = [];
  forEachRecord(text, firstLine, (row) => rows.push(row));
  return rows;
}

/**
 * Hands each record to `visit` as readRecords reads it, in order, instead of keeping them all:
 * a format that makes each record into a contact at once keeps no record past its turn. For a
 * 30,000-row LinkedIn export, holding every record (an object, an array and seven cells each)
 * until the last was read made V8 copy them from one young space to the next and into the old,
 * most of the reading's CPU (issue 15). A quoting fault still throws before any later record.
 */
export function forEachRecord(text: string, firstLine: number, visit: (row: CsvRow) => void): void {
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = firstLine;
  while (i < end) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) throw csvFileError(text, firstLine);
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) !== QUOTE) {
            i = close + 1;
            break;
          }
          value += '"';
          from = close + 2;
        }
        line += breaksIn(value);
        cells.push(value);
        const next = text.charCodeAt(i);
        if (i < end && next !== COMMA && next !== CR && next !== LF) throw csvFileError(text, firstLine);
      } else {
        // Scanned a character at a time: a regular expression's match made an object for each of an import's 200,000 cells.
        let stop = i;
        for (; stop < end; stop++) {
          const c = text.charCodeAt(stop);
          if (c === COMMA || c === CR || c === LF || c === QUOTE) break;
        }
        if (text.charCodeAt(stop) === QUOTE) throw csvFileError(text, firstLine);
        cells.push(text.slice(i, stop));
        i = stop;
      }
      if (i >= end) break;
      if (text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    const blank = cells.length === 1 && cells[0]!.trim() === '';
    if (!blank) visit({ line: start, cells });
  }
}

interface QuoteProblem {
  /** Where the record holding the fault starts: the line an error names. */
  recordStart: number;
  /** Where the quoted field at fault opens (-1 for a stray quote). */
  opening: number;
  /** Where the parser notices the damage. */
  offset: number;
  kind: 'unclosed' | 'stray' | 'after-closing';
}

/**
 * Finds where the quoting of a CSV text goes wrong, by RFC 4180's rules (those
 * readRecords applies), and the start of the record at fault: an unbalanced quote
 * is noticed only lines later, where the next quote "closes" the field and text
 * follows it, but the damage is in the record where the field opened.
 */
function findQuoteProblem(text: string): QuoteProblem | null {
  let fieldStart = true;
  let quoted = false;
  let closed = false;
  let opening = -1;
  let recordStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') continue;
      if (text[i + 1] === '"') {
        i++;
        continue;
      }
      quoted = false;
      closed = true;
    } else if (c === ',' || c === '\r' || c === '\n') {
      fieldStart = true;
      closed = false;
      if (c !== ',') recordStart = i + 1;
    } else if (closed) {
      return { recordStart, opening, offset: i, kind: 'after-closing' };
    } else if (c === '"') {
      if (!fieldStart) return { recordStart, opening: -1, offset: i, kind: 'stray' };
      quoted = true;
      opening = i;
      fieldStart = false;
    } else {
      fieldStart = false;
    }
  }
  return quoted ? { recordStart, opening, offset: opening, kind: 'unclosed' } : null;
}

function quoteProblemError(problem: QuoteProblem, text: string, firstLine: number): ImportFileError {
  const lineOf = (offset: number) => firstLine + breaksBefore(text, offset);
  const line = lineOf(problem.recordStart);
  const opened = problem.opening >= 0 ? lineOf(problem.opening) : line;
  const noticed = lineOf(problem.offset);
  const where = (at: number) => (at === line ? 'on this line' : `on line ${at}`);
  switch (problem.kind) {
    case 'unclosed':
      return new ImportFileError(line, `a quoted field is never closed: it opens ${where(opened)} and the file ends inside it (an unbalanced quote, or a file cut off)`);
    case 'after-closing':
      // A quoted field that ran over a line break and "closed" at a later field's quote: its own closing quote is missing.
      if (opened !== noticed) return new ImportFileError(line, `a quoted field is never closed: it opens ${where(opened)} and runs on to line ${noticed}, where text follows the next quote (an unbalanced quote)`);
      return new ImportFileError(line, `text follows the closing quote of a field ${where(noticed)} (quotes inside a quoted field must be doubled)`);
    case 'stray':
      return new ImportFileError(line, `a quote inside a field that does not start with one, ${where(noticed)} (a field holding quotes must be quoted, its quotes doubled)`);
  }
}

/** The reader stopped at a quoting fault: found again from the start, to name where the damage began. */
function csvFileError(text: string, firstLine: number): ImportFileError {
  const problem = findQuoteProblem(text);
  if (problem) return quoteProblemError(problem, text, firstLine);
  return new ImportFileError(null, 'cannot be read as CSV');
}

/**
 * A record cut off at the end of the file: the text ends without a line break and
 * its last record has fewer cells than the header. (A complete last row without a
 * final line break is fine; an unclosed quote at the end is found by the parser.)
 */
export function refuseCutOff(text: string, head: CsvRow | undefined, last: CsvRow | undefined): void {
  if (!head || !last || /[\r\n]$/.test(text)) return;
  if (last.cells.length < head.cells.length) {
    throw new ImportFileError(
      last.line,
      `the file ends in the middle of this record: it has ${last.cells.length} of the ${head.cells.length} columns and no line break after it (was the file cut off?)`,
    );
  }
}

/**
 * How much of a file is looked at to find and read its header: a header is a few
 * hundred characters, so a file whose first line is megabytes long is told apart
 * (or refused) after reading this much of it, never the whole line.
 */
export const HEADER_SCAN_CHARS = 64 * 1024;

/** The cells of one physical line read as a CSV header, or null when it is not one. */
export function headerCells(line: string): string[] | null {
  if (line.length >= HEADER_SCAN_CHARS) return null;
  try {
    const records = readRecords(line, 1);
    return records.length === 1 && records[0] ? records[0].cells.map((cell) => cell.trim()) : null;
  } catch {
    return null;
  }
}

/**
 * The first `max` physical lines within the first HEADER_SCAN_CHARS characters,
 * each with the offset where it starts; a line the scan cuts is left out.
 */
export function physicalLines(text: string, max: number): { start: number; text: string }[] {
  const scanned = text.length > HEADER_SCAN_CHARS ? text.slice(0, HEADER_SCAN_CHARS) : text;
  const lines: { start: number; text: string }[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  while (lines.length < max && start <= scanned.length) {
    const match = breaks.exec(scanned);
    const end = match ? match.index : scanned.length;
    // A line the scan cuts is longer than any header: left out.
    if (!match && scanned.length < text.length) break;
    lines.push({ start, text: scanned.slice(start, end) });
    if (!match) break;
    start = end + match[0].length;
  }
  return lines;
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first non-blank line, with its 0-based index. */
export function firstNonBlankLine(text: string): { index: number; cells: string[] | null } | null {
  const lines = physicalLines(text, 50);
  const index = lines.findIndex((line) => line.text.trim() !== '');
  const line = lines[index];
  return line ? { index, cells: headerCells(line.text) } : null;
}

/** Columns by header name; the first of two columns of the same name wins. */
export class Table {
  private readonly index = new Map<string, number>();
  constructor(readonly header: string[]) {
    header.forEach((name, i) => {
      const key = name.trim();
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }
  has(name: string): boolean {
    return this.index.has(name);
  }
  /** The raw cell ('' when the column or the cell is missing). */
  cell(row: CsvRow, name: string): string {
    const i = this.index.get(name);
    return i === undefined ? '' : (row.cells[i] ?? '');
  }
  /** Column names matching a pattern, in header order. */
  matching(pattern: RegExp): string[] {
    return this.header.map((name) => name.trim()).filter((name) => pattern.test(name));
  }
}
