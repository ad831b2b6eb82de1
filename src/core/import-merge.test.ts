import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportedContact, ParsedFile } from './import-types.js';
import { planImport, profileKey, type ExistingPerson } from './import-merge.js';

const contact = (line: number, fields: Partial<ImportedContact>): ImportedContact => ({
  line,
  name: null,
  organisation: null,
  role: null,
  location: null,
  notes: null,
  channels: [],
  tieBeganOn: null,
  birthday: null,
  tags: [],
  ...fields,
});
const file = (contacts: ImportedContact[], skipped: { line: number; reason: string }[] = []): ParsedFile => ({ format: 'linkedin', records: contacts.length + skipped.length, contacts, skipped });
const person = (fields: Partial<ExistingPerson> & { id: string; name: string }): ExistingPerson => ({ organisation: null, role: null, location: null, notes: null, tieBeganOn: null, tags: [], channels: [], ...fields });

describe('planning an import', () => {
  const existing = [
    person({ id: 'p1', name: 'Ana Silva', organisation: 'Hospital Norte', role: 'Head of Research', channels: [{ kind: 'email', value: 'ana@example.org', label: null }] }),
    person({ id: 'p2', name: 'Ben Okafor', channels: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/benokafor/', label: null }] }),
    person({ id: 'p3', name: 'Chloé Martin', organisation: 'Université Lyon' }),
  ];

  it('merges by email, then profile link, then name with organisation, and never overwrites', () => {
    const plan = planImport(
      file([
        contact(2, { name: 'A. Silva', organisation: 'Other Org', role: 'Intern', location: 'Porto', channels: [{ kind: 'email', value: 'ANA@example.org ', label: null }] }),
        contact(3, { name: 'Benjamin Okafor', channels: [{ kind: 'linkedin', value: 'http://linkedin.com/in/benokafor', label: null }, { kind: 'email', value: 'ben@example.com', label: null }] }),
        contact(4, { name: 'chloe  martin', organisation: 'UNIVERSITE LYON', tieBeganOn: '2025-12-07' }),
        contact(5, { name: 'Chloé Martin', organisation: 'Another Place' }),
      ]),
      existing,
    );
    expect(plan.lines.map((l) => [l.line, l.action, l.matchedBy, l.into])).toEqual([
      [2, 'merge', 'email', 'p1'],
      [3, 'merge', 'profile', 'p2'],
      [4, 'merge', 'name-and-organisation', 'p3'],
      [5, 'create', null, null],
    ]);
    // Ana's organisation and role were typed by hand: only the empty location is filled.
    expect(plan.updates.find((u) => u.id === 'p1')).toEqual({ id: 'p1', fill: { location: 'Porto' }, addChannels: [], addTags: [] });
    expect(plan.updates.find((u) => u.id === 'p2')?.addChannels).toEqual([{ kind: 'email', value: 'ben@example.com', label: null }]);
    expect(plan.updates.find((u) => u.id === 'p3')?.fill).toEqual({ tieBeganOn: '2025-12-07' });
    expect(plan.summary).toEqual({ records: 4, created: 1, merged: 3, skipped: 0 });
    expect(plan.lines[0]?.reason).toBe('same email as Ana Silva, already in your map; fills location');
  });

  it('merges duplicates within the file, and counts every record once', () => {
    const plan = planImport(
      file(
        [
          contact(2, { name: 'Dana Lee', channels: [{ kind: 'email', value: 'dana@example.net', label: null }] }),
          contact(3, { name: 'Dana Lee', organisation: 'Acme', channels: [{ kind: 'email', value: 'dana@example.net', label: null }] }),
          contact(4, { name: '   ' }),
        ],
        [{ line: 5, reason: 'no name at all' }],
      ),
      [],
    );
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({ name: 'Dana Lee', organisation: 'Acme', line: 2 });
    expect(plan.lines.map((l) => [l.line, l.action])).toEqual([
      [2, 'create'],
      [3, 'merge'],
      [4, 'skip'],
      [5, 'skip'],
    ]);
    expect(plan.lines[1]?.reason).toBe('same email as Dana Lee from line 2; fills organisation');
    expect(plan.summary).toEqual({ records: 4, created: 1, merged: 1, skipped: 2 });
  });

  it('keeps a birthday as a line in the notes', () => {
    const plan = planImport(file([contact(2, { name: 'Eli', birthday: '--02-03', notes: 'Met in Porto' })]), []);
    expect(plan.creates[0]?.notes).toBe('Met in Porto\nBirthday: --02-03');
  });

  it('normalises profile links', () => {
    expect(profileKey('HTTPS://www.LinkedIn.com/in/ana-silva/?trk=x')).toBe('linkedin.com/in/ana-silva');
  });

  const contactArb = fc.record({
    name: fc.option(fc.string({ minLength: 0, maxLength: 12 }), { nil: null }),
    organisation: fc.option(fc.constantFrom('Acme', 'acme', 'Globex', 'Initech'), { nil: null }),
    role: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    email: fc.option(fc.constantFrom('a@example.com', 'b@example.com', 'A@EXAMPLE.COM', 'c@example.org'), { nil: null }),
  });
  type Row = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;
  const toFile = (rows: Row[]) =>
    file(rows.map((r, i) => contact(i + 2, { name: r.name, organisation: r.organisation, role: r.role, channels: r.email ? [{ kind: 'email', value: r.email, label: null }] : [] })));

  it('every record is created, merged or skipped, exactly once', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 30 }), (rows) => {
        const plan = planImport(toFile(rows), []);
        expect(plan.summary.created + plan.summary.merged + plan.summary.skipped).toBe(plan.records);
        expect(plan.lines.map((l) => l.line)).toEqual(rows.map((_, i) => i + 2));
        expect(plan.creates).toHaveLength(plan.summary.created);
      }),
    );
  });

  it('importing the same file again creates nothing, and never overwrites a filled field', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 30 }), (rows) => {
        const parsed = toFile(rows);
        const first = planImport(parsed, []);
        const stored: ExistingPerson[] = first.creates.map((c, i) => ({ id: `p${i}`, name: c.name, organisation: c.organisation, role: c.role, location: c.location, notes: c.notes, tieBeganOn: c.tieBeganOn, tags: c.tags, channels: c.channels }));
        const second = planImport(parsed, stored);
        expect(second.summary.created).toBe(0);
        for (const update of second.updates) {
          const before = stored.find((s) => s.id === update.id)!;
          for (const field of Object.keys(update.fill) as (keyof typeof update.fill)[]) expect(before[field]).toBeNull();
        }
      }),
    );
  });
});
