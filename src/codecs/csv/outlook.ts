/**
 * Outlook's contacts CSV (desktop or Outlook.com, English headers).
 */
import { classifyUrl } from '../../core/contact-links.js';
import { isIsoDate } from '../../core/dates.js';
import { ImportFileError, type ParsedFile } from '../../core/import-types.js';
import { googleLayout } from './google.js';
import { isLinkedInHeader } from './linkedin.js';
import { firstNonBlankLine, readRecords, refuseCutOff, Table, withoutBom, type CsvRow } from './reader.js';
import { addChannel, addTag, clean, joinName, location, newContact, noteText, orNull, result, takeBirthday } from './values.js';

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
  refuseCutOff(body, head, rows.at(-1));
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
