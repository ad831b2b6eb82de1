import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport, type ExistingPerson } from '../../core/import-merge.js';
import { ImportFileError } from '../../core/import-types.js';
import { planFile, readContactsFile } from './plan-file.js';

/*
 * A LinkedIn file is planned as it is read (planFile hands each contact to the planner as the
 * parser makes it, so none is kept past its turn). Planning as it is read must give the plan that
 * reading the whole file first and planning it after gives, line for line: the same people made,
 * merged, skipped and kept apart, in the same order, with the same counts.
 */

const FIRST = ['Ana', 'Ben', 'Chloé', '美咲', '', ' ', 'Dana'];
const LAST = ['Silva', 'Okafor', 'Martin', '佐藤', '', 'Lee'];
const COMPANY = ['Hospital Norte', 'Acme, Inc.', '', 'UNIVERSITE LYON', 'Say "hi" Ltd'];
const LINKS = ['https://www.linkedin.com/in/ana', 'http://linkedin.com/in/ana/', 'https://www.linkedin.com/in/ben', 'https://www.linkedin.com/in/other', ''];
const EMAIL = ['ana@example.org', 'ANA@example.org ', 'ben@example.com', '', ''];
const CONNECTED = ['07 Dec 2025', '2024-01-31', 'sometime', '', '31 Feb 2020'];

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const row = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST), fc.constantFrom(...LINKS), fc.constantFrom(...EMAIL), fc.constantFrom(...COMPANY), fc.constantFrom('Nurse', '', 'Head of\nResearch'), fc.constantFrom(...CONNECTED));
const linkedInFile = fc.record({ rows: fc.array(row, { maxLength: 40 }), preamble: fc.boolean(), eol: fc.constantFrom('\n', '\r\n') }).map(({ rows, preamble, eol }) =>
  [
    ...(preamble ? ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', ''] : []),
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows.map((cells) => cells.map(quote).join(',')),
  ].join(eol) + eol,
);

const EXISTING: ExistingPerson[] = [
  { id: 'p1', name: 'Ana Silva', organisation: 'Hospital Norte', role: null, location: null, notes: null, tieBeganOn: null, tags: [], channels: [{ kind: 'email', value: 'ana@example.org', label: null }] },
  { id: 'p2', name: 'Ben Okafor', organisation: null, role: 'Nurse', location: null, notes: null, tieBeganOn: null, tags: ['met'], channels: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/ben/', label: null }] },
];

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The plan made the old way: the whole file read into contacts, then planned. */
const readThenPlanned = (bytes: Uint8Array, existing: readonly ExistingPerson[]) => planImport(readContactsFile(bytes, { format: 'linkedin' }).file, existing);

describe('a LinkedIn file planned as it is read', () => {
  it('gives the plan that reading it whole and planning after gives, with and without people in the map', () => {
    fc.assert(
      fc.property(linkedInFile, fc.boolean(), (text, withExisting) => {
        const existing = withExisting ? EXISTING : [];
        const planned = planFile(bytesOf(text), { format: 'linkedin' }, existing);
        if (!('plan' in planned)) throw new Error('a LinkedIn file was taken for a backup');
        expect(planned.format).toBe('linkedin');
        expect(planned.plan).toEqual(readThenPlanned(bytesOf(text), existing));
      }),
      { numRuns: 400 },
    );
  });

  it('counts every record once, the unnamed among them skipped with their reason', () => {
    const text = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', 'Ana,Silva,,,,,', ',,,only@example.org,,,', 'Ana,Silva,,,,,', ',,,,,,07 Dec 2025', ''].join('\n');
    const planned = planFile(bytesOf(text), {}, []);
    if (!('plan' in planned)) throw new Error('a LinkedIn file was taken for a backup');
    expect(planned.plan.summary).toEqual({ records: 4, created: 1, merged: 1, skipped: 2 });
    expect(planned.plan.lines.map((l) => [l.line, l.action, l.reason])).toEqual([
      [2, 'create', 'new person'],
      [3, 'skip', 'no name (only an email)'],
      [4, 'merge', 'same name and organisation as Ana Silva from line 2; nothing new'],
      [5, 'skip', 'no name at all'],
    ]);
  });

  it('refuses a file cut off inside its last record as reading it whole does, planning nothing', () => {
    const text = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Silva,,,,,\nBen,"Oka';
    const refusal = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return error;
      }
      return null;
    };
    const planning = refusal(() => planFile(bytesOf(text), {}, []));
    expect(planning).toBeInstanceOf(ImportFileError);
    expect(planning).toEqual(refusal(() => readThenPlanned(bytesOf(text), [])));
  });
});

describe('hostile input planned as it is read', () => {
  const HEADER = bytesOf('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n');
  const outcome = (work: () => unknown) => {
    try {
      return { plan: work() };
    } catch (error) {
      return { error };
    }
  };
  const unit = fc.constantFrom('a', 'é', '字', ',', '"', '\r', '\n', ' ', '\u0000', '\uFEFF', '07 Dec 2025', '@');

  it('gives, for any bytes after the header, the plan or the refusal that reading the file whole gives', () => {
    let planned = 0;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ unit, maxLength: 300 }).map(bytesOf)), (body) => {
        const bytes = new Uint8Array([...HEADER, ...body]);
        const asRead = outcome(() => {
          const made = planFile(bytes, { format: 'linkedin' }, EXISTING);
          return 'plan' in made ? made.plan : made;
        });
        const whole = outcome(() => readThenPlanned(bytes, EXISTING));
        if ('error' in asRead) expect(asRead.error).toBeInstanceOf(ImportFileError);
        else planned += 1;
        expect(asRead).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
    // Both kinds of outcome were met, not refusals alone.
    expect(planned).toBeGreaterThan(0);
  });

  it('plans a record whose name is five million characters long', () => {
    const planned = planFile(bytesOf(`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${'x'.repeat(5_000_000)},Y,,,,,\n`), {}, []);
    if (!('plan' in planned)) throw new Error('a LinkedIn file was taken for a backup');
    expect(planned.plan.summary).toEqual({ records: 1, created: 1, merged: 0, skipped: 0 });
  });
});

describe('the other formats, read whole and then planned', () => {
  const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
  const files = ['google-contacts.csv', 'google-contacts-legacy.csv', 'outlook-contacts-1252.csv', 'outlook-contacts-utf16.csv', 'apple-contacts.vcf', 'contacts-4.0.vcf', 'linkedin-connections.csv'];

  it.each(files)('%s gives the plan of its contacts, with and without people in the map', (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
    for (const existing of [[], EXISTING]) {
      const planned = planFile(bytes, { fileName: name }, existing);
      if (!('plan' in planned)) throw new Error(`${name} was taken for a backup`);
      const whole = readContactsFile(bytes, { fileName: name }).file;
      expect(planned.plan.summary.created).toBeGreaterThan(0);
      expect(planned.plan).toEqual(planImport(whole, existing));
    }
  });
});
