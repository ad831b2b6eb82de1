/**
 * The CSV importers: LinkedIn's Connections.csv, Google Contacts (current and
 * legacy layouts) and Outlook. Each reads decoded text (see decode.ts) and
 * returns every record of the file either as a contact or as skipped, each with
 * the physical line it starts on; a file that cannot be read as a whole throws
 * ImportFileError with its line.
 *
 * Decisions, the same for every format:
 * - A contact needs a name. A record without one is skipped, as "no name (only
 *   an email)" when it has an email, "no name at all" otherwise; an email's
 *   local part is never made into a name.
 * - Blank lines are not records. Columns are found by their header names, so
 *   column order does not matter and unknown columns are ignored; a row may
 *   have fewer or more cells than the header.
 * - Names, organisations, roles and locations are trimmed with whitespace
 *   collapsed; any script is kept as written. Notes keep their line breaks.
 * - A value the contact cannot hold (an unreadable `Connected On` or birthday)
 *   is never a reason to skip the record: the field stays null and the value is
 *   kept, as written, in the notes ("Connected On: …", "Birthday: …").
 * - Web addresses become `linkedin`, `github`, `x`, `orcid` or `bluesky`
 *   channels by their host, `web` otherwise; the same channel twice is kept once.
 */
import { classifyUrl } from '../../core/contact-links.js';
import { parse, type Options } from 'csv-parse/sync';
import { daysInMonth, isIsoDate, type IsoDate } from '../../core/dates.js';
import { ImportFileError, type ImportedContact, type ImportFormat, type ParsedFile, type SkippedRecord } from '../../core/import-types.js';
import type { ContactKind } from '../../core/vocabulary.js';

// ---------------------------------------------------------------------------
// Reading CSV with true line numbers

interface CsvRow {
  /** The physical line of the file where the record starts. */
  line: number;
  cells: string[];
}

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

const CSV_OPTIONS: Options = {
  info: true,
  bom: true,
  relax_column_count: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** Line breaks are CRLF, LF or a lone CR, each one break. */
function breaksBetween(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) count++;
  }
  return count;
}

