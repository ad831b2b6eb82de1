import type { IsoDate } from './dates.js';
import { WaggleError } from './errors.js';
import type { ContactKind } from './vocabulary.js';

/**
 * What every importer produces, whatever the file: contacts in one shape, each
 * with the line it started on, so that every decision can name its line.
 */

export const IMPORT_FORMATS = ['linkedin', 'vcard', 'google', 'outlook', 'backup'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedChannel {
  kind: ContactKind;
  value: string;
  label: string | null;
}

export interface ImportedContact {
  /** The line of the file where this record starts (1-based, counting every physical line). */
  line: number;
  /** The display name, already assembled from its parts when the file splits it. */
  name: string | null;
  /** The family name, where the file keeps it apart (vCard N, a Last Name or Family Name column): lists sort by it. */
  familyName?: string | null;
  /** The contact's photo (a vCard's PHOTO carried in the card, already checked to be a PNG, JPEG, WebP or GIF). */
  photo?: Uint8Array;
  organisation: string | null;
  role: string | null;
  location: string | null;
  notes: string | null;
  channels: ImportedChannel[];
  /** When the tie began, where the file says so (LinkedIn's "Connected On"). */
  tieBeganOn: IsoDate | null;
  /** A birthday as written, `YYYY-MM-DD` or year-less `--MM-DD`: becomes the person's birthday (a date that matters). */
  birthday: string | null;
  /** An anniversary in the same form (vCard 4's ANNIVERSARY), when the file has one. */
  anniversary?: string | null;
  /** Dates of the user's own naming (Apple's labelled X-ABDATE), each in the same form, when the file has any. */
  namedDates?: { label: string; date: string }[];
  tags: string[];
}

export interface SkippedRecord {
  line: number;
  reason: string;
}

/** Something the user should check before importing: the file was read, but perhaps not as meant. */
export interface ImportWarning {
  code: 'mixed-encoding' | 'uncertain-encoding' | 'unreadable-characters';
  message: string;
  /** The lines concerned (the first few), when the warning is about lines. */
  lines: number[];
}

/** A file read as a whole: every record is either a contact or skipped, with its line. */
export interface ParsedFile {
  format: ImportFormat;
  /** How many records the file holds (contacts + skipped). */
  records: number;
  contacts: ImportedContact[];
  skipped: SkippedRecord[];
}

/** A file that cannot be read as a whole: nothing from it is stored. */
export class ImportFileError extends WaggleError {
  override readonly name = 'ImportFileError';
  readonly code = 'validation' as const;
  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}
