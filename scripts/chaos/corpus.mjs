// A malformed corpus, generated from a seed: every file is a way an import can go
// wrong (truncated, mixed encodings, binary, huge fields, broken vCard folding,
// broken CSV quoting, JSON backups with wrong types and dangling references, empty
// files, NUL bytes, random damage). The bases are the real-world fixtures in
// test/fixtures/import, a generated LinkedIn export and a Waggle backup.
import { Buffer } from 'node:buffer';
/* global structuredClone */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkedInCsv } from './linkedin.mjs';
import { ROOT } from './waggle.mjs';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');

/** The well-formed files the damage starts from: name → bytes. */
export function corpusBases(rng, backupJson) {
  const bases = new Map();
  for (const name of readdirSync(FIXTURES).sort()) {
    if (name.startsWith('broken')) continue;
    bases.set(name, readFileSync(join(FIXTURES, name)));
  }
  bases.set('linkedin-generated.csv', Buffer.from(linkedInCsv(rng, { rows: 200, company: 'Corpus Co', tag: 'corpus' })));
  if (backupJson) bases.set('backup.json', Buffer.from(backupJson));
  return bases;
}

const utf8 = (s) => Buffer.from(s, 'utf8');

function insertAt(buffer, offset, bytes) {
  return Buffer.concat([buffer.subarray(0, offset), bytes, buffer.subarray(offset)]);
}

function vcard(lines) {
  return utf8(`${lines.join('\r\n')}\r\n`);
}

