import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../core/dates.js';
import { ImportFileError, type ImportedContact, type ParsedFile } from '../../core/import-types.js';
import { parseGoogleCsv } from './google.js';
import { parseConnectedOn, parseLinkedInCsv } from './linkedin.js';
import { parseOutlookCsv } from './outlook.js';
import { readRecords } from './reader.js';
import { decodeText } from './decode.js';
import { detectFormat } from './detect.js';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const fixture = (name: string) => decodeText(readFileSync(new URL(name, FIXTURES)));

function byName(file: ParsedFile, name: string): ImportedContact {
  const contact = file.contacts.find((c) => c.name === name);
  if (!contact) throw new Error(`no contact named ${name} in ${file.contacts.map((c) => c.name).join(', ')}`);
  return contact;
}

function refusal(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was not refused');
}

function expectWhole(file: ParsedFile) {
  expect(file.contacts.length + file.skipped.length).toBe(file.records);
}

describe('LinkedIn Connections.csv', () => {
  const file = parseLinkedInCsv(fixture('linkedin-connections.csv'));

  it('reads every record past the Notes: preamble, with the lines of the file', () => {
    expect(file.format).toBe('linkedin');
    expect(file.records).toBe(11);
    expectWhole(file);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [5, 'Ada Lovelace-Byron'],
      [6, 'Grace Hopper'],
      [7, 'Иван Петров'],
      [8, '美咲 佐藤'],
      [9, 'ليلى حداد'],
      [10, 'Robert "Bob" O\'Neill'],
      [12, 'Wei Zhang'],
      [14, 'Zoë'],
      [16, 'Sam Taylor Jr.'],
    ]);
    expect(file.skipped).toEqual([
      { line: 11, reason: 'no name at all' },
      { line: 15, reason: 'no name (only an email)' },
    ]);
  });

  it('turns Connected On into the date the tie began, URL and email into channels', () => {
    const ada = byName(file, 'Ada Lovelace-Byron');
    expect(ada).toMatchObject({ organisation: 'Analytical Engines Ltd', role: 'Chief Programmer', tieBeganOn: '2025-12-07', notes: null, birthday: null, tags: [] });
    expect(ada.channels).toEqual([
      { kind: 'linkedin', value: 'https://www.linkedin.com/in/ada-lovelace-example', label: null },
      { kind: 'email', value: 'ada@example.com', label: null },
    ]);
    expect(byName(file, 'ليلى حداد').tieBeganOn).toBe('2024-02-29');
    expect(byName(file, 'Sam Taylor Jr.').tieBeganOn).toBe('2019-12-07');
    expect(byName(file, 'Grace Hopper').channels.map((c) => c.kind)).toEqual(['linkedin']);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(byName(file, 'Grace Hopper')).toMatchObject({ organisation: 'Navy Research, Development & Test', role: 'Rear Admiral, Computing' });
    expect(byName(file, 'Robert "Bob" O\'Neill').organisation).toBe('The "Quoted" Company, Inc.');
    expect(byName(file, 'Wei Zhang')).toMatchObject({ organisation: 'Harbour Analytics', tieBeganOn: '2021-01-31' });
    expect(byName(file, 'Sam Taylor Jr.').organisation).toBe('Tiny Co');
  });

  it('keeps a contact whose Connected On is no date, and the value in its notes', () => {
    expect(byName(file, 'Zoë')).toMatchObject({ tieBeganOn: null, notes: 'Connected On: 31 Feb 2021', organisation: 'Freelance', role: null });
  });

  it('reads the older layout without URL', () => {
    const old = parseLinkedInCsv(fixture('linkedin-connections-old.csv'));
    expect(old.records).toBe(4);
    expectWhole(old);
    expect(old.contacts.map((c) => [c.line, c.name, c.tieBeganOn])).toEqual([
      [2, 'Kwame Mensah', '2019-06-14'],
      [3, 'Ingrid Johansson', '2018-04-02'],
      [4, 'Aarav Sharma', null],
    ]);
    expect(byName(old, 'Kwame Mensah')).toMatchObject({ organisation: 'Mensah, Boateng & Partners', channels: [{ kind: 'email', value: 'kwame.mensah@example.com', label: null }] });
    expect(byName(old, 'Aarav Sharma').notes).toBeNull();
    expect(old.skipped).toEqual([{ line: 5, reason: 'no name at all' }]);
  });

  it('refuses an unbalanced quote with the line where it opens', () => {
    const error = refusal(() => parseLinkedInCsv(fixture('broken-unbalanced-quote.csv')));
    expect(error.line).toBe(7);
    expect(error.reason).toMatch(/never closed/);
    expect(error.message).toMatch(/^line 7: /);
  });

  it('names the line of other quoting faults, counting CRLF inside quotes once', () => {
    const header = 'First Name,Last Name,Connected On\r\n';
    expect(refusal(() => parseLinkedInCsv(`${header}"A\r\nB",C,07 Dec 2025\r\nD,E"F,07 Dec 2025\r\n`)).line).toBe(4);
    expect(refusal(() => parseLinkedInCsv(`${header}A,"B"x,07 Dec 2025\r\n`)).line).toBe(2);
    expect(refusal(() => parseLinkedInCsv(`${header}\r\n\r\nA,"B\r\nC\r\n`))).toMatchObject({ line: 4 });
  });

  it('names the line where a record with an unclosed quote starts, not where the parser notices', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
    const rows = [
      'Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Programmer,07 Dec 2025',
      'Mark,Unclosed,https://www.linkedin.com/in/mark,,"Never Closed Ltd,Founder,01 Jan 2024',
      'Nora,Field,https://www.linkedin.com/in/nora,,"Example, Co",Analyst,02 Feb 2024',
    ];
    const error = refusal(() => parseLinkedInCsv(header + rows.join('\r\n') + '\r\n'));
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/a quoted field is never closed/);
    expect(error.reason).toMatch(/runs on to line 4/);
    // Behind a preamble and a legitimate multi-line field, the record's first line still.
    const preamble = 'Notes:\r\n"a note"\r\n\r\n';
    const multi = 'Eve,"Two\r\nLines",https://x.example,,Co,Role,03 Mar 2024\r\n';
    expect(refusal(() => parseLinkedInCsv(preamble + header + multi + rows.slice(1).join('\r\n') + '\r\n')).line).toBe(7);
  });

  it('refuses a file cut off inside its last record, naming that line', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
    const cut = `${header}Ana,Silva,https://www.linkedin.com/in/ana,a@x.org,Co,Role,07 Dec 2025\r\nPaulo,Reis,https://www.linkedin.com/in/p29,p29@corpus`;
    const error = refusal(() => parseLinkedInCsv(cut));
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/ends in the middle of this record/);
    // An unclosed quote at the very end: cut off as well.
    expect(refusal(() => parseLinkedInCsv(`${header}Ana,Silva,,,"Hospital Nor`)).reason).toMatch(/file ends inside it/);
    expect(refusal(() => parseOutlookCsv('First Name,Last Name,E-mail Address,Job Title\r\nAna,Silva,ana@exa')).line).toBe(2);
    expect(refusal(() => parseGoogleCsv('First Name,Last Name,Labels,E-mail 1 - Value\nAna,Silva')).line).toBe(2);
  });

  it('reads a complete last row without a final line break, and short rows that end in one', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
    const complete = parseLinkedInCsv(`${header}Ana,Silva,,ana@x.org,Co,Role,07 Dec 2025`);
    expect(complete.contacts.map((c) => c.name)).toEqual(['Ana Silva']);
    const short = parseLinkedInCsv(`${header}Ana,Silva\r\n`);
    expect(short.contacts.map((c) => c.name)).toEqual(['Ana Silva']);
  });

  it('does not count blank lines as records, and counts lines across LF, CRLF and CR', () => {
    const parsed = parseLinkedInCsv('\nFirst Name,Last Name,Connected On\n\nA,B,07 Dec 2025\r\n\r\n"C\nD",E,\rF,G,x\n');
    expect(parsed.records).toBe(3);
    expect(parsed.contacts.map((c) => [c.line, c.name, c.tieBeganOn])).toEqual([
      [4, 'A B', '2025-12-07'],
      [6, 'C D E', null],
      [8, 'F G', null],
    ]);
    expect(parsed.contacts[2]?.notes).toBe('Connected On: x');
  });

  it('reads a date many rows share, readable or not, alike for each of them', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
    const rows = ['A,B,,,,,07 Dec 2025', 'C,D,,,,,31 Feb 2021', 'E,F,,,,,07 Dec 2025', 'G,H,,,,,31 Feb 2021', 'I,J,,,,,07  Dec 2025'];
    const parsed = parseLinkedInCsv(`${header}${rows.join('\r\n')}\r\n`);
    expect(parsed.contacts.map((c) => [c.name, c.tieBeganOn, c.notes])).toEqual([
      ['A B', '2025-12-07', null],
      ['C D', null, 'Connected On: 31 Feb 2021'],
      ['E F', '2025-12-07', null],
      ['G H', null, 'Connected On: 31 Feb 2021'],
      ['I J', '2025-12-07', null],
    ]);
  });

  it('keeps a row\'s profile link and email, each once, the email kept apart from a link of the same text', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
    const parsed = parseLinkedInCsv(`${header}Ana,Silva, https://www.linkedin.com/in/ana ,ana@x.org,,,\r\nBo,Reis,,bo@x.org,,,\r\nCy,Lee,x@y.org,x@y.org,,,\r\nDi,Ng,,,,,\r\n`);
    expect(parsed.contacts.map((c) => c.channels.map((ch) => `${ch.kind} ${ch.value}`))).toEqual([['linkedin https://www.linkedin.com/in/ana', 'email ana@x.org'], ['email bo@x.org'], ['linkedin x@y.org', 'email x@y.org'], []]);
  });

  it('refuses a file that is not LinkedIn', () => {
    expect(refusal(() => parseLinkedInCsv(fixture('google-contacts.csv'))).reason).toMatch(/not a LinkedIn/);
    expect(refusal(() => parseLinkedInCsv('')).line).toBeNull();
  });
});