function breaksBefore(text: string, offset: number): number {
  return text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * Every non-blank record of `text`, which starts at line `firstLine` of the file.
 * csv-parse counts lines inside quoted CRLF twice, so lines are counted here,
 * from the byte where each record ends.
 */
export function readRecords(text: string, firstLine: number): CsvRow[] {
  const bytes = Buffer.from(text, 'utf8');
  let parsed: ParsedRecord[];
  try {
    parsed = parse(bytes, CSV_OPTIONS) as unknown as ParsedRecord[];
  } catch (error) {
    throw csvFileError(error, text, firstLine);
  }
  const rows: CsvRow[] = [];
  let line = firstLine;
  let offset = 0;
  for (const { record, info } of parsed) {
    const blank = record.length === 1 && (record[0] ?? '').trim() === '';
    if (!blank) rows.push({ line, cells: record });
    line += breaksBetween(bytes, offset, info.bytes);
    offset = info.bytes;
  }
  return rows;
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
 * csv-parse applies), and the start of the record at fault: an unbalanced quote
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

function csvFileError(error: unknown, text: string, firstLine: number): ImportFileError {
  const problem = findQuoteProblem(text);
  if (problem) return quoteProblemError(problem, text, firstLine);
  // Never csv-parse's own message: its code, and the line it names.
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
  const lines = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : null;
  return new ImportFileError(lines === null ? null : firstLine + Math.max(0, lines - 1), `cannot be read as CSV (${code})`);
}

/**
 * A record cut off at the end of the file: the text ends without a line break and
 * its last record has fewer cells than the header. (A complete last row without a
 * final line break is fine; an unclosed quote at the end is found by the parser.)
 */
function refuseCutOff(text: string, head: CsvRow | undefined, rows: CsvRow[]): void {
  const last = rows[rows.length - 1];
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
function headerCells(line: string): string[] | null {
  if (line.length >= HEADER_SCAN_CHARS) return null;
  try {
    const records = parse(line, { bom: true, relax_column_count: true }) as string[][];
    return records.length === 1 && records[0] ? records[0].map((cell) => cell.trim()) : null;
  } catch {
    return null;
  }
}

/**
 * The first `max` physical lines within the first HEADER_SCAN_CHARS characters,
 * each with the offset where it starts; a line the scan cuts is left out.
 */
function physicalLines(text: string, max: number): { start: number; text: string }[] {
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
function firstNonBlankLine(text: string): { index: number; cells: string[] | null } | null {
  const lines = physicalLines(text, 50);
  const index = lines.findIndex((line) => line.text.trim() !== '');
  const line = lines[index];
  return line ? { index, cells: headerCells(line.text) } : null;
}

/** Columns by header name; the first of two columns of the same name wins. */
class Table {
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

// ---------------------------------------------------------------------------
// Values

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

function joinName(...parts: string[]): string {
  return clean(parts.join(' '));
}

function noteText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

function addNote(notes: string | null, note: string): string {
  return notes === null ? note : `${notes}\n${note}`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** LinkedIn's `Connected On`: `07 Dec 2025` (English month, abbreviated or full), or ISO `2025-12-07`. */
export function parseConnectedOn(value: string): IsoDate | null {
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const match = /^(\d{1,2})[ -]([A-Za-z]{3,})\.?,?[ -](\d{4})$/.exec(text);
  if (!match) return null;
  const word = (match[2] ?? '').toLowerCase();
  const month = MONTHS.findIndex((name) => name.startsWith(word));
  if (month === -1) return null;
  const iso = `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function isMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/** A birthday in ImportedContact's form (`YYYY-MM-DD` or `--MM-DD`), or null. */
function isoBirthday(value: string): string | null {
  if (isIsoDate(value)) return value;
  const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
  if (yearless && isMonthDay(Number(yearless[1]), Number(yearless[2]))) return value;
  return null;
}

/**
 * Outlook's birthday: `0/0/00` (or any all-zero date) for none; otherwise a date
 * in the writer's locale. With day and month both 12 or less, `5/6/1985` is
 * ambiguous (May 6th in the US, June 5th elsewhere) and is not guessed.
 */
function outlookBirthday(value: string): string | null {
  if (isIsoDate(value)) return value;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  const monthFirst = b > 12 || a === b;
  const dayFirst = a > 12;
  if (monthFirst === dayFirst) return null;
  const [month, day] = monthFirst ? [a, b] : [b, a];
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function isNoDate(value: string): boolean {
  return value === '' || /^[0\s/.-]+$/.test(value);
}

/** Takes a birthday: sets `birthday`, or keeps an unreadable one in the notes. */
function takeBirthday(contact: ImportedContact, raw: string, read: (value: string) => string | null): void {
  const value = raw.trim();
  if (isNoDate(value)) return;
  const birthday = read(value);
  if (birthday === null) contact.notes = addNote(contact.notes, `Birthday: ${value}`);
  else contact.birthday = birthday;
}

/** What each contact holds already, so that a row with thousands of columns or categories is read in linear time. */
const taken = new WeakMap<ImportedContact, Set<string>>();

function takenOf(contact: ImportedContact): Set<string> {
  let keys = taken.get(contact);
  if (!keys) taken.set(contact, (keys = new Set()));
  return keys;
}

function addChannel(contact: ImportedContact, kind: ContactKind, raw: string, label: string | null = null): void {
  const value = raw.trim();
  if (value === '') return;
  const key = `channel ${kind} ${kind === 'email' ? value.toLowerCase() : value}`;
  const keys = takenOf(contact);
  if (keys.has(key)) return;
  keys.add(key);
  contact.channels.push({ kind, value, label });
}

function addTag(contact: ImportedContact, raw: string): void {
  const tag = clean(raw);
  const key = `tag ${tag}`;
  const keys = takenOf(contact);
  if (tag === '' || keys.has(key)) return;
  keys.add(key);
  contact.tags.push(tag);
}

function newContact(line: number): ImportedContact {
  return { line, name: null, organisation: null, role: null, location: null, notes: null, channels: [], tieBeganOn: null, birthday: null, tags: [] };
}

function skipReason(contact: ImportedContact): string {
  return contact.channels.some((c) => c.kind === 'email') ? 'no name (only an email)' : 'no name at all';
}

function result(format: ImportFormat, drafts: ImportedContact[]): ParsedFile {
  const contacts: ImportedContact[] = [];
  const skipped: SkippedRecord[] = [];
  for (const draft of drafts) {
    if (draft.name === null) skipped.push({ line: draft.line, reason: skipReason(draft) });
    else contacts.push(draft);
  }
  return { format, records: drafts.length, contacts, skipped };
}

function location(...parts: string[]): string | null {
  return orNull(parts.map(clean).filter((part) => part !== '').join(', '));
}

// ---------------------------------------------------------------------------
// LinkedIn

const LINKEDIN_REQUIRED = ['First Name', 'Last Name', 'Connected On'];
/** How far down the `Notes:` preamble the header may be. */
const LINKEDIN_HEADER_WITHIN = 20;

function isLinkedInHeader(cells: string[] | null): boolean {
  return cells !== null && LINKEDIN_REQUIRED.every((name) => cells.includes(name));
}

function findLinkedInHeader(text: string): { start: number; index: number } | null {
  const lines = physicalLines(text, LINKEDIN_HEADER_WITHIN);
  const index = lines.findIndex((line) => line.text.includes('Connected On') && isLinkedInHeader(headerCells(line.text)));
  const line = lines[index];
  return line ? { start: line.start, index } : null;
}

export function looksLikeLinkedIn(text: string): boolean {
  return findLinkedInHeader(withoutBom(text)) !== null;
}

/**
 * LinkedIn's Connections.csv: an optional `Notes:` preamble, then the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On` (older
 * exports lack `URL`). `Connected On` becomes `tieBeganOn`.
 */
export function parseLinkedInCsv(text: string): ParsedFile {
  const body = withoutBom(text);
  const header = findLinkedInHeader(body);
  if (!header) {
    throw new ImportFileError(null, `this is not a LinkedIn Connections.csv: no header line with ${LINKEDIN_REQUIRED.map((n) => `"${n}"`).join(', ')} in its first ${LINKEDIN_HEADER_WITHIN} lines`);
  }
  const records = body.slice(header.start);
  const [head, ...rows] = readRecords(records, header.index + 1);
  refuseCutOff(records, head, rows);
  const table = new Table(head?.cells ?? []);
  return result(
    'linkedin',
    rows.map((row) => {
      const contact = newContact(row.line);
      contact.name = orNull(joinName(table.cell(row, 'First Name'), table.cell(row, 'Last Name')));
      contact.familyName = orNull(clean(table.cell(row, 'Last Name')));
      contact.organisation = orNull(clean(table.cell(row, 'Company')));
      contact.role = orNull(clean(table.cell(row, 'Position')));
      addChannel(contact, 'linkedin', table.cell(row, 'URL'));
      addChannel(contact, 'email', table.cell(row, 'Email Address'));
      const connected = clean(table.cell(row, 'Connected On'));
      if (connected !== '') {
        contact.tieBeganOn = parseConnectedOn(connected);
        if (contact.tieBeganOn === null) contact.notes = addNote(contact.notes, `Connected On: ${connected}`);
      }
      return contact;
    }),
  );
}

// ---------------------------------------------------------------------------
// Google Contacts

type GoogleLayout = 'current' | 'legacy';

const GOOGLE_MULTI = /^(E-mail|Phone|Address|Website|Relation|Event|Custom Field|IM) \d+ - (Label|Type|Value)$/;

function googleLayout(cells: string[] | null): GoogleLayout | null {
  if (cells === null || cells.includes('Connected On')) return null;
  if (['Name', 'Given Name', 'Family Name'].every((name) => cells.includes(name))) return 'legacy';
  const named = cells.includes('First Name') && cells.includes('Last Name');
  const google = cells.some((cell) => GOOGLE_MULTI.test(cell)) || ['Labels', 'File As', 'Organization Name', 'Phonetic First Name'].some((name) => cells.includes(name));
  return named && google && !cells.includes('E-mail Address') ? 'current' : null;
}

export function looksLikeGoogle(text: string): boolean {
  return googleLayout(firstNonBlankLine(withoutBom(text))?.cells ?? null) !== null;
}

const GOOGLE_SEPARATOR = ' ::: ';
const GOOGLE_SYSTEM_LABELS = new Set(['mycontacts', 'my contacts', 'starred']);

function googleLabel(raw: string): string | null {
  return orNull(clean(raw.replace(/^\*\s*/, '')));
}

/** `E-mail 1 - Value` may hold several values joined by ` ::: `; the label may too, one per value. */
function googleChannels(contact: ImportedContact, table: Table, row: CsvRow, field: string, kind: (value: string) => ContactKind): void {
  for (const column of table.matching(new RegExp(`^${field} \\d+ - Value$`))) {
    const values = table.cell(row, column).split(GOOGLE_SEPARATOR);
    const labelCell = table.cell(row, column.replace(/Value$/, 'Label')) || table.cell(row, column.replace(/Value$/, 'Type'));
    const labels = labelCell.split(GOOGLE_SEPARATOR);
    values.forEach((value, i) => {
      const label = labels.length === values.length ? labels[i] : labels.length === 1 ? labels[0] : undefined;
      addChannel(contact, kind(value.trim()), value, googleLabel(label ?? ''));
    });
  }
}

/**
 * Google Contacts CSV. The current layout (`First Name`, `Middle Name`, `Last
 * Name`, `Organization Name`, `Labels`, …) and the legacy one (`Name`, `Given
 * Name`, `Family Name`, `Organization 1 - Name`, `Group Membership`, …). Several
 * values in one cell are joined by ` ::: `; labels become tags, without the
 * system labels `* myContacts` and `* starred`.
 */
export function parseGoogleCsv(text: string): ParsedFile {
  const body = withoutBom(text);
  const first = firstNonBlankLine(body);
  const layout = googleLayout(first?.cells ?? null);
  if (!first || !layout) {
    throw new ImportFileError(first ? first.index + 1 : null, 'this is not a Google Contacts CSV: its header has neither "First Name", "Last Name" and "Labels" (or "E-mail 1 - Value"), nor "Name", "Given Name" and "Family Name"');
  }
  const [head, ...rows] = readRecords(body, 1);
  refuseCutOff(body, head, rows);
  const table = new Table(head?.cells ?? []);
  const pick = (row: CsvRow, ...names: string[]) => names.map((name) => clean(table.cell(row, name))).find((value) => value !== '') ?? '';
  return result(
    'google',
    rows.map((row) => {
      const contact = newContact(row.line);
      const name =
        layout === 'legacy'
          ? pick(row, 'Name') || joinName(table.cell(row, 'Given Name'), table.cell(row, 'Additional Name'), table.cell(row, 'Family Name'))
          : joinName(table.cell(row, 'First Name'), table.cell(row, 'Middle Name'), table.cell(row, 'Last Name'));
      contact.name = orNull(name || pick(row, 'Nickname'));
      contact.familyName = orNull(clean(table.cell(row, layout === 'legacy' ? 'Family Name' : 'Last Name')));
      contact.organisation = orNull(pick(row, 'Organization Name', 'Organization 1 - Name'));
      contact.role = orNull(pick(row, 'Organization Title', 'Organization 1 - Title'));
      contact.location = location(table.cell(row, 'Address 1 - City'), table.cell(row, 'Address 1 - Country')) ?? orNull(pick(row, 'Location'));
      contact.notes = orNull(noteText(table.cell(row, 'Notes')));
      googleChannels(contact, table, row, 'E-mail', () => 'email');
      googleChannels(contact, table, row, 'Phone', () => 'phone');
      googleChannels(contact, table, row, 'Website', classifyUrl);
      for (const label of table.cell(row, layout === 'legacy' ? 'Group Membership' : 'Labels').split(GOOGLE_SEPARATOR)) {
        const tag = googleLabel(label);
        if (tag !== null && !GOOGLE_SYSTEM_LABELS.has(tag.toLowerCase())) addTag(contact, tag);
      }
      takeBirthday(contact, table.cell(row, 'Birthday'), isoBirthday);
      return contact;
    }),
  );
}

// ---------------------------------------------------------------------------
// Outlook

const OUTLOOK_MARKERS = ['E-mail Address', 'Business Phone', 'Mobile Phone', 'Job Title', 'Web Page'];

function isOutlookHeader(cells: string[] | null): boolean {
  if (cells === null || isLinkedInHeader(cells) || googleLayout(cells) !== null) return false;
  return cells.includes('First Name') && cells.includes('Last Name') && OUTLOOK_MARKERS.some((name) => cells.includes(name));
}

export function looksLikeOutlook(text: string): boolean {
  return isOutlookHeader(firstNonBlankLine(withoutBom(text))?.cells ?? null);
}

const OUTLOOK_EMAILS = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'];
const OUTLOOK_PHONES: [string, string][] = [
  ['Mobile Phone', 'mobile'],
  ['Business Phone', 'work'],
  ['Business Phone 2', 'work'],
  ['Company Main Phone', 'work'],
  ['Home Phone', 'home'],
  ['Home Phone 2', 'home'],
  ['Primary Phone', 'primary'],
  ['Other Phone', 'other'],
];

/**
 * Outlook's CSV (desktop or Outlook.com, English headers): `First Name`,
 * `Middle Name`, `Last Name`, `Company`, `Job Title`, three e-mail addresses,
 * phones, `Web Page`, `Notes`, the business (else home) city and country,
 * `Categories` (`;`-separated) as tags and `Birthday` (`0/0/00` for none).
 * Exchange-internal addresses (`/o=…`) are not emails and are left out.
 */
export function parseOutlookCsv(text: string): ParsedFile {
  const body = withoutBom(text);
  const first = firstNonBlankLine(body);
  if (!first || !isOutlookHeader(first.cells)) {
    throw new ImportFileError(first ? first.index + 1 : null, 'this is not an Outlook contacts CSV: its header lacks "First Name", "Last Name" and "E-mail Address" (or "Business Phone", "Job Title")');
  }
  const [head, ...rows] = readRecords(body, 1);
  refuseCutOff(body, head, rows);
  const table = new Table(head?.cells ?? []);
  const cell = (row: CsvRow, name: string) => clean(table.cell(row, name));
  return result(
    'outlook',
    rows.map((row) => {
      const contact = newContact(row.line);
      contact.name = orNull(joinName(cell(row, 'First Name'), cell(row, 'Middle Name'), cell(row, 'Last Name')) || cell(row, 'Nickname'));
      contact.familyName = orNull(cell(row, 'Last Name'));
      contact.organisation = orNull(cell(row, 'Company'));
      contact.role = orNull(cell(row, 'Job Title'));
      contact.location =
        location(cell(row, 'Business City'), cell(row, 'Business Country/Region')) ?? location(cell(row, 'Home City'), cell(row, 'Home Country/Region'));
      contact.notes = orNull(noteText(table.cell(row, 'Notes')));
      for (const column of OUTLOOK_EMAILS) {
        const email = cell(row, column);
        if (!email.toLowerCase().startsWith('/o=')) addChannel(contact, 'email', email);
      }
      for (const [column, label] of OUTLOOK_PHONES) addChannel(contact, 'phone', cell(row, column), label);
      const web = cell(row, 'Web Page');
      addChannel(contact, classifyUrl(web), web);
      for (const category of table.cell(row, 'Categories').split(';')) addTag(contact, category);
      takeBirthday(contact, table.cell(row, 'Birthday'), outlookBirthday);
      return contact;
    }),
  );
}
