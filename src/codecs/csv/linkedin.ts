/**
 * LinkedIn's Connections.csv (what every CSV format shares: values.ts).
 */
import { isIsoDate, type IsoDate } from '../../core/dates.js';
import { ImportFileError, type ParsedFile } from '../../core/import-types.js';
import { forEachRecord, physicalLines, headerCells, refuseCutOff, Table, withoutBom, type CsvRow } from './reader.js';
import type { ImportedContact } from '../../core/import-types.js';
import { addChannel, addNote, clean, joinName, newContact, orNull, result } from './values.js';

/** English month names, for LinkedIn's `Connected On`. */
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

const LINKEDIN_REQUIRED = ['First Name', 'Last Name', 'Connected On'];
/** How far down the `Notes:` preamble the header may be. */
const LINKEDIN_HEADER_WITHIN = 20;

export function isLinkedInHeader(cells: string[] | null): boolean {
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
export function parseLinkedInCsv(text: string, each?: (contact: ImportedContact) => void): ParsedFile {
  const body = withoutBom(text);
  const header = findLinkedInHeader(body);
  if (!header) {
    throw new ImportFileError(null, `this is not a LinkedIn Connections.csv: no header line with ${LINKEDIN_REQUIRED.map((n) => `"${n}"`).join(', ')} in its first ${LINKEDIN_HEADER_WITHIN} lines`);
  }
  const records = body.slice(header.start);
  // Each distinct date read once: an export's 30,000 rows hold a few thousand days (issue 15).
  const days = new Map<string, IsoDate | null>();
  const contactOf = (table: Table, row: CsvRow): ImportedContact => {
    const contact = newContact(row.line);
    contact.name = orNull(joinName(table.cell(row, 'First Name'), table.cell(row, 'Last Name')));
    contact.familyName = orNull(clean(table.cell(row, 'Last Name')));
    contact.organisation = orNull(clean(table.cell(row, 'Company')));
    contact.role = orNull(clean(table.cell(row, 'Position')));
    addChannel(contact, 'linkedin', table.cell(row, 'URL'));
    addChannel(contact, 'email', table.cell(row, 'Email Address'));
    const connected = clean(table.cell(row, 'Connected On'));
    if (connected !== '') {
      let day = days.get(connected);
      if (day === undefined) days.set(connected, (day = parseConnectedOn(connected)));
      contact.tieBeganOn = day;
      if (contact.tieBeganOn === null) contact.notes = addNote(contact.notes, `Connected On: ${connected}`);
    }
    return contact;
  };
  // Each record made into a contact as it is read (forEachRecord): none is kept past its turn.
  let head: CsvRow | undefined;
  let last: CsvRow | undefined;
  let table: Table | null = null;
  const contacts: ImportedContact[] = [];
  let read = 0;
  forEachRecord(records, header.index + 1, (row) => {
    if (table === null) {
      head = row;
      table = new Table(row.cells);
      return;
    }
    last = row;
    read += 1;
    const contact = contactOf(table, row);
    // Handed on as it is read when the caller plans as it goes: a contact with a name is then kept by no list here.
    if (each && contact.name !== null) each(contact);
    else contacts.push(contact);
  });
  refuseCutOff(records, head, last);
  return { ...result('linkedin', contacts), records: read };
}