describe('Connected On', () => {
  it('reads DD Mon YYYY and ISO, nothing else', () => {
    expect(parseConnectedOn('07 Dec 2025')).toBe('2025-12-07');
    expect(parseConnectedOn('7 December 2025')).toBe('2025-12-07');
    expect(parseConnectedOn('07 Sept 2025')).toBe('2025-09-07');
    expect(parseConnectedOn('2025-12-07')).toBe('2025-12-07');
    for (const bad of ['', '31 Feb 2021', '07 Dex 2025', '07 Ma 2025', '12/7/25', '00 Jan 2020', '07 Dec 1850']) expect(parseConnectedOn(bad)).toBeNull();
  });
});

describe('Google Contacts CSV', () => {
  it('reads the current layout, with ::: between values and labels as tags', () => {
    const file = parseGoogleCsv(fixture('google-contacts.csv'));
    expect(file.format).toBe('google');
    expect(file.records).toBe(6);
    expectWhole(file);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [2, 'Priya K. Raman'],
      [3, 'Tomás Ortega'],
      [7, 'Kiki'],
      [8, '민준 김'],
    ]);
    expect(file.skipped).toEqual([
      { line: 5, reason: 'no name at all' },
      { line: 6, reason: 'no name (only an email)' },
    ]);
    const priya = byName(file, 'Priya K. Raman');
    expect(priya).toMatchObject({ organisation: 'Example Labs', role: 'Research Lead', location: 'London, United Kingdom', birthday: '1988-04-12', notes: 'Met at the RSE conference', tags: ['Conference'], tieBeganOn: null });
    expect(priya.channels).toEqual([
      { kind: 'email', value: 'priya@example.com', label: 'Work' },
      { kind: 'email', value: 'p.raman@example.org', label: 'Work' },
      { kind: 'email', value: 'priya.home@example.net', label: 'Home' },
      { kind: 'phone', value: '+44 7700 900123', label: 'Mobile' },
      { kind: 'linkedin', value: 'https://www.linkedin.com/in/priya-raman-example', label: 'Profile' },
      { kind: 'github', value: 'https://github.com/priya-example', label: 'Code' },
    ]);
    expect(byName(file, 'Tomás Ortega')).toMatchObject({
      birthday: '--06-15',
      notes: 'Climbs on Thursdays.\nAsk about the "open data" project, and the map.',
      tags: ['Climbing'],
      channels: [
        { kind: 'email', value: 'tomas@example.org', label: 'Home' },
        { kind: 'web', value: 'https://tomas.example.net', label: null },
      ],
    });
    expect(byName(file, 'Kiki').channels).toEqual([
      { kind: 'phone', value: '+33 6 00 00 00 01', label: 'Mobile' },
      { kind: 'phone', value: '+33 1 00 00 00 02', label: 'Home' },
    ]);
    expect(byName(file, 'Kiki').tags).toEqual(['Book club']);
    expect(byName(file, '민준 김')).toMatchObject({ organisation: '예시 주식회사', birthday: null, notes: 'Birthday: 1975-02-30', tags: ['Seoul trip'] });
  });

  it('reads the legacy layout', () => {
    const file = parseGoogleCsv(fixture('google-contacts-legacy.csv'));
    expect(file.records).toBe(4);
    expectWhole(file);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [2, 'Dr. Helen Baptiste'],
      [3, 'Olúwaseun Adébáyọ̀'],
      [5, 'Σοφία Παπαδοπούλου'],
    ]);
    expect(file.skipped).toEqual([{ line: 4, reason: 'no name (only an email)' }]);
    expect(byName(file, 'Dr. Helen Baptiste')).toMatchObject({
      organisation: 'Example University',
      role: 'Professor of Ecology',
      birthday: '1969-11-03',
      tags: ['Colleagues'],
      channels: [
        { kind: 'email', value: 'helen@example.org', label: 'Work' },
        { kind: 'email', value: 'h.baptiste@example.com', label: 'Work' },
        { kind: 'phone', value: '+1 555 0142', label: 'Work' },
        { kind: 'orcid', value: 'https://orcid.org/0000-0002-1825-0097', label: 'Profile' },
      ],
    });
    expect(byName(file, 'Olúwaseun Adébáyọ̀')).toMatchObject({ tags: ['Friends'], location: 'Lagos', notes: 'Intro via Helen' });
    expect(byName(file, 'Σοφία Παπαδοπούλου')).toMatchObject({ birthday: '--09-21', tags: ['Athens'] });
  });

  it('refuses a file that is not Google', () => {
    const error = refusal(() => parseGoogleCsv(fixture('outlook-contacts-1252.csv')));
    expect(error.line).toBe(1);
    expect(error.reason).toMatch(/not a Google/);
  });
});

