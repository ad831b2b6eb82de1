import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ContactPoint, Person } from '../../core/model.js';
import { buildPerson } from '../../core/check/builders.js';
import { parseVcards } from './read.js';
import { foldLine, writeVcards, type VcardVersion } from './write.js';

function person(fields: Partial<Person> & Pick<Person, 'id' | 'name'>): Person {
  return buildPerson({ strength: 0, importance: 0, stage: 'to-meet', ...fields });
}

interface IcalCard {
  name: string;
  organisation: string | null;
  role: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
}

/** Reads vCards with ical.js, a reader independent of ours. */
function readWithIcal(text: string): IcalCard[] {
  const parsed = ICAL.parse(text) as unknown[];
  const jcards = Array.isArray(parsed[0]) ? (parsed as unknown[][]) : [parsed];
  return jcards.map((jcard) => {
    const component = new ICAL.Component(jcard);
    const org = component.getFirstPropertyValue('org') as string | string[] | null;
    const values = (name: string) => component.getAllProperties(name).map((p) => String(p.getFirstValue()));
    return {
      name: String(component.getFirstPropertyValue('fn')),
      organisation: Array.isArray(org) ? (org[0] ?? null) : org,
      role: (component.getFirstPropertyValue('title') as string | null) ?? null,
      emails: values('email'),
      phones: values('tel'),
      tags: component.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
}

const ana = person({
  id: 'p_01',
  name: 'Dr Ana María Silva',
  organisation: 'Hospital Norte; Physiotherapy, Research',
  role: 'Head of Research, Physio',
  location: 'Lisbon, Portugal',
  tags: ['mentor', 'research, clinical'],
  notes: 'Private: met at the audit day.\nLikes pilots; ask about grants.',
  channels: [
    { kind: 'email', value: 'ana@example.org', label: 'work' },
    { kind: 'email', value: 'ana.silva@example.com', label: 'Conference badge' },
    { kind: 'phone', value: '+351 910 000 000', label: 'mobile' },
    { kind: 'linkedin', value: 'https://www.linkedin.com/in/ana-silva-example', label: null },
    { kind: 'mastodon', value: '@ana@mastodon.example', label: null },
  ],
});
const yamada = person({ id: 'p_02', name: '山田 花子', organisation: '東京リハビリテーション病院', channels: [{ kind: 'email', value: 'hanako@example.net', label: null }] });

/**
 * ical.js takes any separator after a backslash for an escaped one, so `\\,` (a
 * value ending in a backslash, then the next value) is one value to it: a known
 * limit of its splitting, not of the file (our reader splits it right).
 */
function icalSplitsRight(values: string[]): boolean {
  return values.slice(0, -1).every((value) => !value.endsWith('\\'));
}

describe('writeVcards', () => {
  it.each(['4.0', '3.0'] as const)('writes vCard %s with CRLF, folded at 75 octets, read back by our reader and by ical.js', (version) => {
    const text = writeVcards([ana, yamada], version);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain(`VERSION:${version}\r\n`);
    expect(text).toContain('X-WAGGLE-ID:p_01\r\n');
    if (version === '4.0') expect(text).toContain('UID:urn:waggle:p_01\r\n');
    expect(text).toContain('N:Silva;Dr Ana María;;;\r\n');
    expect(text).toContain('ORG:Hospital Norte\\; Physiotherapy\\, Research\r\n');
    expect(text).not.toContain('NOTE');

    const ours = parseVcards(text);
    expect(ours.records).toBe(2);
    expect(ours.contacts[0]).toMatchObject({
      name: ana.name,
      organisation: ana.organisation,
      role: ana.role,
      location: ana.location,
      tags: ana.tags,
      channels: ana.channels,
      notes: null,
    });
    expect(ours.contacts[1]).toMatchObject({ line: text.split('\r\n').indexOf('BEGIN:VCARD', 1) + 1, name: '山田 花子', organisation: '東京リハビリテーション病院' });

    expect(readWithIcal(text)).toEqual([
      { name: ana.name, organisation: ana.organisation, role: ana.role, emails: ['ana@example.org', 'ana.silva@example.com'], phones: ['+351 910 000 000'], tags: ana.tags },
      { name: '山田 花子', organisation: '東京リハビリテーション病院', role: null, emails: ['hanako@example.net'], phones: [], tags: [] },
    ]);
  });

  it('writes notes only when asked', () => {
    const text = writeVcards([ana], '4.0', { includeNotes: true });
    expect(text).toContain('NOTE:Private: met at the audit day.\\nLikes pilots; ask about grants.\r\n');
    expect(parseVcards(text).contacts[0]?.notes).toBe(ana.notes);
    expect(writeVcards([ana], '4.0', { includeNotes: false })).not.toContain('NOTE');
  });

  it('writes the labels phones understand as TYPE, in 3.0 emails as INTERNET', () => {
    const text = writeVcards([ana], '3.0');
    expect(text).toContain('EMAIL;TYPE=INTERNET,work:ana@example.org\r\n');
    expect(text).toContain('item1.EMAIL;TYPE=INTERNET:ana.silva@example.com\r\nitem1.X-ABLabel:Conference badge\r\n');
    expect(text).toContain('TEL;TYPE=cell:+351 910 000 000\r\n');
    expect(text).toContain('URL;X-WAGGLE-KIND=mastodon:@ana@mastodon.example\r\n');
  });

  it('folds without cutting a character', () => {
    const line = `FN:${'é😀中a'.repeat(40)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
      expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
    }
    expect(pieces.map((piece, i) => (i === 0 ? piece : piece.slice(1))).join('')).toBe(line);
    expect(foldLine('FN:short')).toBe('FN:short');
  });

  it('gives back the same people, both versions, through our reader and ical.js (identity)', () => {
    const printable = [...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .-\'&!?()/@#%+=_~^', ',', ';', ':', '\\', '"', 'é', 'ß', 'Ω', 'Ж', 'λ', '中', '花', '😀', '🧑🏽‍⚕️'];
    const text = (withBreaks: boolean) =>
      fc
        .array(fc.constantFrom(...printable, ...(withBreaks ? ['\n'] : [])), { minLength: 1, maxLength: 90 })
        .map((chars) => chars.join('').trim())
        .filter((value) => value !== '');
    const email = fc
      .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/), fc.constantFrom('com', 'org', 'net'))
      .map(([local, tld]) => `${local}@example.${tld}`);
    const phone = fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,18}[0-9]$/);
    const label = fc.option(fc.constantFrom('work', 'home', 'Conference badge', 'Lab, room 3; east', 'other'), { nil: null });
    const channel: fc.Arbitrary<ContactPoint> = fc.oneof(
      fc.record({ kind: fc.constant('email' as const), value: email, label }),
      fc.record({ kind: fc.constant('phone' as const), value: phone, label: fc.option(fc.constantFrom('mobile', 'work', 'home', 'fax', 'Lab, room 3; east'), { nil: null }) }),
      fc.record({ kind: fc.constantFrom('web' as const, 'linkedin' as const, 'github' as const, 'mastodon' as const, 'other' as const), value: fc.webUrl(), label: fc.constant(null) }),
    );
    const someone = fc.record({
      id: fc.uuid(),
      name: text(false),
      organisation: fc.option(text(true), { nil: null }),
      role: fc.option(text(true), { nil: null }),
      location: fc.option(text(false), { nil: null }),
      notes: fc.option(text(true), { nil: null }),
      tags: fc.uniqueArray(text(false), { maxLength: 4 }),
      channels: fc.uniqueArray(channel, { maxLength: 6, selector: (c) => `${c.kind} ${c.value}` }),
    });
    fc.assert(
      fc.property(fc.array(someone, { minLength: 1, maxLength: 4 }), fc.constantFrom<VcardVersion>('4.0', '3.0'), (fields, version) => {
        const people = fields.map((f) => person(f));
        const written = writeVcards(people, version, { includeNotes: true });
        for (const line of written.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const ours = parseVcards(written);
        expect(ours.skipped).toEqual([]);
        expect(ours.contacts.map((c) => ({ name: c.name, organisation: c.organisation, role: c.role, location: c.location, notes: c.notes, tags: c.tags, channels: c.channels }))).toEqual(
          people.map((p) => ({ name: p.name, organisation: p.organisation, role: p.role, location: p.location, notes: p.notes, tags: p.tags, channels: p.channels })),
        );
        expect(readWithIcal(written)).toEqual(
          people.map((p) => ({
            name: p.name,
            organisation: p.organisation,
            role: p.role,
            emails: p.channels.filter((c) => c.kind === 'email').map((c) => c.value),
            phones: p.channels.filter((c) => c.kind === 'phone').map((c) => c.value),
            tags: icalSplitsRight(p.tags) ? p.tags : expect.any(Array),
          })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
