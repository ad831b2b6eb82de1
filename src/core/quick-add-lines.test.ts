import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAddLines } from './quick-add-lines.js';

describe('quick add, one person a line', () => {
  it('reads name, organisation and email in any order of the email, skipping blank lines', () => {
    const { people, problems } = parseQuickAddLines('Ana Silva, Hospital Norte, ana@example.org\n\n  Rui Costa  \nMia Lee, mia@example.org, Physio Society, Lisbon\r\n');
    expect(problems).toEqual([]);
    expect(people).toEqual([
      { line: 1, name: 'Ana Silva', organisation: 'Hospital Norte', email: 'ana@example.org' },
      { line: 3, name: 'Rui Costa', organisation: null, email: null },
      { line: 4, name: 'Mia Lee', organisation: 'Physio Society, Lisbon', email: 'mia@example.org' },
    ]);
  });

  it('names the line and the reason of each problem', () => {
    const { people, problems } = parseQuickAddLines('Ana Silva\n, Hospital Norte\nTom, tom@\nJo, a@b.org, c@d.org');
    expect(people.map((p) => p.name)).toEqual(['Ana Silva']);
    expect(problems).toEqual([
      { line: 2, message: 'line 2: the name is missing (write "Name, Organisation, email")' },
      { line: 3, message: 'line 3: "tom@" is not an email address' },
      { line: 4, message: 'line 4: two email addresses; put one person a line' },
    ]);
  });

  it('accounts for every non-blank line: a person or a problem, never both, never neither', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const { people, problems } = parseQuickAddLines(text);
        const nonBlank = text.split(/\r\n|\r|\n/).flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
        expect([...people.map((p) => p.line), ...problems.map((p) => p.line)].sort((a, b) => a - b)).toEqual(nonBlank);
        for (const p of people) {
          expect(p.name).not.toBe('');
          expect(p.name).toBe(p.name.trim());
          expect(p.name.includes(',')).toBe(false);
        }
      }),
    );
  });

  it('round-trips people written as lines', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,20}$/).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.record({ name: word, organisation: fc.option(word, { nil: null }), email: fc.option(fc.constantFrom('a@b.org', 'x.y@z.co.uk'), { nil: null }) }), { minLength: 1, maxLength: 10 }), (rows) => {
        const text = rows.map((r) => [r.name, r.organisation ?? '', r.email ?? ''].join(', ')).join('\n');
        const { people, problems } = parseQuickAddLines(text);
        expect(problems).toEqual([]);
        expect(people.map(({ name, organisation, email }) => ({ name, organisation, email }))).toEqual(rows.map((r) => ({ name: r.name.trim(), organisation: r.organisation?.trim() || null, email: r.email })));
      }),
    );
  });
});