describe('Outlook CSV', () => {
  it('reads Windows-1252', () => {
    const file = parseOutlookCsv(fixture('outlook-contacts-1252.csv'));
    expect(file.format).toBe('outlook');
    expect(file.records).toBe(5);
    expectWhole(file);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [2, 'José Müller'],
      [4, 'Zoë Çelik'],
      [5, 'François Xavier Lefèvre'],
      [7, 'Siobhán Ó Briain'],
    ]);
    expect(file.skipped).toEqual([{ line: 6, reason: 'no name at all' }]);
    expect(byName(file, 'José Müller')).toEqual({
      line: 2,
      name: 'José Müller',
      // The Last Name column: the family name lists sort by.
      familyName: 'Müller',
      organisation: 'Café Société GmbH',
      role: 'Geschäftsführer',
      location: 'Köln, Germany',
      notes: 'Met at the Köln meetup – ask about “open data”.\nPrefers mornings.',
      channels: [
        { kind: 'email', value: 'jose.mueller@example.com', label: null },
        { kind: 'phone', value: '+49 221 000000', label: 'work' },
      ],
      tieBeganOn: null,
      birthday: null,
      tags: ['Kunden', 'Köln'],
    });
    expect(byName(file, 'Zoë Çelik')).toMatchObject({
      birthday: '1990-04-23',
      location: 'Izmir, Türkiye',
      channels: [
        { kind: 'email', value: 'zoe.celik@example.net', label: null },
        { kind: 'email', value: 'zoe@example.org', label: null },
        { kind: 'phone', value: '+90 500 000 0000', label: 'mobile' },
        { kind: 'web', value: 'https://zoe.example.net', label: null },
      ],
    });
    expect(byName(file, 'François Xavier Lefèvre')).toMatchObject({ birthday: null, notes: 'Birthday: 5/6/1985', channels: [], organisation: 'Études & Cie' });
    expect(byName(file, 'Siobhán Ó Briain').birthday).toBe('1979-12-25');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const file = parseOutlookCsv(fixture('outlook-contacts-utf16.csv'));
    expect(file.records).toBe(4);
    expectWhole(file);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [2, 'Αλέξανδρος Νικολάου'],
      [3, '芳 王'],
      [4, 'Łukasz Wójcik'],
    ]);
    expect(file.skipped).toEqual([{ line: 5, reason: 'no name (only an email)' }]);
    expect(byName(file, 'Αλέξανδρος Νικολάου')).toMatchObject({ organisation: 'Παράδειγμα Α.Ε.', role: 'Μηχανικός', location: 'Θεσσαλονίκη, Greece' });
    expect(byName(file, '芳 王').birthday).toBe('1992-08-08');
    expect(byName(file, 'Łukasz Wójcik').tags).toEqual(['Kraków', 'Conference']);
  });

  it('refuses a file that is not Outlook', () => {
    expect(refusal(() => parseOutlookCsv(fixture('linkedin-connections.csv'))).reason).toMatch(/not an Outlook/);
    expect(refusal(() => parseOutlookCsv(fixture('google-contacts.csv'))).reason).toMatch(/not an Outlook/);
  });
});

