/**
 * What a file is, told from its raw head before any decoding: a calendar starts with
 * BEGIN:VCALENDAR, a mailbox with a "From " line and headers, LinkedIn's archive is a
 * ZIP. Captures are told apart here; a contacts file is told apart after its decoding
 * (services/import/detect.ts). The import's identification (identifyFile) asks this
 * first too, so a file is read by one rule whichever way it comes in.
 */
import type { CaptureFormat } from '../core/capture.js';
import { looksLikeMbox } from '../core/capture-mail.js';
import { looksLikeZip } from './linkedin/archive.js';

/** How much of the head is read: enough for a mailbox's first headers. */
export const SNIFF_BYTES = 8192;

/** The capture format the content says, or null: the bytes alone decide, never the name. */
export function captureFormatIn(head: Uint8Array): CaptureFormat | null {
  const text = new TextDecoder('latin1').decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF|^ï»¿/, '');
  if (/^\s*BEGIN:VCALENDAR/i.test(text)) return 'calendar';
  if (looksLikeMbox(text)) return 'mbox';
  if (looksLikeZip(head)) return 'linkedin-archive';
  return null;
}

/**
 * Whether a file is one capture reads, from its first bytes (the content decides;
 * the extension only when the content says nothing).
 */
export function captureFormatOf(head: Uint8Array, fileName?: string): CaptureFormat | null {
  const byContent = captureFormatIn(head);
  if (byContent !== null) return byContent;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName?.trim() ?? '')?.[1]?.toLowerCase();
  if (extension === 'ics' || extension === 'ical' || extension === 'ifb') return 'calendar';
  if (extension === 'mbox' || extension === 'mbx') return 'mbox';
  if (extension === 'zip') return 'linkedin-archive';
  return null;
}
