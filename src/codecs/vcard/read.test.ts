import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '../../services/import/plan-file.js';
import { ImportFileError, type ImportedContact, type ParsedFile } from '../../core/import-types.js';
import { classifyUrl } from '../../core/contact-links.js';
import { decodeText } from '../csv/decode.js';
import { parseVcards } from './read.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url), 'utf8');
}

function byName(file: ParsedFile, name: string): ImportedContact {
  const contact = file.contacts.find((c) => c.name === name);
  if (!contact) throw new Error(`no contact named ${name}`);
  return contact;
}

function refusal(text: string): ImportFileError {
  try {
    parseVcards(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');

describe('parseVcards: the fixtures', () => {
  it('reads Apple Contacts (3.0): groups and X-ABLabel, folded lines, escapes, an omitted year, a photo dropped', () => {
    const file = parseVcards(fixture('apple-contacts.vcf'));
    expect(file).toMatchObject({ format: 'vcard', records: 3, skipped: [] });
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [1, 'Dr Adaeze Okafor'],
      [79, 'Luca Marchetti'],
      [92, 'Harbour Physio Ltd'],
    ]);
    const adaeze = byName(file, 'Dr Adaeze Okafor');
    expect(adaeze).toMatchObject({
      organisation: 'Northbridge Clinic',
      role: 'Head of Research, Physiotherapy',
      location: 'Leeds, United Kingdom',
      birthday: '--02-03',
      tags: ['Research', 'Leeds'],
      tieBeganOn: null,
    });
    // The folded NOTE, unfolded and unescaped.
    expect(adaeze.notes).toBe('Met at the Physio Society conference, 2025. Interested in pilot studies; wants our audit template.\nFollow up in spring.');
    expect(adaeze.channels).toEqual([
      { kind: 'email', value: 'adaeze.okafor@example.org', label: 'other' },
      { kind: 'email', value: 'a.okafor@example.com', label: 'work' },
      { kind: 'phone', value: '+44 7700 900123', label: 'mobile' },
      { kind: 'linkedin', value: 'https://www.linkedin.com/in/adaeze-okafor-example', label: 'homepage' },
      { kind: 'x', value: 'https://x.com/adaeze_example', label: null },
    ]);
    // Nothing of the photo survives anywhere.
    expect(JSON.stringify(file)).not.toContain('/9j/');
    const luca = byName(file, 'Luca Marchetti');
    expect(luca.organisation).toBe('Marchetti, Rossi & Partners');
    expect(luca.birthday).toBe('--02-03');
    expect(luca.channels[0]).toEqual({ kind: 'email', value: 'luca@example.net', label: 'Conference badge' });
    expect(luca.channels).toContainEqual({ kind: 'github', value: 'https://github.com/luca-example', label: 'homepage' });
    expect(byName(file, 'Harbour Physio Ltd').channels[0]).toEqual({ kind: 'phone', value: '+44 113 000 0000', label: 'main' });
  });

  it('reads Google (3.0): escaped colons in URLs, labels, a nameless card skipped, myContacts dropped', () => {
    const file = parseVcards(fixture('google-contacts.vcf'));
    expect(file.records).toBe(3);
    expect(file.skipped).toEqual([{ line: 19, reason: expect.stringContaining('no name') }]);
    expect(file.contacts.map((c) => [c.line, c.name])).toEqual([
      [1, 'Priya Raman'],
      [26, 'Kofi Mensah'],
    ]);
    const priya = byName(file, 'Priya Raman');
    expect(priya).toMatchObject({ organisation: 'Anand Health Systems', role: 'Product Manager', location: 'Chennai, India', birthday: '1985-02-03', notes: 'Introduced by Ana, at the Lisbon meetup.', tags: ['Mentors', 'Starred'] });
    expect(priya.channels).toEqual([
      { kind: 'email', value: 'priya.raman@example.com', label: 'home' },
      { kind: 'email', value: 'p.raman@example.org', label: 'work' },
      { kind: 'phone', value: '+91 98000 00000', label: 'mobile' },
      { kind: 'linkedin', value: 'https://www.linkedin.com/in/priya-raman-example', label: 'LinkedIn' },
      { kind: 'orcid', value: 'https://orcid.org/0000-0002-1825-0097', label: 'ORCID' },
    ]);
    expect(byName(file, 'Kofi Mensah')).toMatchObject({ birthday: '--02-03', tags: [], channels: [{ kind: 'phone', value: '+233 30 000 0000', label: 'work' }] });
  });

  it('reads Android (2.1): quoted-printable UTF-8 names in Greek and Cyrillic over soft line breaks, bare types', () => {
    const file = parseVcards(fixture('android-contacts.vcf'));
    expect(file.records).toBe(3);
    expect(file.skipped).toEqual([{ line: 71, reason: expect.stringContaining('no name') }]);
    expect(file.contacts.map((c) => [c.line, c.name, c.organisation])).toEqual([
      [1, 'Γιώργος Παπαδόπουλος', 'Πανεπιστήμιο Αθηνών'],
      [16, 'Ольга Ивановна Смирнова', null],
    ]);
    const [giorgos, olga] = file.contacts;
    expect(giorgos?.channels).toEqual([
      { kind: 'phone', value: '+30 690 000 0001', label: 'mobile' },
      { kind: 'phone', value: '+30 210 000 0000', label: 'home' },
      { kind: 'email', value: 'giorgos@example.net', label: 'home' },
    ]);
    expect(olga?.notes).toBe('Познакомились на конференции в Казани.\nПишет про реабилитацию.');
    expect(olga?.channels).toEqual([
      { kind: 'phone', value: '+7 900 000-00-00', label: 'mobile' },
      { kind: 'email', value: 'olga@example.org', label: 'Conference' },
    ]);
    expect(JSON.stringify(file)).not.toContain('/9j/');
  });

  it('reads an Outlook card (2.1, Windows-1252 quoted-printable, a base64 photo ended by a blank line)', () => {
    const file = parseVcards(fixture('outlook-card.vcf'));
    expect(file.records).toBe(1);
    expect(file.contacts).toEqual([
      {
        line: 1,
        name: 'Jörg Müller',
        // N keeps the family name apart: lists file him under M.
        familyName: 'Müller',
        organisation: 'Fjord Analytics',
        role: 'Lead Data Scientist',
        location: 'Oslo, Norway',
        notes: 'Met at the Oslo data meetup.\nLikes long walks and board games; ask about the hiking club next time.',
        channels: [
          { kind: 'phone', value: '+47 21 00 00 00', label: 'work' },
          { kind: 'phone', value: '+47 400 00 000', label: 'mobile' },
          { kind: 'web', value: 'http://www.example.com/joerg', label: 'work' },
          { kind: 'email', value: 'joerg.mueller@example.com', label: null },
        ],
        tieBeganOn: null,
        birthday: '1985-02-03',
        tags: [],
        // The card's base64 JPEG (FF D8 FF …), kept as bytes for the person's photo.
        photo: expect.any(Uint8Array),
      },
    ]);
  });

  it('reads vCard 4.0: quoted TYPE lists, tel: URIs, profile links, a data: photo, an organisation-only card', () => {
    const file = parseVcards(fixture('contacts-4.0.vcf'));
    expect(file.records).toBe(3);
    expect(file.contacts.map((c) => [c.line, c.name, c.organisation])).toEqual([
      [1, 'Sun-hee Park', 'Seoul Rehab Institute'],
      [41, '山田 花子', '東京リハビリテーション病院'],
      [50, null, 'Physio Society'],
    ]);
    const [park, yamada, society] = file.contacts;
    expect(park).toMatchObject({ role: 'Clinical Researcher', location: 'Seoul, South Korea', birthday: '--02-03', tags: ['research', 'rehab, sports'] });
    expect(park?.channels).toEqual([
      { kind: 'email', value: 'sunhee.park@example.org', label: 'work' },
      { kind: 'phone', value: '+82-10-0000-0000', label: 'mobile' },
      { kind: 'orcid', value: 'https://orcid.org/0000-0002-1825-0097', label: null },
      { kind: 'github', value: 'https://github.com/sunhee-example', label: null },
      { kind: 'bluesky', value: 'https://bsky.app/profile/sunhee.example.com', label: null },
      { kind: 'web', value: 'https://sunhee.example.com/', label: 'home' },
    ]);
    expect(yamada?.birthday).toBe('1985-02-03');
    expect(society?.birthday).toBeNull();
    expect(JSON.stringify(file)).not.toContain('base64');
  });

  it('refuses the broken file at the line of the BEGIN inside an unclosed card', () => {
    const error = refusal(fixture('broken.vcf'));
    expect(error.line).toBe(10);
    expect(error.reason).toMatch(/BEGIN:VCARD inside the card that begins at line 6/);
  });
});

describe('parseVcards: the rules', () => {
  it('refuses an END without BEGIN, a file ending inside a card, a line without a colon, and text that is not vCard', () => {
    expect(refusal(`${card('FN:A')}\r\nEND:VCARD\r\n`)).toMatchObject({ line: 5, reason: expect.stringContaining('without a BEGIN') });
    expect(refusal(`${card('FN:A')}\nBEGIN:VCARD\nFN:B\nEMAIL:b@example.com\n`)).toMatchObject({ line: 5, reason: expect.stringContaining('ends inside it (line 7)') });
    expect(refusal(card('FN:A', 'just some words'))).toMatchObject({ line: 4, reason: expect.stringContaining('without a colon') });
    expect(refusal('First Name,Last Name,E-mail Address\nAna,Silva,ana@example.org\n')).toMatchObject({ line: 1, reason: expect.stringContaining('not a vCard') });
    expect(refusal('BEGIN:VCALENDAR\nEND:VCALENDAR\n')).toMatchObject({ line: 1 });
    expect(refusal('')).toMatchObject({ line: 1, reason: expect.stringContaining('no BEGIN:VCARD') });
    expect(refusal(`${card('FN:A')}\n\nnotes at the end\n`)).toMatchObject({ line: 6 });
    expect(refusal(card('FN:A', 'END:VCALENDAR'))).toMatchObject({ line: 4 });
  });

  it('takes N when FN is missing, with prefix and suffix, and any line ending, BOM and blank lines', () => {
    const text = `\uFEFF\r\n${card('N:Achterberg;Margaret;Anne;Prof.;PhD', 'EMAIL:m@example.org')}\r\n\r\n`;
    expect(parseVcards(text).contacts[0]).toMatchObject({ line: 2, name: 'Prof. Margaret Anne Achterberg PhD' });
    const mac = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Old Mac', 'END:VCARD', ''].join('\r');
    expect(parseVcards(mac).contacts[0]).toMatchObject({ line: 1, name: 'Old Mac' });
  });

  it('reads every birthday form and ignores what is not a date', () => {
    const birthdays = ['1985-02-03', '19850203', '--0203', '--02-03', '1985-02-03T00:00:00Z', '--0229', '1985-02-30', '--1302', 'circa 1980', '1985-02'];
    const text = birthdays.map((b, i) => card(`FN:P${i}`, `BDAY:${b}`)).join('\r\n');
    expect(parseVcards(text).contacts.map((c) => c.birthday)).toEqual(['1985-02-03', '1985-02-03', '--02-03', '--02-03', '1985-02-03', '--02-29', null, null, null, null]);
    expect(parseVcards(card('FN:A', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-03')).contacts[0]?.birthday).toBe('--02-03');
  });

  it("reads Apple's labelled dates: X-ABDATE named by the X-ABLabel of its group, before or after it, and Apple's own anniversary", () => {
    const file = parseVcards(
      card(
        'FN:Ana Silva',
        'BDAY:1985-04-12',
        'item1.X-ABDATE;type=pref:2010-06-01',
        'item1.X-ABLabel:_$!<Anniversary>!$_',
        'item2.X-ABLabel:Started at the trust',
        'item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-09-01',
        'item3.X-ABDATE:2021-03-15',
        'item3.X-ABLabel:_$!<Other>!$_',
        'X-ABDATE:2022-01-02',
        'item4.X-ABDATE:sometime in May',
        'item4.X-ABLabel:Graduation',
      ),
    );
    expect(file.contacts[0]).toMatchObject({
      birthday: '1985-04-12',
      anniversary: '2010-06-01',
      namedDates: [
        { label: 'Started at the trust', date: '--09-01' },
        { label: 'Other', date: '2021-03-15' },
        { label: 'Date', date: '2022-01-02' },
      ],
      // What cannot be read as a date is kept, as written.
      notes: 'Graduation: sometime in May',
    });
  });

  it("keeps Apple's anniversary as a named date when the card has an ANNIVERSARY already, and too many or over-long names in the notes", () => {
    const many = Array.from({ length: 60 }, (_, i) => [`item${i}.X-ABDATE:2000-01-${String((i % 28) + 1).padStart(2, '0')}`, `item${i}.X-ABLabel:Day ${i}`]).flat();
    const [contact] = parseVcards(card('FN:Bo Li', 'NOTE:Own note', 'X-ANNIVERSARY:2001-05-05', 'itemA.X-ABDATE:2002-06-06', 'itemA.X-ABLabel:_$!<Anniversary>!$_', `itemL.X-ABDATE:2003-07-07`, `itemL.X-ABLabel:${'x'.repeat(121)}`, ...many)).contacts;
    expect(contact!.anniversary).toBe('2001-05-05');
    expect(contact!.namedDates).toHaveLength(48);
    expect(contact!.namedDates![0]).toEqual({ label: 'Anniversary', date: '2002-06-06' });
    const noteLines = contact!.notes!.split('\n');
    expect(noteLines[0]).toBe('Own note');
    // The over-long name and the 13 past the 48 a person holds: nothing dropped.
    expect(noteLines.slice(2)).toEqual([`${'x'.repeat(121)}: 2003-07-07`, ...Array.from({ length: 13 }, (_, i) => `Day ${47 + i}: 2000-01-${String(((47 + i) % 28) + 1).padStart(2, '0')}`)]);
  });

  it('classifies web addresses', () => {
    expect(['https://www.linkedin.com/in/a', 'uk.linkedin.com/in/b', 'https://x.com/a', 'http://twitter.com/a', 'https://github.com/a', 'https://orcid.org/0000-0001', 'https://bsky.app/profile/a', 'https://notlinkedin.com/a', 'https://example.com/linkedin.com', ''].map(classifyUrl)).toEqual([
      'linkedin',
      'linkedin',
      'x',
      'x',
      'github',
      'orcid',
      'bluesky',
      'web',
      'web',
      'web',
    ]);
    const social = parseVcards(card('FN:A', 'X-SOCIALPROFILE;type=mastodon:https://mastodon.example/@a', 'X-SOCIALPROFILE;type=linkedin;x-user=a:x-apple:a', 'X-SOCIALPROFILE:https://github.com/a'));
    expect(social.contacts[0]?.channels).toEqual([
      { kind: 'mastodon', value: 'https://mastodon.example/@a', label: null },
      { kind: 'linkedin', value: 'a', label: null },
      { kind: 'github', value: 'https://github.com/a', label: null },
    ]);
  });

  it('drops 2.1 base64 lines left unindented, and quoted-printable in other or unknown charsets', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-5;ENCODING=QUOTED-PRINTABLE:=B8=D2=D0=DD=DE=D2;=B8=D2=D0=DD',
      'ORG;CHARSET=X-NONSENSE;QUOTED-PRINTABLE:Caf=C3=A9 =3D good',
      'TITLE;ENCODING=QUOTED-PRINTABLE:Caf=E9',
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'AAAAAAAAAAAA==',
      '',
      'TEL;CELL:+1 555 0100',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVcards(text).contacts[0]).toMatchObject({ name: 'Иван Иванов', organisation: 'Café = good', role: 'Café', channels: [{ kind: 'phone', value: '+1 555 0100', label: 'mobile' }] });
  });

  it('reads base64 text in its charset, and keeps a value that only claims to be base64 as written', () => {
    const koi8 = Buffer.from([0xe9, 0xd7, 0xc1, 0xce]).toString('base64'); // "Иван" in KOI8-R
    const text = ['BEGIN:VCARD', 'VERSION:3.0', `FN;ENCODING=b;CHARSET=KOI8-R:${koi8}`, 'NOTE;ENCODING=b:not base64 at all!', 'TITLE;ENCODING=B:', 'END:VCARD'].join('\r\n');
    expect(parseVcards(text).contacts[0]).toMatchObject({ name: 'Иван', notes: 'not base64 at all!', role: null });
  });

  it('reads a 20 MB file of cards with photos', () => {
    const base64 = Buffer.alloc(9_000, 7).toString('base64');
    const folded: string[] = [];
    for (let i = 0; i < base64.length; i += 74) folded.push(base64.slice(i, i + 74));
    const apple = `PHOTO;ENCODING=b;TYPE=JPEG:${folded.join('\r\n ')}`;
    const android = `PHOTO;ENCODING=BASE64;JPEG:\r\n    ${folded.join('\r\n    ')}\r\n`;
    const v4 = `PHOTO:data:image/jpeg;base64,${base64}`;
    const parts: string[] = [];
    let cards = 0;
    let nameless = 0;
    let length = 0;
    while (length <= 20 * 1024 * 1024) {
      const photo = [apple, android, v4][cards % 3] ?? '';
      const unnamed = cards % 10 === 9;
      if (unnamed) nameless += 1;
      const part = card(unnamed ? 'NOTE:no name here' : `FN:Person ${cards}`, `EMAIL:p${cards}@example.com`, photo, `TEL;CELL:+1 555 ${String(cards).padStart(4, '0')}`);
      parts.push(part);
      length += part.length + 2;
      cards += 1;
    }
    const text = parts.join('\r\n');
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    const file = parseVcards(text);
    expect(file.records).toBe(cards);
    expect(file.contacts).toHaveLength(cards - nameless);
    expect(file.skipped).toHaveLength(nameless);
    expect(file.contacts[1]).toMatchObject({ name: 'Person 1', channels: [{ kind: 'email', value: 'p1@example.com' }, { kind: 'phone', value: '+1 555 0001' }] });
    expect(file.contacts.every((c) => c.channels.length === 2 && c.notes === null)).toBe(true);
  });
});

describe('parseVcards: never anything but a ParsedFile or an ImportFileError', () => {
  function readsOrRefuses(text: string): void {
    let file: ParsedFile;
    try {
      file = parseVcards(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFileError);
      const line = (error as ImportFileError).line;
      expect(line === null || line >= 1).toBe(true);
      return;
    }
    expect(file.records).toBe(file.contacts.length + file.skipped.length);
    for (const contact of file.contacts) expect(contact.line).toBeGreaterThanOrEqual(1);
  }

  const fragments = [
    'BEGIN:VCARD',
    'END:VCARD',
    'VERSION:2.1',
    'FN:Ana',
    'N:Silva;Ana;;;',
    ' folded',
    '\tfolded',
    '',
    'item1.EMAIL;type=INTERNET:a@example.com',
    'item1.X-ABLabel:_$!<Other>!$_',
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=CE=A0=CE=',
    '=B1;=D0',
    'FN;CHARSET=bogus;QUOTED-PRINTABLE:=ZZ=',
    'PHOTO;ENCODING=BASE64:AAAA',
    'AAAA==',
    'ORG:"unbalanced;x',
    'TEL;TYPE="cell:+1',
    'BDAY:--0231',
    'CATEGORIES:a\\,b,,c\\',
    'URL:\\',
    'ADR:;;;;;;',
    'NOTE;ENCODING=b:////',
  ];

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), readsOrRefuses), { numRuns: 500 });
  });

  it('on arbitrary bytes, decoded either way', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        readsOrRefuses(Buffer.from(bytes).toString('utf8'));
        readsOrRefuses(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary vCard-like lines', () => {
    const line = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fragments) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        readsOrRefuses(lines.join(eol));
        readsOrRefuses(['BEGIN:VCARD', ...lines.filter((l) => !/^(BEGIN|END):VCARD$/.test(l)), 'END:VCARD'].join(eol));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('vCard folded at any octet (RFC 6350 §3.2)', () => {
  const names = ['José Split', '王小明', 'Дмитрий Иванов', '山田太郎', 'Zoë 😀 Brontë'];

  it('reads the same names wherever a line is folded, even inside a UTF-8 sequence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.constantFrom('\r\n ', '\r\n\t', '\n '), (name, at, fold) => {
        const line = Buffer.from(`FN:${name}`, 'utf8');
        const cut = 1 + (at % (line.length - 1));
        const card = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:4.0\r\n'), line.subarray(0, cut), Buffer.from(fold), line.subarray(cut), Buffer.from('\r\nEND:VCARD\r\n')]);
        const file = parseVcards(decodeText(card));
        expect(file.contacts.map((c) => [c.line, c.name])).toEqual([[1, name]]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading any bytes as an import', () => {
  it('gives a file or ImportFileError, never another error', () => {
    const fragments = ['BEGIN:VCARD\r\n', 'END:VCARD\r\n', 'FN:Jos\xc3', '\r\n \xa9', 'EMAIL:a@b\r\n', 'First Name,Last Name,Connected On\r\n', '"', ',', '\n', '\xff\xfe', '\xef\xbb\xbf'];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => Buffer.from(parts.join(''), 'latin1')),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom(undefined, 'x.vcf', 'x.csv'), fc.constantFrom(undefined, 'utf-8', 'shift_jis'), (input, fileName, encoding) => {
        try {
          readContactsFile(input, { ...(fileName ? { fileName } : {}), ...(encoding ? { encoding } : {}) });
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFileError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a card with many EMAIL lines', () => {
  const card = (emails: number) => {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Many Addresses'];
    for (let i = 0; i < emails; i++) lines.push(`EMAIL;TYPE=work:p${i}@example.com`);
    lines.push('END:VCARD');
    return `${lines.join('\r\n')}\r\n`;
  };

  // No clock here: 200,000 addresses read by work that grows with their square (each checked
  // against every one before it) is 2 x 10^10 steps and does not end within the test's
  // time-out, while a linear read takes well under a second.
  it('is read in linear time: 200,000 addresses, each kept once', () => {
    const channels = parseVcards(card(200_000)).contacts[0]?.channels;
    expect(channels).toHaveLength(200_000);
    expect(channels?.[199_999]).toMatchObject({ value: 'p199999@example.com' });
  }, 30_000);
});