describe('detection on the fixtures', () => {
  it.each([
    ['linkedin-connections.csv', 'linkedin'],
    ['linkedin-connections-old.csv', 'linkedin'],
    ['broken-unbalanced-quote.csv', 'linkedin'],
    ['google-contacts.csv', 'google'],
    ['google-contacts-legacy.csv', 'google'],
    ['outlook-contacts-1252.csv', 'outlook'],
    ['outlook-contacts-utf16.csv', 'outlook'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(fixture(name), name)).toBe(format);
  });
});

// ---------------------------------------------------------------------------
// Properties

const PARSERS = [parseLinkedInCsv, parseGoogleCsv, parseOutlookCsv];

/** Runs a reader: it returns a file whose records add up, or refuses with ImportFileError; nothing else. */
function readsOrRefuses(run: () => ParsedFile | string | null, totalLines: number): void {
  try {
    const file = run();
    if (file !== null && typeof file === 'object') {
      expect(file.contacts.length + file.skipped.length).toBe(file.records);
      for (const { line } of [...file.contacts, ...file.skipped]) {
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(totalLines);
      }
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    if (error.line !== null) expect(error.line).toBeGreaterThanOrEqual(1);
  }
}

const physicalLineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

describe('any bytes', () => {
  it('are read, or refused with ImportFileError, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(undefined, 'x.csv', 'x.vcf'), (bytes, name) => {
        let text: string;
        try {
          text = decodeText(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFileError);
          return;
        }
        readsOrRefuses(() => detectFormat(text, name), 1);
        for (const parser of PARSERS) readsOrRefuses(() => parser(text), physicalLineCount(text));
      }),
      { numRuns: 500 },
    );
  });

  const headers = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Birthday,Notes',
    'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Birthday',
    '"First Name","Last Name","E-mail Address","Categories","Birthday","Web Page","Notes"',
  ];
  const csvish = fc.string({ unit: fc.constantFrom('a', 'é', '字', ',', '"', '\r', '\n', ' ', ':::', '0/0/00', '07 Dec 2025', '@', 'https://x.com/a', ';'), maxLength: 120 });

  it('under a known header, are read or refused with ImportFileError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.constantFrom('\r\n', '\n'), csvish, (header, eol, rest) => {
        const text = header + eol + rest;
        expect(detectFormat(text)).not.toBeNull();
        for (const parser of PARSERS) readsOrRefuses(() => parser(text), physicalLineCount(text));
        // The parser of the header's own format refuses only for a fault it can place on a line.
        const own = [parseLinkedInCsv, parseGoogleCsv, parseGoogleCsv, parseOutlookCsv][headers.indexOf(header)];
        try {
          own?.(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFileError);
          expect((error as ImportFileError).line).not.toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });
});