/** JSON backups with wrong types, dangling references, duplicates and wrong versions. */
function backupVariants(rng, json) {
  const out = [];
  const base = JSON.parse(json);
  const variant = (name, change) => {
    const doc = structuredClone(base);
    const result = change(doc, doc.workspace) ?? doc;
    out.push([`backup-${name}.json`, utf8(typeof result === 'string' ? result : JSON.stringify(result, null, 1))]);
  };
  const someIndex = (list) => rng.int(0, Math.max(0, list.length - 1));
  variant('valid', () => {});
  variant('strength-as-string', (_d, w) => void (w.people[someIndex(w.people)].strength = 'high'));
  variant('strength-out-of-range', (_d, w) => void (w.people[someIndex(w.people)].strength = 99));
  variant('name-as-number', (_d, w) => void (w.people[someIndex(w.people)].name = 12345));
  variant('name-null', (_d, w) => void (w.people[0].name = null));
  variant('people-as-object', (_d, w) => void (w.people = { a: 1 }));
  variant('people-missing', (_d, w) => void delete w.people);
  variant('workspace-null', (d) => void (d.workspace = null));
  variant('version-future', (d) => void (d.waggleBackup = 999));
  variant('version-string', (d) => void (d.waggleBackup = 'one'));
  variant('schema-unknown', (d) => void (d.schema = '2999-01-01T0000-future'));
  variant('no-schema', (d) => void delete d.schema);
  variant('membership-dangling-person', (_d, w) => void (w.memberships[someIndex(w.memberships)].personId = 'per_doesnotexist'));
  variant('membership-dangling-network', (_d, w) => void (w.memberships[someIndex(w.memberships)].networkId = 'net_doesnotexist'));
  variant('exchange-people-dangling', (_d, w) => void (w.exchangePeople[someIndex(w.exchangePeople)].exchangeId = 'ex_doesnotexist'));
  variant('tie-dangling', (_d, w) => void (w.ties[someIndex(w.ties)].personB = 'per_doesnotexist'));
  variant('person-goal-dangling', (_d, w) => void (w.personGoals[someIndex(w.personGoals)].goalId = 'goal_doesnotexist'));
  variant('follow-up-dangling', (_d, w) => void (w.followUps[someIndex(w.followUps)].personId = 'per_doesnotexist'));
  variant('introduction-dangling', (_d, w) => void (w.introductions[someIndex(w.introductions)].toId = 'per_doesnotexist'));
  variant('contact-point-dangling', (_d, w) => void (w.contactPoints[someIndex(w.contactPoints)].personId = 'per_doesnotexist'));
  variant('duplicate-person-id', (_d, w) => void w.people.push({ ...w.people[0] }));
  variant('duplicate-tie', (_d, w) => void w.ties.push({ ...w.ties[0] }));
  variant('tie-to-self', (_d, w) => void (w.ties[0].personB = w.ties[0].personA));
  variant('date-garbage', (_d, w) => void (w.exchanges[someIndex(w.exchanges)].occurredOn = '2024-13-45'));
  variant('channel-unknown', (_d, w) => void (w.exchanges[someIndex(w.exchanges)].channel = 'telepathy'));
  variant('gave-as-string', (_d, w) => void (w.exchanges[someIndex(w.exchanges)].gave = 'a book'));
  variant('tags-as-string', (_d, w) => void (w.people[someIndex(w.people)].tags = 'a,b'));
  variant('extra-field', (_d, w) => void (w.people[0].favouriteColour = 'blue'));
  variant('extra-table', (_d, w) => void (w.secrets = [{ id: 1 }]));
  variant('profile-array', (_d, w) => void (w.profile = []));
  variant('huge-notes', (_d, w) => void (w.people[0].notes = 'x'.repeat(3_000_000)));
  variant('nul-in-name', (_d, w) => void (w.people[0].name = 'Ana\u0000Silva'));
  variant('lone-surrogate', (_d, w) => void (w.people[0].name = 'Ana \ud800 Silva'));
  variant('deep-nesting', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  variant('top-level-null', () => 'null');
  variant('top-level-number', () => '42');
  variant('top-level-string', () => '"waggleBackup"');
  variant('trailing-garbage', (d) => `${JSON.stringify(d)}\n}}} garbage`);
  variant('two-documents', (d) => `${JSON.stringify(d)}\n${JSON.stringify(d)}`);
  variant('empty-object', () => '{}');
  variant('only-marker', () => '{"waggleBackup":1}');
  return out;
}

function csvVariants(rng, name, text) {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.includes(',') && /name/i.test(l));
  const header = headerAt >= 0 ? headerAt : 0;
  const out = [];
  const v = (suffix, content) => out.push([`${name}--${suffix}.csv`, Buffer.isBuffer(content) ? content : utf8(content)]);
  const row = () => header + 1 + rng.int(0, Math.max(0, lines.length - header - 3));
  const withLine = (at, change) => lines.map((l, i) => (i === at ? change(l) : l)).join('\n');
  v('unbalanced-quote', withLine(row(), (l) => l.replace(',', ',"')));
  v('unbalanced-quote-last-line', `${text.trimEnd()}\n"Open,quote,never,closed\n`);
  v('quote-mid-field', withLine(row(), (l) => l.replace(/,([^,"]+)/, ',ab"cd$1')));
  v('quote-after-closing', withLine(row(), (l) => l.replace(/,([^,"]*)/, ',"x"y$1')));
  v('header-only', `${lines.slice(0, header + 1).join('\n')}\n`);
  v('duplicate-headers', [lines[header] + ',' + lines[header], ...lines.slice(header + 1)].join('\n'));
  v('too-many-columns', withLine(row(), (l) => `${l}${',extra'.repeat(50)}`));
  v('too-few-columns', withLine(row(), (l) => l.split(',').slice(0, 2).join(',')));
  v('cr-only', text.replace(/\r?\n/g, '\r'));
  v('semicolons', text.replace(/,/g, ';'));
  v('tabs', text.replace(/,/g, '\t'));
  v('newline-in-quoted', withLine(row(), (l) => l.replace(/,([^,"]*)/, ',"line one\nline two"')));
  v('no-header', lines.slice(header + 1).join('\n'));
  v('many-empty-rows', `${lines.slice(0, header + 1).join('\n')}\n${',,,,,,\n'.repeat(10_000)}`);
  v('huge-field', withLine(row(), (l) => l.replace(/,([^,"]*)/, `,"${'Ü'.repeat(1_500_000)}"`)));
  v('long-line-no-newline', `${lines[header]}\n${'a'.repeat(4_000_000)}`);
  v('header-100k-columns', `${Array.from({ length: 100_000 }, (_, i) => `Column ${i}`).join(',')}\n1,2,3\n`);
  return out;
}

function vcardVariants(rng, name, text) {
  const out = [];
  const v = (suffix, content) => out.push([`${name}--${suffix}.vcf`, Buffer.isBuffer(content) ? content : utf8(content)]);
  const lines = text.split(/\r?\n/);
  v('fold-at-start', ` folded continuation with no property\r\n${text}`);
  v('fold-mid-utf8', Buffer.concat([utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos'), Buffer.from([0xc3]), utf8('\r\n '), Buffer.from([0xa9]), utf8(' García\r\nEND:VCARD\r\n')]));
  v('qp-soft-break-at-end', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Ana=\r\n');
  v('qp-bad-escape', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Ana=ZZSilva=\r\nEND:VCARD\r\n');
  v('begin-without-end', text.replace(/END:VCARD\s*$/i, ''));
  v('end-without-begin', `END:VCARD\r\n${text}`);
  v('nested-begin', text.replace(/(BEGIN:VCARD\r?\n)/i, '$1BEGIN:VCARD\r\n'));
  v('tab-folding', text.replace(/\r?\n(NOTE|ORG|TITLE)/gi, '\r\n\t$1'));
  v('every-line-folded', lines.map((l) => l.split('').join('\r\n ')).join('\r\n'));
  v('property-without-colon', text.replace(/(FN)[;:]/i, 'FN '));
  v('only-spaces-lines', text.replace(/\r?\n/g, '\r\n \r\n'));
  v('base64-photo-garbage', vcard(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Photo Person', 'PHOTO;ENCODING=b;TYPE=JPEG:', ` ${'!@#$'.repeat(20000)}`, 'END:VCARD']));
  v('version-9', text.replace(/VERSION:[0-9.]+/gi, 'VERSION:9.9'));
  v('empty-card', 'BEGIN:VCARD\r\nEND:VCARD\r\n');
  v('many-empty-cards', 'BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n'.repeat(5000));
  v('huge-note', vcard(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Huge Note', `NOTE:${'long note '.repeat(300_000)}`, 'END:VCARD']));
  v('charset-unknown', vcard(['BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=X-UNKNOWN-42:Ana', 'END:VCARD']));
  v('random-fold-damage', lines.map((l) => (rng.next() < 0.3 ? ` ${l}` : l)).join('\r\n'));
  return out;
}

/** Random damage: flipped, deleted and inserted bytes, the characters that matter to parsers first. */
function mutate(rng, bytes) {
  let out = Buffer.from(bytes);
  const specials = [0x22, 0x2c, 0x0a, 0x0d, 0x3a, 0x3b, 0x3d, 0x00, 0xff, 0xc3, 0x5c, 0x7b, 0x7d, 0x20];
  const count = rng.int(1, 8);
  for (let i = 0; i < count && out.length > 0; i++) {
    const at = rng.int(0, out.length - 1);
    const what = rng.int(0, 2);
    if (what === 0) out[at] = rng.next() < 0.6 ? rng.pick(specials) : rng.int(0, 255);
    else if (what === 1) out = Buffer.concat([out.subarray(0, at), out.subarray(at + rng.int(1, 16))]);
    else out = insertAt(out, at, Buffer.from([rng.pick(specials)]));
  }
  return out;
}

/** The bases that get every structural variant (quoting, folding, huge fields, UTF-16 forms). */
const FULL_VARIANTS = new Set(['linkedin-generated.csv', 'google-contacts.csv', 'outlook-contacts-1252.csv', 'apple-contacts.vcf', 'outlook-card.vcf']);

/** Writes the corpus into `dir`; returns [{ file, kind }] in a stable order. */
export function generateCorpus(rng, dir, bases, { minimum = 240 } = {}) {
  mkdirSync(dir, { recursive: true });
  const entries = [];
  const add = (kind, name, bytes) => {
    const file = join(dir, `${String(entries.length).padStart(3, '0')}-${kind}-${name}`.replace(/[^A-Za-z0-9._-]/g, '_'));
    writeFileSync(file, bytes);
    entries.push({ file, kind });
  };
  // Empty and nearly empty.
  add('empty', 'zero-bytes.csv', Buffer.alloc(0));
  add('empty', 'zero-bytes.vcf', Buffer.alloc(0));
  add('empty', 'zero-bytes.json', Buffer.alloc(0));
  add('empty', 'whitespace.csv', utf8(' \n\t\r\n  \n'));
  add('empty', 'bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]));
  add('empty', 'utf16-bom-only.csv', Buffer.from([0xff, 0xfe]));
  add('empty', 'newlines.vcf', utf8('\r\n'.repeat(1000)));
  // Binary.
  const magic = { png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], gzip: [0x1f, 0x8b, 0x08, 0x00], zip: [0x50, 0x4b, 0x03, 0x04], pdf: [...utf8('%PDF-1.7\n')], sqlite: [...utf8('SQLite format 3\0')] };
  for (const [kind, header] of Object.entries(magic)) add('binary', `${kind}.csv`, Buffer.concat([Buffer.from(header), rng.bytes(rng.int(100, 20_000))]));
  for (let i = 0; i < 8; i++) add('binary', `random-${i}.${rng.pick(['csv', 'vcf', 'json', 'txt'])}`, rng.bytes(rng.int(1, 50_000)));
  add('binary', 'all-nuls.csv', Buffer.alloc(10_000));
  for (const [name, bytes] of bases) {
    const ext = name.split('.').pop();
    const text = bytes.toString('utf8');
    // Truncated at random points, some inside a multi-byte character or a quoted field.
    for (let i = 0; i < 3; i++) add('truncated', `${name}-at-${i}.${ext}`, bytes.subarray(0, rng.int(1, bytes.length - 1)));
    // NUL bytes.
    add('nul', `${name}-nuls.${ext}`, insertAt(insertAt(bytes, rng.int(0, bytes.length), Buffer.from([0, 0, 0])), rng.int(0, bytes.length), Buffer.from([0])));
    // Mixed encodings: Latin-1 bytes in UTF-8, invalid and overlong sequences, UTF-16 halves.
    add('encoding', `${name}-latin1-inside.${ext}`, insertAt(bytes, rng.int(0, bytes.length), Buffer.from('Müller Ørsted café', 'latin1')));
    add('encoding', `${name}-invalid-utf8.${ext}`, insertAt(bytes, rng.int(0, bytes.length), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80, 0xfe])));
    add('encoding', `${name}-utf16le-odd.${ext}`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le').subarray(0, Math.max(1, Buffer.byteLength(text, 'utf16le') - 1))]));
    if (FULL_VARIANTS.has(name)) {
      add('encoding', `${name}-utf16be-no-bom.${ext}`, Buffer.from(text, 'utf16le').swap16());
      add('encoding', `${name}-utf8-bom-utf16-body.${ext}`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf16le')]));
    }
    // Random damage.
    for (let i = 0; i < 2; i++) add('damaged', `${name}-mutated-${i}.${ext}`, mutate(rng, bytes));
    // The structural damage, on one or two files of each kind (the rest get the generic damage above).
    if (ext === 'csv' && FULL_VARIANTS.has(name)) for (const [n, b] of csvVariants(rng, name, text)) add('csv-quoting', n, b);
    if (ext === 'vcf' && FULL_VARIANTS.has(name)) for (const [n, b] of vcardVariants(rng, name, text)) add('vcard-folding', n, b);
    if (name === 'backup.json') for (const [n, b] of backupVariants(rng, text)) add('backup', n, b);
  }
  // More random damage until the corpus is large enough.
  const list = [...bases];
  while (entries.length < minimum) {
    const [name, bytes] = rng.pick(list);
    add('damaged', `${name}-extra-${entries.length}.${name.split('.').pop()}`, mutate(rng, bytes));
  }
  return entries;
}
