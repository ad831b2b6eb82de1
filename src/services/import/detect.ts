/**
 * Which importer a file needs, when the user does not say. The content decides:
 * a vCard starts with `BEGIN:VCARD`, a Waggle backup is a JSON object naming
 * `"waggleBackup"`, and the CSV layouts are told apart by their header line.
 * Only when the content matches none does the file name's extension speak
 * (`.vcf`/`.vcard` → vCard, `.json` → backup), so that the reader of that format
 * can say, with a line number, what is wrong with the file. `.csv` alone names
 * no layout: null.
 */
import type { ImportFormat } from '../../core/import-types.js';
import { looksLikeGoogle, looksLikeLinkedIn, looksLikeOutlook } from './csv-formats.js';

export function detectFormat(text: string, fileName?: string): ImportFormat | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
