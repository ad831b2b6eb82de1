/**
 * The pure half of an import: bytes in, a plan out. Decodes, detects (or checks)
 * the format, parses and plans against the people already in the map. Nothing
 * here touches the database, so it can run in a worker thread (parse-worker.ts)
 * while the server keeps answering.
 */
import { planImport, type ExistingPerson, type ImportPlan } from '../../core/import-merge.js';
import { ImportFileError, type ImportFormat, type ImportWarning, type ParsedFile } from '../../core/import-types.js';
import { parseGoogleCsv, parseLinkedInCsv, parseOutlookCsv } from './csv-formats.js';
import { decodeFile, type DecodedText } from './decode.js';
import { detectFormat } from './detect.js';
import { parseVcards } from './vcard.js';

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

/**
 * Decodes, detects (or checks) the format and parses a contacts file. The size limit is not
 * checked again here: it was counted where the bytes came in (read-limited.ts, at each edge).
 */
export function readContactsFile(bytes: Uint8Array, options: ReadOptions = {}): ReadFile {
  const decoded = decodeFile(bytes, options.encoding);
  const text = decoded.text;
  const detected = detectFormat(text, options.fileName);
  const format = options.format ?? detected;
  if (format === null) throw new ImportFileError(1, 'not a format Waggle reads: LinkedIn Connections.csv, vCard, Google or Outlook CSV, or a Waggle backup');
  if (options.format && detected !== null && detected !== options.format) {
    throw new ImportFileError(1, `the file was given as ${options.format} but reads as ${detected}`);
  }
  const parse = (): ParsedFile => {
    switch (format) {
      case 'linkedin':
        return parseLinkedInCsv(text);
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
  return { file: parse(), encoding: { name: decoded.encoding, source: decoded.encodingSource, confidence: decoded.confidence }, warnings: decoded.warnings };
}

export interface PlannedFile {
  format: ImportFormat;
  plan: ImportPlan;
  encoding: EncodingUsed;
  warnings: ImportWarning[];
}

/** Reads a file and plans it against the map. */
export function planFile(bytes: Uint8Array, options: ReadOptions, existing: readonly ExistingPerson[], progress: (phase: 'reading' | 'planning', done: number, total: number) => void = () => undefined): PlannedFile {
  progress('reading', 0, 1);
  const read = readContactsFile(bytes, options);
  progress('reading', 1, 1);
  progress('planning', 0, read.file.records);
  const plan = planImport(read.file, existing);
  progress('planning', read.file.records, read.file.records);
  return { format: read.file.format, plan, encoding: read.encoding, warnings: read.warnings };
}
