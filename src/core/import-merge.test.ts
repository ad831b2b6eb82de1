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

  const linkedin = (slug: string) => ({ kind: 'linkedin' as const, value: `https://www.linkedin.com/in/${slug}/`, label: null });

  it('never merges namesakes at one company whose LinkedIn profiles differ, and lists them as possible duplicates', () => {
    const plan = planImport(
      file([
        contact(2, { name: 'Maria Santos', organisation: 'Hospital Norte', channels: [linkedin('maria-santos-1')] }),
        contact(3, { name: 'Maria Santos', organisation: 'Hospital Norte', channels: [linkedin('maria-santos-2')] }),
        contact(4, { name: 'Maria Santos', organisation: 'Hospital Norte', channels: [linkedin('maria-santos-1'), { kind: 'email', value: 'm@x.org', label: null }] }),
        contact(5, { name: 'Maria Santos', organisation: 'Hospital Norte' }),
      ]),
      [],
    );
    expect(plan.lines.map((l) => [l.line, l.action, l.into])).toEqual([
      [2, 'create', null],
      [3, 'create', null],
      [4, 'merge', 'line 2'],
      [5, 'merge', 'line 2'],
    ]);
    expect(plan.creates).toHaveLength(2);
    expect(plan.possibleDuplicates).toEqual([{ line: 3, name: 'Maria Santos', of: 'line 2', ofName: 'Maria Santos', reason: expect.stringMatching(/different LinkedIn profile/) as string }]);
    expect(plan.lines[1]).toMatchObject({ possibleDuplicateOf: 'line 2', reason: expect.stringMatching(/^new person: same name and organisation as Maria Santos from line 2, but a different LinkedIn profile/) as string });
  });

  it('never merges into a person in the map whose profile link differs, even by email', () => {
    const map = [person({ id: 'p9', name: 'Li Wei', organisation: 'Initech', channels: [linkedin('li-wei-a'), { kind: 'email', value: 'li@initech.example', label: null }] })];
    const plan = planImport(
      file([
        contact(2, { name: 'Li Wei', organisation: 'Initech', channels: [linkedin('li-wei-b')] }),
        contact(3, { name: 'Li Wei', organisation: 'Initech', channels: [{ kind: 'email', value: 'LI@initech.example', label: null }, linkedin('li-wei-c')] }),
        contact(4, { name: 'Li Wei', organisation: 'Initech', channels: [{ kind: 'github', value: 'https://github.com/liwei', label: null }] }),
      ]),
      map,
    );
    expect(plan.lines.map((l) => [l.action, l.into ?? l.possibleDuplicateOf])).toEqual([
      ['create', 'p9'],
      ['create', 'p9'],
      ['merge', 'p9'],
    ]);
    expect(plan.possibleDuplicates.map((d) => [d.line, d.of])).toEqual([
      [2, 'p9'],
      [3, 'p9'],
    ]);
    expect(plan.possibleDuplicates[1]?.reason).toMatch(/same email as Li Wei, already in your map, but a different LinkedIn profile/);
    expect(plan.updates).toEqual([{ id: 'p9', fill: {}, addChannels: [{ kind: 'github', value: 'https://github.com/liwei', label: null }], addTags: [] }]);
  });

  it('keeps every one of 30,000 connections, 300 of them namesakes with their own profiles', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => contact(i + 2, { name: `Person ${i % 29_700}`, organisation: 'Acme', channels: [linkedin(`p-${i}`)] }));
    const plan = planImport(file(rows), []);
    expect(plan.summary).toEqual({ records: 30_000, created: 30_000, merged: 0, skipped: 0 });
    expect(plan.possibleDuplicates).toHaveLength(300);
  });

  it('makes a birthday a date that matters, not a line in the notes; a merge offers it to the existing person', () => {
    const plan = planImport(file([contact(2, { name: 'Eli', birthday: '--02-03', notes: 'Met in Porto' })]), []);
    expect(plan.creates[0]?.notes).toBe('Met in Porto');
    expect(plan.creates[0]?.dates).toEqual([{ kind: 'birthday', label: null, month: 2, day: 3, year: null }]);
    const unreadable = planImport(file([contact(2, { name: 'Eli', birthday: '--02-31' })]), []);
    expect(unreadable.creates[0]?.notes).toBe('Birthday: --02-31');
    expect(unreadable.creates[0]?.dates).toBeUndefined();
  });

  it('normalises profile links', () => {
    expect(profileKey('HTTPS://www.LinkedIn.com/in/ana-silva/?trk=x')).toBe('linkedin.com/in/ana-silva');
  });

  it('cuts a profile link as the four replaces it stands for, whatever the text', () => {
    const byReplaces = (url: string) =>
      url
        .trim()
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^www\./, '')
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '');
    const piece = fc.constantFrom('https', 'HTTP', 'x', ':', '://', ':/', '/', '//', 'www.', 'WWW.', 'w', '.', '?', '#', '\n', '\r', '\u2028', ' ', 'é', 'İ', 'linkedin.com/in/ana', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const url = pieces.join('');
        expect(profileKey(url)).toBe(byReplaces(url));
      }),
      { numRuns: 5000 },
    );
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
