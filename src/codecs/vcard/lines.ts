/**
 * A vCard's physical lines, unfolded into logical ones: folded lines (a leading space
 * or tab), quoted-printable soft breaks (a line ending in `=`) and 2.1's base64 blocks
 * left unindented are joined to the line they continue. Linear: the text is walked
 * once with `indexOf`, and a property nobody reads (a photo, a logo, a key) has its
 * continuation lines stepped over without being copied.
 */

const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;

/** The physical lines of a text, one at a time, without copying the ones nobody reads. */
class PhysicalLines {
  /** The current line: `[start, end)` in the text, without its line break. */
  start = 0;
  end = 0;
  /** Its 1-based number, counting every physical line. */
  number = 0;
  done = false;
  private next: number;
  private readonly breakChar: string;

  constructor(private readonly text: string) {
    this.breakChar = text.includes('\n') ? '\n' : '\r';
    this.next = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.advance();
  }

  advance(): void {
    const { text } = this;
    if (this.next >= text.length) {
      this.done = true;
      this.start = this.end = text.length;
      return;
    }
    this.number += 1;
    this.start = this.next;
    const found = text.indexOf(this.breakChar, this.start);
    const stop = found < 0 ? text.length : found;
    this.next = found < 0 ? text.length : found + 1;
    this.end = stop > this.start && text.charCodeAt(stop - 1) === 0x0d ? stop - 1 : stop;
  }

  firstChar(): number {
    return this.start < this.end ? this.text.charCodeAt(this.start) : -1;
  }

  lastChar(): number {
    return this.start < this.end ? this.text.charCodeAt(this.end - 1) : -1;
  }

  line(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Whether the line opens or closes a card: a quoted-printable soft break never runs into one. */
  isCardBoundary(): boolean {
    const head = this.text.slice(this.start, Math.min(this.end, this.start + 12)).trimEnd().toUpperCase();
    return head === 'BEGIN:VCARD' || head === 'END:VCARD';
  }

  /** A line of bare base64, as some 2.1 writers leave a photo's lines unindented. */
  isBase64(): boolean {
    if (this.start === this.end) return false;
    for (let i = this.start; i < this.end; i++) {
      const c = this.text.charCodeAt(i);
      const ok = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === EQUALS;
      if (!ok) return false;
    }
    return true;
  }
}

/** Where a property's name and parameters end: the first colon outside double quoted parameter values, or -1. */
export function colonIn(text: string, start: number, end: number): number {
  let quoted = false;
  let inParameters = false;
  let firstColon = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) {
      if (!quoted) return i;
      if (firstColon < 0) firstColon = i;
    } else if (c === 0x3b) inParameters = true;
    else if (c === 0x22 && inParameters) quoted = !quoted;
  }
  return firstColon;
}

export interface LogicalLine {
  /** The 1-based number of its first physical line. */
  line: number;
  /** The property as one line: name, parameters, colon and value, unfolded. */
  text: string;
  /** Where its name and parameters end (the colon), or -1 when it has none. */
  colon: number;
}

/** The logical lines of a vCard text, one at a time. */
export class LogicalLines {
  private readonly physical: PhysicalLines;

  constructor(private readonly input: string) {
    this.physical = new PhysicalLines(input);
  }

  /** The number of the last physical line read: where a file cut short ends. */
  get lastLine(): number {
    return this.physical.number;
  }

  /**
   * The next logical line that is not blank, or null at the end of the text. A property
   * whose (upper-cased, group-less) name `unread` accepts is stepped over, unread.
   */
  next(unread: (name: string) => boolean): LogicalLine | null {
    const reader = this.physical;
    const input = this.input;
    while (!reader.done) {
      const lineNumber = reader.number;
      if (reader.start === reader.end) {
        reader.advance();
        continue;
      }
      const firstColon = colonIn(input, reader.start, reader.end);
      const headEnd = firstColon < 0 ? reader.end : firstColon;
      const header = input.slice(reader.start, headEnd);
      const headerUpper = header.toUpperCase();
      const semicolon = header.indexOf(';');
      const fullName = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toUpperCase();
      const name = fullName.slice(fullName.lastIndexOf('.') + 1);
      const quotedPrintable = headerUpper.includes('QUOTED-PRINTABLE');
      const base64 = semicolon >= 0 && (headerUpper.includes('BASE64') || /;\s*ENCODING\s*=\s*"?B"?\s*(?:;|$)/.test(headerUpper));

      // A property nobody reads (a photo, a logo, a key): step over its lines without copying them.
      if (firstColon >= 0 && unread(name)) {
        let last = reader.lastChar();
        reader.advance();
        while (!reader.done) {
          const first = reader.firstChar();
          if (quotedPrintable && last === EQUALS && !reader.isCardBoundary()) {
            // soft line break: the next line continues the value whatever it starts with
          } else if (first === SPACE || first === TAB) {
            // folded line
          } else if (base64 && reader.isBase64()) {
            // 2.1 base64 left unindented
          } else break;
          last = reader.lastChar();
          reader.advance();
        }
        continue;
      }

      // Every other property: unfold it into one logical line.
      const parts = [reader.line()];
      reader.advance();
      while (!reader.done) {
        const first = reader.firstChar();
        const lastPart = parts[parts.length - 1] ?? '';
        if (quotedPrintable && lastPart.endsWith('=') && !reader.isCardBoundary()) {
          parts[parts.length - 1] = lastPart.slice(0, -1);
          parts.push(reader.line());
        } else if (first === SPACE || first === TAB) {
          parts.push(input.slice(reader.start + 1, reader.end));
        } else if (base64 && reader.isBase64()) {
          parts.push(reader.line());
        } else break;
        reader.advance();
      }
      const text = parts.length === 1 ? (parts[0] ?? '') : parts.join('');
      if (text.trim() === '') continue;
      // The colon found on the first physical line is where it was; else look again in the unfolded line.
      return { line: lineNumber, text, colon: firstColon >= 0 ? header.length : colonIn(text, 0, text.length) };
    }
    return null;
  }
}
