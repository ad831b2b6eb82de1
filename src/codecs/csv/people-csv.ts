import type { Person } from '../../core/model.js';

/**
 * People as CSV for spreadsheets: one header row, RFC 4180 quoting, CRLF line
 * ends, UTF-8 with a byte-order mark so that Excel reads the accents right.
 *
 * Formula injection (CSV injection): a spreadsheet runs a cell that starts with
 * `=`, `+`, `-` or `@` as a formula, and some treat a leading TAB or CR the same
 * way, so a contact named `=HYPERLINK(...)` could run on the user's machine.
 * Following OWASP's advice ("CSV Injection"), such a cell gets a leading single
 * quote, which makes the spreadsheet show it as text; and every cell holding the
 * separator, a double quote or a line break is wrapped in double quotes with its
 * quotes doubled, so no cell can spill into the next one and start a formula there.
 */

export interface PeopleCsvOptions {
  /** Add the notes column (private notes stay out by default). */
  includeNotes?: boolean;
}

export const PEOPLE_CSV_COLUMNS = [
  'id',
  'name',
  'organisation',
  'role',
  'location',
  'category',
  'stage',
  'strength',
  'importance',
  'know_and_like',
  'can_help',
  'can_help_how',
  'cadence',
  'preferred_channel',
  'lost_job_list',
  'next_contact',
  'last_exchange',
  'tags',
  'emails',
  'phones',
  'links',
  'how_met',
  'tie_began',
  'source',
  'notes',
] as const;
export type PeopleCsvColumn = (typeof PEOPLE_CSV_COLUMNS)[number];

const LIST_SEPARATOR = '; ';
const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const joined = (values: readonly string[]): string => values.join(LIST_SEPARATOR);

function cellsOf(person: Person): Record<PeopleCsvColumn, string> {
  const channelValues = (test: (kind: string) => boolean) => joined(person.channels.filter((c) => test(c.kind)).map((c) => c.value));
  return {
    id: person.id,
    name: person.name,
    organisation: person.organisation ?? '',
    role: person.role ?? '',
    location: person.location ?? '',
    category: person.category ?? '',
    stage: person.stage,
    strength: String(person.strength),
    importance: String(person.importance),
    know_and_like: yesNo(person.knowAndLike),
    can_help: yesNo(person.canHelp),
    can_help_how: person.canHelpHow ?? '',
    cadence: person.cadence ?? '',
    preferred_channel: person.preferredChannel ?? '',
    lost_job_list: yesNo(person.lostJobList),
    next_contact: person.nextContact?.date ?? '',
    last_exchange: person.lastExchangeOn ?? '',
    tags: joined(person.tags),
    emails: channelValues((kind) => kind === 'email'),
    phones: channelValues((kind) => kind === 'phone'),
    links: channelValues((kind) => kind !== 'email' && kind !== 'phone'),
    how_met: person.howMet ?? '',
    tie_began: person.tieBeganOn ?? '',
    source: person.source,
    notes: person.notes ?? '',
  };
}

/** The table before escaping: the header, then one row of plain cell values per person. */
export function peopleTable(people: readonly Person[], options: PeopleCsvOptions = {}): string[][] {
  const columns = PEOPLE_CSV_COLUMNS.filter((c) => c !== 'notes' || options.includeNotes === true);
  return [[...columns], ...people.map((person) => {
    const cells = cellsOf(person);
    return columns.map((c) => cells[c]);
  })];
}

/** Whether a spreadsheet could take this cell for a formula (OWASP: = + - @ TAB CR). */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/** One cell, defused and quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** People as CSV text: BOM, header, CRLF after every row. */
export function peopleCsv(people: readonly Person[], options: PeopleCsvOptions = {}): string {
  return `\uFEFF${peopleTable(people, options)
    .map((row) => `${row.map(csvCell).join(',')}\r\n`)
    .join('')}`;
}
