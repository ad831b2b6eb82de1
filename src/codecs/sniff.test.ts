import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../core/import-types.js';
import { readContactsFile } from '../services/import/plan-file.js';
import { captureFormatIn, captureFormatOf } from './sniff.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const calendar = bytes('\uFEFFBEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
const mailbox = bytes('From 1@xxx Sat Aug 01 09:00:00 +0000 2026\nDate: Sat, 1 Aug 2026 10:00:00 +0100\nFrom: a@example.org\n\nHello\n');
const archive = zipSync({ 'Connections.csv': strToU8('First Name,Last Name\n') });
const vcard = bytes('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nEND:VCARD\r\n');

describe('the sniff of a file by its raw head', () => {
  it('tells a calendar, a mailbox and an archive by their bytes', () => {
    expect(captureFormatIn(calendar)).toBe('calendar');
    expect(captureFormatIn(mailbox)).toBe('mbox');
    expect(captureFormatIn(archive)).toBe('linkedin-archive');
    expect(captureFormatIn(vcard)).toBeNull();
    expect(captureFormatIn(new Uint8Array())).toBeNull();
  });

  it('lets the name speak only when the content says nothing', () => {
    expect(captureFormatOf(bytes('garbage'), 'export.ICS')).toBe('calendar');
    expect(captureFormatOf(bytes('garbage'), 'mail.mbox')).toBe('mbox');
    expect(captureFormatOf(bytes('garbage'), 'linkedin.zip')).toBe('linkedin-archive');
    expect(captureFormatOf(calendar, 'contacts.csv')).toBe('calendar');
    expect(captureFormatOf(vcard, 'contacts.vcf')).toBeNull();
  });
});

describe("the import's identification asks the same sniff", () => {
  it('refuses a calendar, a mailbox or an archive given as contacts, naming what it is', () => {
    const refusal = (file: Uint8Array, format?: 'vcard' | 'linkedin') => {
      try {
        readContactsFile(file, format ? { format } : {});
      } catch (error) {
        expect(error).toBeInstanceOf(ImportFileError);
        return (error as ImportFileError).message;
      }
      throw new Error('not refused');
    };
    expect(refusal(calendar, 'vcard')).toMatch(/given as vcard but reads as calendar/);
    expect(refusal(mailbox, 'linkedin')).toMatch(/given as linkedin but reads as mbox/);
    expect(refusal(archive)).toMatch(/reads as linkedin-archive: it is captured/);
  });

  it('still reads a contacts file', () => {
    expect(readContactsFile(vcard).file.contacts.map((c) => c.name)).toEqual(['Ana Silva']);
  });
});
