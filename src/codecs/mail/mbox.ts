/**
 * Reads the headers of an mbox (Gmail Takeout, Thunderbird, Apple Mail), chunk by
 * chunk, never keeping a body: a mailbox of gigabytes passes through in the
 * memory of its headers. Messages start at a "From " line after a blank line
 * (or at the start of the file); bodies are skipped line by line without being
 * decoded. Encoded words (RFC 2047, any charset) are decoded with libmime.
 *
 * A file cut off in the middle of a message's headers is refused with the line
 * of that message; one cut off in a body loses nothing we read.
 */
// Node's Buffer, not TextDecoder: isUtf8 and toString run natively, and a strict TextDecoder costs a tenth more CPU on a mailbox of gigabytes.
import { Buffer, isUtf8 } from 'node:buffer';
import libmime from 'libmime';
import type { MailHeaders } from '../../core/capture-mail.js';
import type { Participant } from '../../core/capture.js';
import { ImportFileError } from '../../core/import-types.js';
import { parseAddressList } from '../../core/mail-address.js';
import { joinBytes } from '../bytes.js';

const LF = 0x0a;
const WANTED = new Set(['from', 'to', 'cc', 'date', 'message-id', 'in-reply-to', 'references', 'x-gm-thrid']);
/** A header block longer than this is not a mail header: the file is not an mbox, or is broken. */
const MAX_HEADER_BYTES = 1024 * 1024;

/** Header bytes as text: UTF-8 where they are (raw 8-bit headers), else Latin-1; most are ASCII (encoded words). */
function headerText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buffer) ? buffer.toString('utf8') : buffer.toString('latin1');
}

function isFromLine(buffer: Uint8Array, start: number, end: number): boolean {
  return end - start >= 5 && buffer[start] === 0x46 && buffer[start + 1] === 0x72 && buffer[start + 2] === 0x6f && buffer[start + 3] === 0x6d && buffer[start + 4] === 0x20;
}

function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

function participants(value: string | undefined): Participant[] {
  if (!value) return [];
  return parseAddressList(value).map((p) => ({ email: p.email, name: p.name ? decodeWords(p.name).trim() || null : null }));
}

function messageIds(value: string | undefined): string[] {
  return value ? [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!) : [];
}

/** An RFC 5322 date (comments aside); null when unreadable. */
export function parseMailDate(value: string | undefined): number | null {
  if (!value) return null;
  const cleaned = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const parsed = Date.parse(cleaned);
  return Number.isNaN(parsed) ? null : parsed;
}

export class MboxHeaderReader {
  private carry: Uint8Array | null = null;
  private line = 0;
  private state: 'start' | 'headers' | 'body' = 'start';
  private previousBlank = true;
  private headerLines: Uint8Array[] = [];
  private headerBytes = 0;
  private messageLine = 0;
  /** Every message's headers, unless a sink takes them one by one (then none are kept). */
  readonly messages: MailHeaders[] = [];
  count = 0;
  bytesRead = 0;

  constructor(private readonly options: { sink?: (message: MailHeaders) => void; onMessage?: (count: number, bytes: number) => void } = {}) {}

  push(chunk: Uint8Array): void {
    this.bytesRead += chunk.byteLength;
    let buffer = chunk;
    if (this.carry) {
      buffer = new Uint8Array(this.carry.byteLength + chunk.byteLength);
      buffer.set(this.carry);
      buffer.set(chunk, this.carry.byteLength);
      this.carry = null;
    }
    let start = 0;
    for (;;) {
      const end = buffer.indexOf(LF, start);
      if (end === -1) break;
      this.take(buffer, start, end > start && buffer[end - 1] === 0x0d ? end - 1 : end);
      start = end + 1;
    }
    if (start < buffer.byteLength) this.carry = buffer.slice(start);
  }

  /** Ends the file; returns every message's headers. */
  end(): MailHeaders[] {
    if (this.carry) {
      const rest = this.carry;
      this.carry = null;
      this.take(rest, 0, rest.byteLength > 0 && rest[rest.byteLength - 1] === 0x0d ? rest.byteLength - 1 : rest.byteLength);
    }
    if (this.state === 'start') throw new ImportFileError(null, 'the mailbox is empty');
    if (this.state === 'headers') throw new ImportFileError(this.messageLine, 'the mailbox ends in the middle of the headers of the message starting here: the file is cut off');
    return this.messages;
  }

  private take(buffer: Uint8Array, start: number, end: number): void {
    this.line += 1;
    const blank = end === start;
    if (this.state === 'start') {
      if (blank) return;
      if (!isFromLine(buffer, start, end)) throw new ImportFileError(this.line, 'not an mbox: a mailbox starts with a "From " line');
      this.beginMessage();
    } else if (this.state === 'headers') {
      if (blank) {
        this.finishHeaders();
        this.state = 'body';
      } else {
        this.headerBytes += end - start;
        if (this.headerBytes > MAX_HEADER_BYTES) throw new ImportFileError(this.messageLine, 'the headers of this message never end (over 1 MB): not a mailbox, or a broken one');
        // A view, not a copy: each chunk is a buffer of its own, read once.
        this.headerLines.push(buffer.subarray(start, end));
      }
    } else if (this.previousBlank && isFromLine(buffer, start, end)) this.beginMessage();
    this.previousBlank = blank;
  }

  private beginMessage(): void {
    this.state = 'headers';
    this.messageLine = this.line;
    this.headerLines = [];
    this.headerBytes = 0;
  }

  private finishHeaders(): void {
    const fields = new Map<string, string>();
    let name: string | null = null;
    let value = '';
    const flush = () => {
      if (name !== null && WANTED.has(name)) fields.set(name, fields.has(name) && (name === 'to' || name === 'cc') ? `${fields.get(name)!}, ${value}` : (fields.get(name) ?? value));
      name = null;
    };
    // The whole block decoded at once (one call, not one a line): UTF-8, or Latin-1 where it is not.
    for (const line of headerText(joinBytes(this.headerLines, LF)).split('\n')) {
      const first = line.charCodeAt(0);
      if (first === 0x20 || first === 0x09) {
        if (name !== null) value += ` ${line.trim()}`;
        continue;
      }
      flush();
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const candidate = line.slice(0, colon).trim().toLowerCase();
      if (!WANTED.has(candidate)) continue;
      name = candidate;
      value = line.slice(colon + 1).trim();
    }
    flush();
    this.headerLines = [];
    const from = participants(fields.get('from'))[0] ?? null;
    const message: MailHeaders = {
      line: this.messageLine,
      messageId: messageIds(fields.get('message-id'))[0] ?? null,
      threadId: fields.get('x-gm-thrid')?.trim() || null,
      references: messageIds(fields.get('references')),
      inReplyTo: messageIds(fields.get('in-reply-to'))[0] ?? null,
      sentAt: parseMailDate(fields.get('date')),
      from,
      to: participants(fields.get('to')),
      cc: participants(fields.get('cc')),
    };
    this.count += 1;
    if (this.options.sink) this.options.sink(message);
    else this.messages.push(message);
    this.options.onMessage?.(this.count, this.bytesRead);
  }
}

