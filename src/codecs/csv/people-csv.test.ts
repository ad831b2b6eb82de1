import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPerson } from '../../core/check/builders.js';
import { CONTACT_KINDS } from '../../core/vocabulary.js';
import { csvCell, looksLikeFormula, PEOPLE_CSV_COLUMNS, peopleCsv, peopleTable } from './people-csv.js';

const ana = buildPerson({
  id: 'per_0001',
  name: 'Ana Silva',
  organisation: 'Hospital Norte, Porto',
  role: 'Research lead',
  location: 'Porto',
  category: 'leader-in-field',
  stage: 'met',
  strength: 3,
  importance: 5,
  knowAndLike: true,
  canHelp: true,
  canHelpHow: 'Says "yes" to pilots',
  cadence: '1m',
  preferredChannel: 'coffee',
  tags: ['research', 'physio'],
  channels: [
    { kind: 'email', value: 'ana@example.org', label: null },
    { kind: 'phone', value: '+351 22 000 0000', label: 'work' },
    { kind: 'email', value: 'ana.silva@example.net', label: 'home' },
    { kind: 'linkedin', value: 'https://www.linkedin.com/in/ana', label: null },
  ],
  howMet: 'Conference\nin Lisbon',
  tieBeganOn: '2025-05-01',
  lastExchangeOn: '2026-03-20',
  nextContact: { date: '2026-04-20', basis: 'cadence-after-exchange' },
  notes: 'Private: moving to Madrid',
});

const CRLF = '\r\n';

describe('people CSV', () => {
  it('writes a BOM, the header and one CRLF-ended row per person, quoting as RFC 4180 asks', () => {
    const csv = peopleCsv([ana]);
    expect(csv.startsWith('\uFEFFid,name,organisation,role,location,category,stage,strength,importance,know_and_like,can_help,can_help_how,cadence,preferred_channel,lost_job_list,next_contact,last_exchange,tags,emails,phones,links,how_met,tie_began,source\r\n')).toBe(true);
    expect(csv.endsWith(CRLF)).toBe(true);
    const row = csv.slice(csv.indexOf(CRLF) + 2);
    expect(row).toBe(
      'per_0001,Ana Silva,"Hospital Norte, Porto",Research lead,Porto,leader-in-field,met,3,5,yes,yes,"Says ""yes"" to pilots",1m,coffee,no,2026-04-20,2026-03-20,research; physio,' +
        `ana@example.org; ana.silva@example.net,'+351 22 000 0000,https://www.linkedin.com/in/ana,"Conference\nin Lisbon",2025-05-01,manual${CRLF}`,
    );
    expect(csv).not.toContain('Madrid');
  });

  it('adds the notes column only when asked', () => {
    const [header, row] = peopleTable([ana], { includeNotes: true });
    expect(header?.at(-1)).toBe('notes');
    expect(row?.at(-1)).toBe('Private: moving to Madrid');
    expect(peopleTable([ana])[0]).not.toContain('notes');
    expect(peopleCsv([ana], { includeNotes: true })).toContain(',Private: moving to Madrid\r\n');
  });

  it('writes only the header for nobody, and empty cells for what is not set', () => {
    expect(peopleCsv([])).toBe(`\uFEFF${PEOPLE_CSV_COLUMNS.filter((c) => c !== 'notes').join(',')}${CRLF}`);
    const bare = peopleCsv([buildPerson({ id: 'per_2', name: 'Bo' })]).split(CRLF)[1];
    expect(bare).toBe('per_2,Bo,,,,,met,1,1,no,no,,,,no,,,,,,,,,manual');
  });

  it('defuses cells a spreadsheet would run as formulas (OWASP: = + - @ TAB CR)', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell("'quoted")).toBe("'quoted");
    // A separator inside a cell cannot start a new cell with a formula.
    expect(csvCell('x,=1+2')).toBe('"x,=1+2"');
    expect(csvCell(' leading space')).toBe('" leading space"');
    expect(csvCell('trailing space ')).toBe('"trailing space "');
    const evil = buildPerson({ id: 'per_3', name: '=cmd|" /C calc"!A0', tags: ['-x'], channels: [{ kind: 'x', value: '@ana', label: null }] });
    const [, row] = parse(peopleCsv([evil]), { bom: true }) as string[][];
    expect(row?.[1]).toBe(`'=cmd|" /C calc"!A0`);
    expect(row?.[PEOPLE_CSV_COLUMNS.indexOf('tags')]).toBe("'-x");
    expect(row?.[PEOPLE_CSV_COLUMNS.indexOf('links')]).toBe("'@ana");
  });

  it('parses back to the same cells, whatever the text (the defusing quote aside)', () => {
    const piece = fc.oneof(fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', '\t', '=', '+', '-', '@', "'", ';', 'Zoë', '日本語', '🐝', 'e\u0301'), fc.string({ unit: 'grapheme', maxLength: 6 }));
    const text = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
    const nameText = text.filter((t) => t.length > 0);
    const person = fc.record({
      name: nameText,
      organisation: fc.option(text, { nil: null }),
      notes: fc.option(text, { nil: null }),
      howMet: fc.option(text, { nil: null }),
      tags: fc.array(text, { maxLength: 3 }),
      channels: fc.array(fc.record({ kind: fc.constantFrom(...CONTACT_KINDS), value: text, label: fc.constant(null) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 5 }), fc.boolean(), (fields, includeNotes) => {
        const people = fields.map((f, i) => buildPerson({ ...f, id: `per_${i}` }));
        const csv = peopleCsv(people, { includeNotes });
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const parsed = parse(csv, { bom: true }) as string[][];
        const table = peopleTable(people, { includeNotes });
        expect(parsed).toHaveLength(table.length);
        parsed.forEach((row, r) => {
          const expected = table[r] as string[];
          expect(row).toHaveLength(expected.length);
          row.forEach((cell, c) => {
            const plain = expected[c] as string;
            expect(cell).toBe(looksLikeFormula(plain) ? `'${plain}` : plain);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});
