/**
 * vCard 2.1, 3.0 and 4.0 import: one or many cards per file, as Apple Contacts,
 * Google, Outlook and Android write them.
 *
 * Why our own reader and not ical.js: ical.js reads 3.0 and 4.0 well, but not 2.1
 * (quoted-printable with a charset, bare `TEL;CELL` types, base64 blocks ended by a
 * blank line), it gives no line numbers, so a card or an error cannot name its line,
 * and it throws on vendor quirks a phone happily writes. It would also build every
 * photo as a string before we drop it. This reader is line-based and linear: it walks
 * the physical lines once with `indexOf`, never slices the continuation lines of a
 * property it does not use (photos, logos, keys…), and uses no regular expression
 * that can backtrack.
 *
 * The rules, all or nothing: a file that is not vCard, an END without BEGIN, a BEGIN
 * inside a card, a file ending inside a card or a property line without a colon is
 * refused with its line (`ImportFileError`). A readable card with no FN, N or ORG is
 * skipped with its line. Every contact carries the line of its BEGIN:VCARD.
 *
 * Split at its seams: lines.ts unfolds the physical lines, encodings.ts undoes the
 * transfer encodings, properties.ts reads a property's parameters and value, and
 * cards.ts maps a card's properties to a contact; this file keeps the cards apart.
 */
import { ImportFileError, type ImportedContact, type ParsedFile } from '../../core/import-types.js';
import { Card, USED_PROPERTIES } from './cards.js';
import { LogicalLines } from './lines.js';
import { parseProperty, text } from './properties.js';

function shown(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/** Reads every card of a vCard file (2.1, 3.0 or 4.0), or refuses the whole file with the line at fault. */
export function parseVcards(input: string): ParsedFile {
  const lines = new LogicalLines(input);
  const contacts: ImportedContact[] = [];
  const skipped: ParsedFile['skipped'] = [];
  let card: Card | null = null;
  let cards = 0;
  // Inside a card, a property no card reads is stepped over unread; outside one, every line is read to say what is wrong.
  const unread = (name: string) => card !== null && !USED_PROPERTIES.has(name);

  for (let logical = lines.next(unread); logical !== null; logical = lines.next(unread)) {
    const { line: lineNumber, text: written, colon: at } = logical;
    if (card === null) {
      const property = at >= 0 ? parseProperty(written, at) : null;
      const value = property ? text(property).toUpperCase() : '';
      if (property?.name === 'BEGIN' && property.group === null && value === 'VCARD') {
        card = new Card(lineNumber);
        cards += 1;
        continue;
      }
      if (property?.name === 'END' && value === 'VCARD') throw new ImportFileError(lineNumber, 'END:VCARD without a BEGIN:VCARD before it');
      throw new ImportFileError(lineNumber, `not a vCard: expected BEGIN:VCARD, found "${shown(written)}"`);
    }

    if (at < 0) throw new ImportFileError(lineNumber, `a property line without a colon in the card that begins at line ${card.line}: "${shown(written)}"`);
    const property = parseProperty(written, at);
    if (property.name === 'BEGIN') {
      throw new ImportFileError(lineNumber, `BEGIN:${shown(text(property))} inside the card that begins at line ${card.line} (is its END:VCARD missing?)`);
    }
    if (property.name === 'END') {
      const value = text(property);
      if (value.toUpperCase() !== 'VCARD') throw new ImportFileError(lineNumber, `END:${shown(value)} inside the card that begins at line ${card.line}`);
      const contact = card.contact();
      if (contact) contacts.push(contact);
      else skipped.push({ line: card.line, reason: 'no name: the card has no FN, N or ORG' });
      card = null;
      continue;
    }
    card.take(property);
  }

  if (card !== null) throw new ImportFileError(card.line, `the card that begins at line ${card.line} has no END:VCARD: the file ends inside it (line ${lines.lastLine})`);
  if (cards === 0) throw new ImportFileError(1, 'not a vCard: the file holds no BEGIN:VCARD');
  return { format: 'vcard', records: cards, contacts, skipped };
}
