/**
 * Which importer a file needs, when the user does not say. The content decides:
 * a vCard starts with `BEGIN:VCARD`, a Waggle backup is a JSON object naming
 * `"waggleBackup"`, and the CSV layouts are told apart by their header line.
 * Only when the content matches none does the file name's extension speak
 * (`.vcf`/`.vcard` → vCard, `.json` → backup), so that the reader of that format
 * can say, with a line number, what is wrong with the file. `.csv` alone names
 * no layout: null.
 *
 * Only the first DETECT_CHARS characters are read: a 20 MB file of one line is
 * told apart (or not) as fast as a small one.
 */
import type { ImportFormat } from '../../core/import-types.js';
import { looksLikeGoogle } from './google.js';
import { looksLikeLinkedIn } from './linkedin.js';
import { looksLikeOutlook } from './outlook.js';
import { HEADER_SCAN_CHARS } from './reader.js';

export const DETECT_CHARS = HEADER_SCAN_CHARS;

export function detectFormat(text: string, fileName?: string): ImportFormat | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(start, start + DETECT_CHARS);
  const firstLine = /^\s*([^\r\n]*)/.exec(body)?.[1] ?? '';
  if (/^begin:vcard$/i.test(firstLine.trim())) return 'vcard';
  if (body.trimStart().startsWith('{') && body.includes('"waggleBackup"')) return 'backup';
  if (looksLikeLinkedIn(body)) return 'linkedin';
  if (looksLikeGoogle(body)) return 'google';
  if (looksLikeOutlook(body)) return 'outlook';
  const extension = /\.([a-z0-9]+)$/i.exec(fileName?.trim() ?? '')?.[1]?.toLowerCase();
  if (extension === 'vcf' || extension === 'vcard') return 'vcard';
  if (extension === 'json') return 'backup';
  return null;
}
