/**
 * Google Contacts CSV, its current layout and the legacy one.
 */
import { classifyUrl } from '../../core/contact-links.js';
import { isIsoDate } from '../../core/dates.js';
import { ImportFileError, type ImportedContact, type ParsedFile } from '../../core/import-types.js';
import type { ContactKind } from '../../core/vocabulary.js';
import { firstNonBlankLine, readRecords, refuseCutOff, Table, withoutBom, type CsvRow } from './reader.js';
import { addChannel, addTag, clean, isMonthDay, joinName, location, newContact, noteText, orNull, result, takeBirthday } from './values.js';

/** A birthday in ImportedContact's form (`YYYY-MM-DD` or `--MM-DD`), or null. */
function isoBirthday(value: string): string | null {
  if (isIsoDate(value)) return value;
  const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
  if (yearless && isMonthDay(Number(yearless[1]), Number(yearless[2]))) return value;
  return null;
}


type GoogleLayout = 'current' | 'legacy';

const GOOGLE_MULTI = /^(E-mail|Phone|Address|Website|Relation|Event|Custom Field|IM) \d+ - (Label|Type|Value)$/;

export function googleLayout(cells: string[] | null): GoogleLayout | null {
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
  refuseCutOff(body, head, rows.at(-1));
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
