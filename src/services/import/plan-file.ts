/**
 * The pure half of an import: bytes in, a plan out. Decodes once, detects (or checks)
 * the format once, parses and plans against the people already in the map. Nothing
 * here touches the database, so it can run in a worker thread (parse-worker.ts)
 * while the server keeps answering.
 */
import { startPlan, type ExistingPerson, type ImportPlan } from '../../core/import-merge.js';
import { ImportFileError, type ImportedContact, type ImportFormat, type ImportWarning, type ParsedFile } from '../../core/import-types.js';
import { decodeFile, type DecodedText } from '../../codecs/csv/decode.js';
import { detectFormat } from '../../codecs/csv/detect.js';
import { parseGoogleCsv } from '../../codecs/csv/google.js';
import { parseLinkedInCsv } from '../../codecs/csv/linkedin.js';
import { parseOutlookCsv } from '../../codecs/csv/outlook.js';
import { captureFormatIn } from '../../codecs/sniff.js';
import { parseVcards } from '../../codecs/vcard/read.js';

/** The largest file taken in one go; past it, split the export. Counted as the bytes are read (read-limited.ts). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ReadOptions {
  format?: ImportFormat;
  fileName?: string;
  /** An encoding the user names (an iconv-lite name); detected when left out. */
  encoding?: string;
}

export interface EncodingUsed {
  name: string;
  source: DecodedText['encodingSource'];
  confidence: number | null;
}

export interface ReadFile {
  file: ParsedFile;
  encoding: EncodingUsed;
  warnings: ImportWarning[];
}

/** A file decoded once and its format detected (or checked) once: what every later step reads. */
export interface IdentifiedFile {
  format: ImportFormat;
  decoded: DecodedText;
}

/** Decodes the file and detects its format, or checks the format the user gave against what the content says. */
export function identifyFile(bytes: Uint8Array, options: ReadOptions = {}): IdentifiedFile {
  // A calendar, a mailbox or an archive is told by the same sniff the edges use to send it to capture.
  const capture = captureFormatIn(bytes);
  if (capture !== null) throw new ImportFileError(1, `the file ${options.format ? `was given as ${options.format} but ` : ''}reads as ${capture}: it is captured into the journal, not imported as contacts`);
  const decoded = decodeFile(bytes, options.encoding);
  const detected = detectFormat(decoded.text, options.fileName);
  const format = options.format ?? detected;
  if (format === null) throw new ImportFileError(1, 'not a format Waggle reads: LinkedIn Connections.csv, vCard, Google or Outlook CSV, or a Waggle backup');
  if (options.format && detected !== null && detected !== options.format) {
    throw new ImportFileError(1, `the file was given as ${options.format} but reads as ${detected}`);
  }
  return { format, decoded };
}

function encodingOf(decoded: DecodedText): EncodingUsed {
  return { name: decoded.encoding, source: decoded.encodingSource, confidence: decoded.confidence };
}

/**
 * Parses a file already identified as a contacts file (not a backup). Given `each`, a LinkedIn
 * file's named contacts are handed to it as they are read, and left out of the file's list.
 */
function parseContacts({ format, decoded }: IdentifiedFile, each?: (contact: ImportedContact) => void): ReadFile {
  const text = decoded.text;
  const parse = (): ParsedFile => {
    switch (format) {
      case 'linkedin':
        return parseLinkedInCsv(text, each);
      case 'google':
        return parseGoogleCsv(text);
      case 'outlook':
        return parseOutlookCsv(text);
      case 'vcard':
        return parseVcards(text);
      case 'backup':
        throw new ImportFileError(1, 'a Waggle backup is restored, not merged: use the backup path');
    }
  };
  return { file: parse(), encoding: encodingOf(decoded), warnings: decoded.warnings };
}

/**
 * Decodes, detects (or checks) the format and parses a contacts file. The size limit is not
 * checked again here: it was counted where the bytes came in (read-limited.ts, at each edge).
 */
export function readContactsFile(bytes: Uint8Array, options: ReadOptions = {}): ReadFile {
  return parseContacts(identifyFile(bytes, options));
}

export interface PlannedFile {
  format: ImportFormat;
  plan: ImportPlan;
  encoding: EncodingUsed;
  warnings: ImportWarning[];
}

/** A Waggle backup is restored, not planned: its text, decoded once, goes back to be parsed and restored. */
export interface BackupText {
  format: 'backup';
  text: string;
}

/** Reads a file (decoded and identified once) and plans it against the map; a backup comes back as its text. */
export function planFile(bytes: Uint8Array, options: ReadOptions, existing: readonly ExistingPerson[], progress: (phase: 'reading' | 'planning', done: number, total: number) => void = () => undefined): PlannedFile | BackupText {
  progress('reading', 0, 1);
  const identified = identifyFile(bytes, options);
  if (identified.format === 'backup') return { format: 'backup', text: identified.decoded.text };
  const planner = startPlan(existing);
  // A LinkedIn file is planned as it is read, so no contact outlives its turn: read whole first,
  // 30,000 of them lived through V8's scavenges into its old generation while the plan was made
  // (issue 15: the 30,000-row import 0.975 of the wall time and 0.962 of the CPU, 21 runs in turn;
  // peak RSS 128 -> 120 MB). The other formats are read whole and planned after; a LinkedIn
  // file's list then holds none.
  const read = parseContacts(identified, planner.add);
  progress('reading', 1, 1);
  progress('planning', 0, read.file.records);
  const { contacts } = read.file;
  for (let at = 0; at < contacts.length; at++) planner.add(contacts[at]!);
  const plan = planner.finish(read.file.records, read.file.skipped);
  progress('planning', read.file.records, read.file.records);
  return { format: read.file.format, plan, encoding: read.encoding, warnings: read.warnings };
}