interface LinkedInRow {
  first: string;
  last: string;
  url: string;
  email: string;
  company: string;
  position: string;
  connected: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const writeConnectedOn = (iso: string) => `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('generated LinkedIn rows', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom(',', '"', '\r\n', '\n', ' ', '""'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
  const row: fc.Arbitrary<LinkedInRow> = fc.record({
    first: text,
    last: text,
    url: text,
    email: text,
    company: text,
    position: text,
    connected: fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2030-12-31') }),
  });

  it('written with proper CSV quoting, parse back to the same values on the right lines', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.boolean(), fc.boolean(), (rows, quoteAll, preamble) => {
        const quote = (value: string) => (quoteAll || /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
        const head = (preamble ? 'Notes:\r\n"Some emails are missing, as always."\r\n\r\n' : '') + 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
        const lines = rows.map((r) => [r.first, r.last, r.url, r.email, r.company, r.position, writeConnectedOn(fromDayNumber(r.connected))].map(quote).join(',') + '\r\n');
        const file = parseLinkedInCsv(head + lines.join(''));
        expect(file.records).toBe(rows.length);
        expectWhole(file);
        let line = physicalLineCount(head);
        const contacts = [...file.contacts];
        const skipped = [...file.skipped];
        rows.forEach((r, i) => {
          const name = collapse(`${r.first} ${r.last}`);
          if (name === '') {
            expect(skipped.shift()?.line).toBe(line);
          } else {
            const contact = contacts.shift();
            expect(contact).toMatchObject({
              line,
              name,
              organisation: collapse(r.company) || null,
              role: collapse(r.position) || null,
              tieBeganOn: fromDayNumber(r.connected),
            });
            const channels = [];
            if (r.url.trim() !== '') channels.push({ kind: 'linkedin', value: r.url.trim(), label: null });
            if (r.email.trim() !== '') channels.push({ kind: 'email', value: r.email.trim(), label: null });
            expect(contact?.channels).toEqual(channels);
          }
          line += physicalLineCount(lines[i] ?? '') - 1;
        });
      }),
      { numRuns: 300 },
    );
  });
});

/** The reader as it was, over csv-parse: the reference the hand-written reader is held to. */
function readRecordsWithCsvParse(text: string, firstLine: number): { line: number; cells: string[] }[] {
  const bytes = Buffer.from(text, 'utf8');
  const parsed = parseCsv(bytes, { info: true, bom: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as { record: string[]; info: { bytes: number } }[];
  const rows: { line: number; cells: string[] }[] = [];
  let line = firstLine;
  let offset = 0;
  for (const { record, info } of parsed) {
    if (!(record.length === 1 && (record[0] ?? '').trim() === '')) rows.push({ line, cells: record });
    for (let i = offset; i < info.bytes; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    offset = info.bytes;
  }
  return rows;
}

describe('the CSV reader', () => {
  const outcome = (read: () => unknown) => {
    try {
      return { rows: read() };
    } catch (error) {
      return { refused: error instanceof ImportFileError ? 'ImportFileError' : 'csv-parse' };
    }
  };

  it('reads what csv-parse reads, on the same lines, and refuses what it refuses', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '字', ',', '"', '""', '\r', '\n', '\r\n', ' ', '\uFEFF'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 5 }), (csv, firstLine) => {
        const ours = outcome(() => readRecords(csv, firstLine));
        const reference = outcome(() => readRecordsWithCsvParse(csv, firstLine));
        if ('refused' in reference) expect(ours).toEqual({ refused: 'ImportFileError' });
        else expect(ours).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a 30,000-row export with breaks inside quotes, every row on its line', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `Ana,Silva${i},"Acme, ""Inc."", Porto\r\nNorth",07 Dec 2025`);
    const read = readRecords(`First Name,Last Name,Company,Connected On\r\n${rows.join('\r\n')}\r\n`, 1);
    expect(read).toHaveLength(30_001);
    expect(read[30_000]).toEqual({ line: 60_000, cells: ['Ana', 'Silva29999', 'Acme, "Inc.", Porto\r\nNorth', '07 Dec 2025'] });
  });
});
