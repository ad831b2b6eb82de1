import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mailActivities } from '../../core/capture-mail.js';
import { gmailTakeoutMbox } from '../../test-support/capture-fixtures.js';
import { MboxHeaderReader, parseMailDate } from './mbox.js';

const encode = (text: string) => new TextEncoder().encode(text);

function read(bytes: Uint8Array, cuts: number[] = []): ReturnType<MboxHeaderReader['end']> {
  const reader = new MboxHeaderReader();
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(at, cut));
    at = cut;
  }
  reader.push(bytes.subarray(at));
  return reader.end();
}

describe('reading the headers of an mbox', () => {
  it('reads every message (never a body line), decoding RFC 2047 names in UTF-8, ISO-8859-1 and KOI8-R', () => {
    const messages = read(encode(gmailTakeoutMbox()));
    expect(messages).toHaveLength(10);
    expect(messages.map((m) => m.from?.name ?? m.from?.email)).toEqual(['Me Myself', 'Ana Silva', 'me@example.org', 'José Müller', 'Me Myself', 'Ana Silva', 'me@example.org', 'Ana Silva', 'Shop News', 'Kofi Mensah']);
    expect(messages[2]!.to).toEqual([{ email: 'yulia@example.ru', name: 'Юлия Смирнова' }]);
    expect(messages[3]!.cc).toEqual([
      { email: 'kofi@example.org', name: 'Kofi Mensah' },
      { email: 'francois@elsewhere.example', name: 'François' },
    ]);
    expect(messages[3]!.to).toEqual([{ email: 'me@example.org', name: 'Myself, Me' }]);
    expect(messages[6]!.references).toEqual(['a1@mail.example.org', 'a2@ana.example']);
    expect(messages[9]!.sentAt).toBeNull();
    // The body's ">From" and "From here on" lines start no message.
    expect(messages.map((m) => m.line)).toEqual(messages.map((m) => m.line).sort((a, b) => a - b));
  });

  it('gives one activity per thread and day in the user\'s zone, started by whoever wrote first', () => {
    const { activities, undated } = mailActivities(read(encode(gmailTakeoutMbox())), ['me@example.org'], 'Europe/London');
    expect(undated).toHaveLength(1);
    expect(activities.map((a) => [a.occurredOn, a.initiatedBy, a.channelReason, a.participants.map((p) => p.name ?? p.email).join(', ')])).toEqual([
      ['2026-08-01', 'me', '2 messages in the thread that day', 'Ana Silva'],
      ['2026-09-15', 'me', '1 message in the thread that day', 'Юлия Смирнова'],
      ['2026-10-10', 'them', '1 message in the thread that day', 'José Müller, Kofi Mensah, François'],
      ['2026-11-02', 'me', '3 messages in the thread that day', 'Ana Silva'],
      ['2026-11-04', 'them', '1 message in the thread that day', 'Ana Silva'],
      ['2026-11-05', 'them', '1 message in the thread that day', 'Shop News'],
    ]);
  });

  it('reads the same however the file is cut into chunks, CRLF or LF (property)', () => {
    const text = gmailTakeoutMbox();
    const bytes = encode(text);
    const whole = read(bytes);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.byteLength }), { maxLength: 40 }), (cuts) => {
        expect(read(bytes, cuts)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
    const crlf = read(encode(text.replace(/\n/g, '\r\n')));
    expect(crlf.map((m) => [m.line, m.messageId, m.sentAt])).toEqual(whole.map((m) => [m.line, m.messageId, m.sentAt]));
  });

  it('refuses a mailbox cut off in the middle of a message\'s headers, naming the line the message starts on', () => {
    const text = gmailTakeoutMbox();
    const start = text.indexOf('From 1866666666666666666');
    const line = text.slice(0, start).split('\n').length;
    expect(() => read(encode(text.slice(0, start + 80)))).toThrow(`line ${line}: the mailbox ends in the middle of the headers of the message starting here: the file is cut off`);
  });

  it('refuses what is not a mailbox, and headers that never end', () => {
    expect(() => read(encode('Hello\nFrom me\n'))).toThrow('line 1: not an mbox');
    expect(() => read(encode(''))).toThrow('the mailbox is empty');
    const endless = `From x@y Mon Jan  1 00:00:00 2026\n${'X-Junk: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'.repeat(30_000)}`;
    expect(() => read(encode(endless))).toThrow('line 1: the headers of this message never end');
  });

  it('reads dates with comments and zones, and never throws on any header (property)', () => {
    expect(parseMailDate('Sat, 10 Oct 2026 13:00:00 +0200 (CEST)')).toBe(Date.parse('2026-10-10T11:00:00Z'));
    expect(parseMailDate('not a date')).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (headers) => {
        const text = `From a@b Mon Jan  1 00:00:00 2026\n${headers.map((h) => `From: ${h.replace(/[\r\n]/g, ' ')}`).join('\n')}\n\nbody\n`;
        expect(read(encode(text))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
